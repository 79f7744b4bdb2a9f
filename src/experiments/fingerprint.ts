/**
 * The fingerprint of a run: SHA-256 of everything that determines its numbers (the experiment
 * definition, the replication count, the master seed, and the content of every model and overlay
 * file). A resumed run, the shards of a merge and a reproduction must all have the same one.
 * Not included: the description, worker count, shard, run id and wall-clock times.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Experiment } from './define-experiment.ts';
import { ExperimentError } from './experiment-error.ts';

/** A model or overlay file and the SHA-256 (hex) of its bytes. */
export interface ModelHash {
  /** As in the experiment: relative to the folder the run started from, `/` separators. */
  readonly path: string;
  readonly sha256: string;
}

/** SHA-256 of bytes or text, hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every file the experiment's scenarios read, in first-use order, with its hash. */
export function hashModels(experiment: Experiment): ModelHash[] {
  const files: string[] = [];
  for (const s of experiment.scenarios) {
    for (const file of [s.model, ...s.overlays]) if (!files.includes(file)) files.push(file);
  }
  return files.map((file) => {
    try {
      return { path: file, sha256: sha256(readFileSync(file)) };
    } catch (error) {
      throw new ExperimentError(`cannot read model file ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/** The fingerprint (hex SHA-256) of `experiment` run on models with these hashes. */
export function fingerprint(experiment: Experiment, models: readonly ModelHash[]): string {
  const { name, scenarios, baseline, replications, warmupHours, horizonHours, seed, metrics, precision } = experiment;
  // A precision target decides which replications run; absent, the identity (and so every older fingerprint) is unchanged.
  const identity = { format: 1, name, scenarios, baseline, replications, warmupHours, horizonHours, seed: String(seed), metrics, models, ...(precision !== undefined ? { precision } : {}) };
  return sha256(JSON.stringify(identity));
}

/** What differs between two runs' identities, in words, for a refused resume or merge. */
export function describeDifferences(
  a: { readonly experiment: Experiment; readonly models: readonly ModelHash[] },
  b: { readonly experiment: Experiment; readonly models: readonly ModelHash[] },
): string[] {
  const out: string[] = [];
  const ea = a.experiment;
  const eb = b.experiment;
  if (ea.name !== eb.name) out.push(`experiment name "${ea.name}" vs "${eb.name}"`);
  if (ea.replications !== eb.replications) out.push(`replications ${ea.replications} vs ${eb.replications}`);
  if (String(ea.seed) !== String(eb.seed)) out.push(`seed ${String(ea.seed)} vs ${String(eb.seed)}`);
  if (ea.warmupHours !== eb.warmupHours || ea.horizonHours !== eb.horizonHours) {
    out.push(`warm-up/horizon ${ea.warmupHours}/${ea.horizonHours} h vs ${eb.warmupHours}/${eb.horizonHours} h`);
  }
  if (JSON.stringify(ea.scenarios) !== JSON.stringify(eb.scenarios) || ea.baseline !== eb.baseline) out.push('the scenarios or the baseline');
  if (JSON.stringify(ea.metrics) !== JSON.stringify(eb.metrics)) out.push(`metrics ${JSON.stringify(ea.metrics)} vs ${JSON.stringify(eb.metrics)}`);
  if (JSON.stringify(ea.precision ?? null) !== JSON.stringify(eb.precision ?? null)) out.push(`precision ${ea.precision?.target ?? 'none'} vs ${eb.precision?.target ?? 'none'} (or its metrics, maximum or batch)`);
  const hashes = new Map(b.models.map((m) => [m.path, m.sha256]));
  for (const m of a.models) {
    const other = hashes.get(m.path);
    if (other !== undefined && other !== m.sha256) out.push(`the content of ${m.path} (sha256 ${m.sha256.slice(0, 12)}… vs ${other.slice(0, 12)}…)`);
  }
  return out;
}
