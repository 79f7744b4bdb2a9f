/**
 * Reading a finished run folder for the report: manifest.json (what ran, with which seed),
 * summary.csv, comparison.csv and series.csv, and the baseline scenario's model (for the map:
 * node positions, legs). Only complete runs have a report: a shard or an unfinished run is
 * refused with what to do instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledModel } from '../corridor/compiled.ts';
import type { ComparisonRow, SummaryRow } from '../experiments/assemble.ts';
import type { Experiment } from '../experiments/define-experiment.ts';
import { COLUMNS, type Manifest } from '../experiments/outputs.ts';
import { RUN_FILES } from '../experiments/run-dir.ts';
import { inputResolver, withResolvedInputs } from '../experiments/run-inputs.ts';
import { loadScenario } from '../experiments/worker-protocol.ts';
import { readLineChunks } from '../output/read-chunks.ts';
import { csvObjects, numberCell } from './csv-read.ts';
import { ReportError } from './report-error.ts';
import { SeriesTable } from './series-table.ts';

/** Everything the report shows, read from one run folder. */
export interface RunFolder {
  readonly dir: string;
  readonly manifest: Manifest;
  /** The experiment as run (seed and replications applied). */
  readonly experiment: Experiment;
  readonly summary: readonly SummaryRow[];
  readonly comparison: readonly ComparisonRow[];
  /** series.csv grouped for averaging; empty for a run made before series.csv existed. */
  readonly series: SeriesTable;
  /** The baseline scenario's model. */
  readonly model: CompiledModel;
}

/** Files of the folder already in memory, by name (see `readRunFolder`). */
type Written = ReadonlyMap<string, string>;
const NOTHING_WRITTEN: Written = new Map();

function readText(dir: string, file: string, written: Written = NOTHING_WRITTEN): string | null {
  const known = written.get(file);
  if (known !== undefined) return known;
  const full = path.join(dir, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
}

/** The manifest of a complete run. @throws ReportError */
function readManifest(dir: string): Manifest {
  const text = readText(dir, RUN_FILES.manifest);
  if (text === null) {
    const why = existsSync(path.join(dir, RUN_FILES.run)) ? 'the run is not complete (no manifest.json); finish it with --resume first' : 'not a run folder (no manifest.json)';
    throw new ReportError(`${dir}: ${why}`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch (error) {
    throw new ReportError(`${path.join(dir, RUN_FILES.manifest)} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (manifest.format !== 'corridor-sim-manifest/1') throw new ReportError(`${path.join(dir, RUN_FILES.manifest)} is not a corridor-sim manifest (format corridor-sim-manifest/1)`);
  if (manifest.kind === 'shard') throw new ReportError(`${dir} is one shard of a run; merge the shards (corridor-sim merge) and report on the merged folder`);
  return manifest;
}

/** A required CSV file of the run. @throws ReportError if missing. */
function requiredCsv(dir: string, file: 'summary.csv' | 'comparison.csv', written: Written): string {
  const text = readText(dir, file, written);
  if (text === null) throw new ReportError(`${dir}: ${file} is missing`);
  return text;
}

const count = (text: string): number => numberCell(text) ?? 0;

/**
 * Read a complete run folder. `written`: CSV files of it that this process has just written,
 * by name, with their exact text, taken from memory instead of disk (the study's report).
 * @throws ReportError on anything that is not a complete run.
 */
export function readRunFolder(dir: string, written: Written = NOTHING_WRITTEN): RunFolder {
  const manifest = readManifest(dir);
  const { experiment } = manifest;
  const summary = csvObjects(requiredCsv(dir, 'summary.csv', written), COLUMNS['summary.csv'], 'summary.csv').map(
    (r): SummaryRow => ({
      scenario: r.scenario,
      metric: r.metric,
      n: count(r.n),
      mean: numberCell(r.mean),
      sd: numberCell(r.sd),
      ci95Low: numberCell(r.ci95_low),
      ci95High: numberCell(r.ci95_high),
      p50: numberCell(r.p50),
      p95: numberCell(r.p95),
    }),
  );
  const comparison = csvObjects(requiredCsv(dir, 'comparison.csv', written), COLUMNS['comparison.csv'], 'comparison.csv').map(
    (r): ComparisonRow => ({
      scenario: r.scenario,
      baseline: r.baseline,
      metric: r.metric,
      n: count(r.n),
      baselineMean: numberCell(r.baseline_mean),
      scenarioMean: numberCell(r.scenario_mean),
      meanDifference: numberCell(r.mean_difference),
      ci95Low: numberCell(r.ci95_low),
      ci95High: numberCell(r.ci95_high),
      relativeChange: numberCell(r.relative_change),
    }),
  );
  return { dir, manifest, experiment, summary, comparison, series: readSeries(dir, written), model: baselineModel(withResolvedInputs(experiment, inputResolver(dir, manifest.inputs))) };
}

/** series.csv, from memory or else read from disk in pieces (it is tens of MB for the full study). */
function readSeries(dir: string, written: Written): SeriesTable {
  const known = written.get('series.csv');
  if (known !== undefined) return SeriesTable.fromCsv(known, COLUMNS['series.csv']);
  const file = path.join(dir, 'series.csv');
  return existsSync(file) ? SeriesTable.fromCsvChunks(readLineChunks(file), COLUMNS['series.csv']) : new SeriesTable();
}

/** The baseline scenario's model, from the run folder's copies (inputs/) or, for an older run, relative to the current folder. */
function baselineModel(experiment: Experiment): CompiledModel {
  const scenario = experiment.scenarios.find((s) => s.id === experiment.baseline) ?? experiment.scenarios[0];
  if (scenario === undefined) throw new ReportError('the manifest lists no scenarios');
  try {
    return loadScenario(scenario);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ReportError(
      `cannot load the baseline model ${scenario.model} from ${process.cwd()} (model paths in the manifest are relative to the folder the run started in; run the report from there): ${why}`,
    );
  }
}
