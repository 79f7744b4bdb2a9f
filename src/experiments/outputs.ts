/**
 * The final files of a run: replications.csv, summary.csv, comparison.csv and series.csv
 * (RFC 4180, see src/output/csv.ts), plus sensitivity.csv for a sensitivity design, then
 * manifest.json with the SHA-256 of each. Every file is written atomically and the manifest
 * last, so a folder with a manifest is a complete run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, writeTextAtomic } from '../output/atomic-write.ts';
import { csvField, csvLine, csvLines, csvText, type CsvCell } from '../output/csv.ts';
import { formatNumber } from '../output/number-format.ts';
import { lockfileSha256, provenance, workingTreeDirty } from '../output/provenance.ts';
import { compare, summarize, type ComparisonRow, type SummaryRow } from './assemble.ts';
import type { Experiment } from './define-experiment.ts';
import { sha256, type ModelHash } from './fingerprint.ts';
import type { ReplicationRecord } from './journal.ts';
import type { InputCopy } from './run-inputs.ts';
import type { PrecisionOutcome } from './output-analysis/precision-run.ts';
import { RUN_FILES } from './run-dir.ts';
import { analyzeSensitivity, SENSITIVITY_COLUMNS, sensitivityCsvText } from './sensitivity/analyze.ts';
import { BEST_COLUMNS, comparisonFamilyTexts, PAIRS_COLUMNS } from './output-analysis/comparison-family.ts';
import { BATCH_MEANS_COLUMNS, batchMeansTexts } from './output-analysis/single-run-batch-means.ts';
import { seriesX } from './series.ts';
import type { Shard } from './shard.ts';

/** Column names of each CSV file, in order (documented in the README's data dictionary). */
export const COLUMNS = {
  'replications.csv': ['scenario', 'replication', 'seed', 'metric', 'value'],
  'summary.csv': ['scenario', 'metric', 'n', 'mean', 'sd', 'ci95_low', 'ci95_high', 'p50', 'p95'],
  'comparison.csv': ['scenario', 'baseline', 'metric', 'n', 'baseline_mean', 'scenario_mean', 'mean_difference', 'ci95_low', 'ci95_high', 'relative_change'],
  'series.csv': ['scenario', 'replication', 'series', 'key', 'x', 'value'],
  /** Only for an experiment with a sensitivity plan (src/experiments/sensitivity). */
  'sensitivity.csv': SENSITIVITY_COLUMNS,
  /** Only for runs with >= 3 scenarios (output-analysis/comparison-family.ts). */
  'pairs.csv': PAIRS_COLUMNS,
  'best.csv': BEST_COLUMNS,
  /** Only for runs of 1 replication per scenario (output-analysis/single-run-batch-means.ts). */
  'batch-means.csv': BATCH_MEANS_COLUMNS,
} as const;

/** The name of one of a run's CSV files. */
export type OutputFile = keyof typeof COLUMNS;

/** One output file whose text is kept whole: small files (summary.csv, comparison.csv, ...). */
export interface OutputWhole {
  readonly file: OutputFile;
  readonly text: string;
  readonly rows: number;
}

/**
 * One output file whose text is made while it is written, line by line: those that grow with
 * the replications (series.csv, replications.csv) or with the pairs of scenarios (pairs.csv).
 * Kept whole, series.csv is tens of MB for the full study and would pass V8's string limit
 * (about 512 MB) at about 2,000 corridor replications, after the whole run.
 */
export interface OutputStreamed {
  readonly file: OutputFile;
  readonly rows: number;
  /** The text in pieces (lines), from the start; each call starts again. */
  readonly pieces: () => Iterable<string>;
}

/** One output file's text and data-row count. */
export type OutputText = OutputWhole | OutputStreamed;

/** An output file's text in pieces: the whole text, or its lines. */
export function outputPieces(output: OutputText): Iterable<string> {
  return 'text' in output ? [output.text] : output.pieces();
}

/** An output file's whole text (tests, and files small enough to hold). */
export function outputString(output: OutputText): string {
  return 'text' in output ? output.text : [...output.pieces()].join('');
}

/** The CSV texts of a complete set of ordered records (see `orderRecords`). */
export function outputTexts(ordered: readonly ReplicationRecord[], summary: readonly SummaryRow[], comparison: readonly ComparisonRow[]): OutputText[] {
  const summaryRows = summary.map((s) => [s.scenario, s.metric, s.n, s.mean, s.sd, s.ci95Low, s.ci95High, s.p50, s.p95]);
  const comparisonRows = comparison.map((c) => [
    c.scenario, c.baseline, c.metric, c.n, c.baselineMean, c.scenarioMean, c.meanDifference, c.ci95Low, c.ci95High, c.relativeChange,
  ]);
  return [
    { file: 'replications.csv', rows: ordered.reduce((n, r) => n + r.metrics.length, 0), pieces: () => csvLines(COLUMNS['replications.csv'], replicationRows(ordered)) },
    { file: 'summary.csv', text: csvText(COLUMNS['summary.csv'], summaryRows), rows: summaryRows.length },
    { file: 'comparison.csv', text: csvText(COLUMNS['comparison.csv'], comparisonRows), rows: comparisonRows.length },
    { file: 'series.csv', ...seriesCsv(ordered) },
  ];
}

function* replicationRows(ordered: readonly ReplicationRecord[]): Generator<CsvCell[]> {
  for (const r of ordered) for (const m of r.metrics) yield [r.scenario, r.replication, r.seed, m.metric, m.value];
}

/**
 * series.csv. Records are in canonical order and each record's series in its stored order, so
 * these bytes, like the others, do not depend on the worker count or the completion order.
 * Written straight from the records, one quoted-as-needed prefix per series: the full study's
 * half a million points make no row array each.
 */
export function seriesCsv(ordered: readonly ReplicationRecord[]): { rows: number; pieces: () => Iterable<string> } {
  let rows = 0;
  for (const r of ordered) for (const s of r.series ?? []) rows += s.values.length;
  return { rows, pieces: () => seriesLines(ordered) };
}

function* seriesLines(ordered: readonly ReplicationRecord[]): Generator<string> {
  yield csvLine(COLUMNS['series.csv']);
  for (const r of ordered) {
    for (const s of r.series ?? []) {
      const head = `${csvField(r.scenario)},${formatNumber(r.replication)},${csvField(s.series)},${csvField(s.key)},`;
      for (let i = 0; i < s.values.length; i++) {
        const value = s.values[i] ?? null;
        yield `${head}${formatNumber(seriesX(s.series, i))},${value === null ? '' : formatNumber(value)}\r\n`;
      }
    }
  }
}

/** An output file as listed in the manifest. */
export interface OutputDigest {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly rows: number;
}

/** manifest.json. Only `finishedAt` is a wall-clock time; `reproduce` compares the output files, not this. */
export interface Manifest {
  readonly format: 'corridor-sim-manifest/1';
  /** `run`: a whole run; `shard`: one shard (no CSV files; merge the shards); `merge`: shards merged. */
  readonly kind: 'run' | 'shard' | 'merge';
  readonly tool: string;
  readonly version: string;
  readonly gitCommit: string | null;
  /** True if the checkout had uncommitted changes (`git status --porcelain`), null without git. Absent in older manifests. */
  readonly gitDirty?: boolean | null;
  /** The dependency versions: SHA-256 of package-lock.json (null without one). Absent in older manifests. */
  readonly dependencies?: { readonly lockfile: 'package-lock.json'; readonly sha256: string | null };
  readonly node: string;
  readonly platform: string;
  readonly commandLine: readonly string[];
  readonly experimentFile: string | null;
  readonly runId: string;
  readonly experiment: Experiment;
  readonly fingerprint: string;
  readonly models: readonly ModelHash[];
  readonly shard: Shard | null;
  /** The run folders a merge read, as given. */
  readonly mergedFrom: readonly string[] | null;
  /** Replications journaled in this folder (all scenarios). */
  readonly replicationsDone: number;
  /** The input files copied into the run folder (run-inputs.ts); absent in older manifests. */
  readonly inputs?: readonly InputCopy[];
  /** For a study's run (`corridor-sim study`): its name and options, for `reproduce`. */
  readonly study?: StudyRecord;
  /** With a precision target: the replications per scenario reached, the target and the final half-widths, met or not. */
  readonly precision?: PrecisionOutcome;
  readonly outputs: readonly OutputDigest[];
  readonly finishedAt: string;
}

/** A study run as recorded: which study of the registry (src/studies/registry.ts), with which options. */
export interface StudyRecord {
  readonly name: string;
  /** Only the options that decide the numbers (not workers, output folder or run id). */
  readonly options: Readonly<Record<string, string | number | boolean>>;
}

/** What the manifest says besides provenance, outputs and time. */
export type ManifestBase = Pick<Manifest, 'kind' | 'commandLine' | 'experimentFile' | 'runId' | 'experiment' | 'fingerprint' | 'models' | 'shard' | 'mergedFrom' | 'replicationsDone' | 'inputs' | 'study' | 'precision'>;

/** Write the CSV files (if any) and then manifest.json into `dir`. Returns the manifest. */
export function writeOutputs(dir: string, texts: readonly OutputText[], base: ManifestBase): Manifest {
  const outputs: OutputDigest[] = [];
  for (const output of texts) {
    const { sha256: digest, bytes } = writeTextAtomic(path.join(dir, output.file), outputPieces(output));
    outputs.push({ file: output.file, sha256: digest, bytes, rows: output.rows });
  }
  const p = provenance();
  const manifest: Manifest = {
    format: 'corridor-sim-manifest/1',
    kind: base.kind,
    tool: p.tool,
    version: p.version,
    gitCommit: p.gitCommit,
    gitDirty: workingTreeDirty(),
    dependencies: { lockfile: 'package-lock.json', sha256: lockfileSha256() },
    node: p.node,
    platform: p.platform,
    commandLine: base.commandLine,
    experimentFile: base.experimentFile,
    runId: base.runId,
    experiment: base.experiment,
    fingerprint: base.fingerprint,
    models: base.models,
    shard: base.shard,
    mergedFrom: base.mergedFrom,
    replicationsDone: base.replicationsDone,
    ...(base.inputs !== undefined ? { inputs: base.inputs } : {}),
    ...(base.study !== undefined ? { study: base.study } : {}),
    ...(base.precision !== undefined ? { precision: base.precision } : {}),
    outputs,
    finishedAt: new Date().toISOString(),
  };
  writeFileAtomic(path.join(dir, RUN_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Add files written after the manifest (a study's own CSV files) to its outputs, so `reproduce`
 * compares them too; the manifest is rewritten atomically. Returns the new manifest.
 */
export function addOutputs(dir: string, files: readonly { readonly file: string; readonly rows: number }[]): Manifest {
  const file = path.join(dir, RUN_FILES.manifest);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  const added = files
    .filter((f) => existsSync(path.join(dir, f.file)) && !manifest.outputs.some((o) => o.file === f.file))
    .map((f): OutputDigest => {
      const bytes = readFileSync(path.join(dir, f.file));
      return { file: f.file, sha256: sha256(bytes), bytes: bytes.length, rows: f.rows };
    });
  const updated: Manifest = { ...manifest, outputs: [...manifest.outputs, ...added] };
  writeFileAtomic(file, `${JSON.stringify(updated, null, 2)}\n`);
  return updated;
}

/** Summary, comparison and CSV texts of ordered records. */
export function assembleOutputs(experiment: Experiment, ordered: readonly ReplicationRecord[]): { summary: SummaryRow[]; comparison: ComparisonRow[]; texts: OutputText[] } {
  const summary = summarize(experiment, ordered);
  const comparison = compare(experiment, ordered);
  return { summary, comparison, texts: runTexts(experiment, ordered, summary, comparison) };
}

/** The CSV texts of a run folder, from its ordered records and their summary and comparison. */
export function runTexts(experiment: Experiment, ordered: readonly ReplicationRecord[], summary: readonly SummaryRow[], comparison: readonly ComparisonRow[]): OutputText[] {
  const texts = outputTexts(ordered, summary, comparison);
  texts.push(...comparisonFamilyTexts(experiment, ordered));
  texts.push(...batchMeansTexts(experiment, ordered));
  if (experiment.sensitivity !== undefined) {
    const rows = analyzeSensitivity(experiment.sensitivity, ordered);
    texts.push({ file: 'sensitivity.csv', text: sensitivityCsvText(rows), rows: rows.length });
  }
  return texts;
}
