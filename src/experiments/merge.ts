/**
 * `corridor-sim merge <dirs...>`: combine shard folders (or any folders of the same run) into
 * the files a single run would have written, byte for byte. Refuses folders of different
 * experiments, models or seeds, and an incomplete set, naming each missing replication and the
 * command that runs or continues its shard.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { replicationSeed } from '../random/index.ts';
import { writeTextAtomic } from '../output/atomic-write.ts';
import { orderRecords } from './assemble.ts';
import { ExperimentError } from './experiment-error.ts';
import { describeDifferences } from './fingerprint.ts';
import { journalLineText, readJournal, type ReplicationRecord } from './journal.ts';
import { assembleOutputs, writeOutputs, type Manifest } from './outputs.ts';
import { recordKey } from './prepare-run.ts';
import { checkMaxReplications, checkReplicationLimit } from './replication-limit.ts';
import { createRunDir, newRunDir, readRunInfo, RUN_FILES, timestampRunId, writeRunInfo, type RunInfo } from './run-dir.ts';
import { copyInputsFrom } from './run-inputs.ts';
import { findSlurmJobFolder, slurmRerunCommand, slurmResubmitCommand } from './slurm-job-folder.ts';

/** What to merge and where to write. */
export interface MergeOptions {
  readonly dirs: readonly string[];
  /** Results root (default results): the merged run goes to <out>/<experiment>/<run id>/. */
  readonly out?: string;
  readonly runId?: string;
  readonly commandLine?: readonly string[];
  /** The most replications (scenarios x replications per scenario) the merged run may hold (default DEFAULT_MAX_REPLICATIONS). */
  readonly maxReplications?: number;
}

/** The merged run. */
export interface MergeResult {
  readonly runDir: string;
  readonly manifest: Manifest;
  readonly records: number;
}

/**
 * Merge run folders. Checks everything before writing, including each journal line's digest.
 * @throws ExperimentError
 */
export function mergeRuns(options: MergeOptions): MergeResult {
  if (options.dirs.length === 0) throw new ExperimentError('merge: name at least one run folder');
  const max = checkMaxReplications(options.maxReplications);
  const runs = options.dirs.map((dir) => ({ dir, info: readRunInfo(dir, 'merge') }));
  const first = runs[0] as { dir: string; info: RunInfo };
  const { experiment } = first.info;
  if (experiment.precision !== undefined) throw new ExperimentError(`merge: ${first.dir} is a run to a precision, which is never split into shards: its folder is complete on its own`);
  checkReplicationLimit(experiment.scenarios.length, experiment.replications, max, `merge: ${path.join(first.dir, RUN_FILES.run)}`);
  for (const { dir, info } of runs) {
    if (info.fingerprint !== first.info.fingerprint) {
      const why = describeDifferences(first.info, info).join('; ') || 'the definition differs';
      throw new ExperimentError(`merge: ${dir} does not belong with ${first.dir}: different ${why}`);
    }
  }
  const counts = new Set(runs.map((r) => r.info.shard?.count).filter((c) => c !== undefined));
  if (counts.size > 1) throw new ExperimentError(`merge: the folders split the run into different shard counts (${[...counts].join(', ')})`);
  const shardCount = [...counts][0] ?? 1;

  const ids = new Set(experiment.scenarios.map((s) => s.id));
  const records = new Map<string, { record: ReplicationRecord; dir: string }>();
  for (const { dir } of runs) {
    for (const record of readJournal(path.join(dir, RUN_FILES.journal)).records) {
      const known = ids.has(record.scenario) && record.replication < experiment.replications;
      if (!known || record.seed !== replicationSeed(experiment.seed, record.replication)) {
        throw new ExperimentError(`merge: ${dir}/${RUN_FILES.journal}: scenario "${record.scenario}" replication ${record.replication} does not belong to this run`);
      }
      const key = recordKey(record.scenario, record.replication);
      const seen = records.get(key);
      if (seen === undefined) records.set(key, { record, dir });
      else if (journalLineText(seen.record) !== journalLineText(record)) {
        throw new ExperimentError(`merge: scenario "${record.scenario}" replication ${record.replication} has different results in ${seen.dir} and ${dir}`);
      }
    }
  }
  const problems = missingReport(first.info, runs, records, shardCount);
  if (problems.length > 0) throw new ExperimentError(`merge: the folders do not cover the run:\n${problems.join('\n')}`);

  const runDir = newRunDir(options.out ?? 'results', experiment.name, options.runId, `${timestampRunId(new Date(), null)}-merged`);
  const runId = path.basename(runDir);
  createRunDir(runDir, null);
  // The shards copied the same inputs (their fingerprints, which hash the models, agree): take the first's.
  const inputs = first.info.inputs === undefined ? undefined : copyInputsFrom(first.dir, runDir, first.info.inputs);
  writeRunInfo(runDir, { ...first.info, runId, shard: null, createdAt: new Date().toISOString() });
  const ordered = orderRecords(experiment, [...records.values()].map((r) => r.record));
  // The merged journal, in canonical order, makes the merged folder a complete run of its own.
  // Line by line: a journal holds every replication's series, tens of MB per 200 corridor replications.
  writeTextAtomic(path.join(runDir, RUN_FILES.journal), journalLines(ordered));
  const { texts } = assembleOutputs(experiment, ordered);
  const manifest = writeOutputs(runDir, texts, {
    kind: 'merge',
    commandLine: options.commandLine ?? [],
    experimentFile: first.info.experimentFile,
    runId,
    experiment,
    fingerprint: first.info.fingerprint,
    models: first.info.models,
    shard: null,
    mergedFrom: options.dirs,
    replicationsDone: ordered.length,
    ...(inputs !== undefined ? { inputs } : {}),
    ...(first.info.study !== undefined ? { study: first.info.study } : {}),
  });
  return { runDir, manifest, records: ordered.length };
}

/**
 * One line per shard with missing replications, with the command that fills the gap: for shards
 * of a `corridor-sim slurm` job, the sbatch command that re-runs that array task on the cluster.
 */
function missingReport(
  info: RunInfo,
  runs: readonly { dir: string; info: RunInfo }[],
  records: ReadonlyMap<string, unknown>,
  shardCount: number,
): string[] {
  const { experiment } = info;
  const file = info.experimentFile ?? '<experiment file>';
  const lines: string[] = [];
  const job = findSlurmJobFolder(runs.map((r) => r.dir));
  const rerun: number[] = [];
  for (let shard = 1; shard <= shardCount; shard++) {
    const missing: string[] = [];
    for (let r = shard - 1; r < experiment.replications; r += shardCount) {
      const absent = experiment.scenarios.filter((s) => !records.has(recordKey(s.id, r))).map((s) => s.id);
      if (absent.length === experiment.scenarios.length) missing.push(String(r));
      else if (absent.length > 0) missing.push(`${r} (scenario ${absent.join(', ')})`);
    }
    if (missing.length === 0) continue;
    const label = shardCount > 1 ? `shard ${shard}/${shardCount}` : 'the run';
    const folder = runs.find((r) => (r.info.shard?.index ?? 1) === shard);
    rerun.push(shard);
    const fix = job !== null
      ? `re-run it on the cluster with: ${slurmRerunCommand(job, shard)}`
      : folder !== undefined
      ? `continue it with: corridor-sim run ${file} --resume ${folder.dir}`
      : `run it with: corridor-sim run ${file} --shard ${shard}/${shardCount} --replications ${experiment.replications} --seed ${String(experiment.seed)}`;
    const failed = folder !== undefined && existsSync(path.join(folder.dir, RUN_FILES.failures)) ? ', failed (see failures.json)' : '';
    const where = folder !== undefined ? ` (${folder.dir}${failed})` : ' (no folder given)';
    lines.push(`  ${label}${where}: missing replication${missing.length === 1 ? '' : 's'} ${missing.join(', ')}; ${fix}`);
  }
  if (job !== null && rerun.length > 0) lines.push(`  then merge again; or re-run ${rerun.length === 1 ? 'it' : 'them'} and the merge in one go: ${slurmResubmitCommand(job, rerun)}`);
  return lines;
}

/** The journal's lines of `ordered`, one at a time. */
function* journalLines(ordered: readonly ReplicationRecord[]): Generator<string> {
  for (const record of ordered) yield `${journalLineText(record)}\n`;
}
