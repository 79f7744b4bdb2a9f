/**
 * Run a block of replications in memory (no journal, no files) on the worker pool: the pilot of
 * `warmup: 'auto'` and the batches of `precision`. Records come back in canonical order
 * (scenario order, replication), so what is computed from them does not depend on the worker
 * count or the completion order.
 */
import { availableParallelism } from 'node:os';
import { replicationSeed } from '../../random/index.ts';
import { orderRecords } from '../assemble.ts';
import type { Experiment } from '../define-experiment.ts';
import type { ReplicationRecord } from '../journal.ts';
import { runTaskPool } from '../task-pool.ts';
import type { Task } from '../worker-protocol.ts';

/** What `runReplicationBlock` runs. Times in hours. */
export interface ReplicationBlock {
  readonly experiment: Experiment;
  /** First replication index (inclusive) and end (exclusive); seeds are replicationSeed(seed, index). */
  readonly from: number;
  readonly to: number;
  readonly warmupHours: number;
  readonly horizonHours: number;
  /** Metric name patterns to keep (default the experiment's). */
  readonly metrics?: readonly string[];
  /** Worker threads (default: available parallelism); never changes the results. */
  readonly workers?: number;
  readonly signal?: AbortSignal;
}

/**
 * Run replications from..to−1 of every scenario. @throws Error naming the first failed
 * replication, or when interrupted by the signal.
 */
export async function runReplicationBlock(block: ReplicationBlock): Promise<ReplicationRecord[]> {
  const { experiment } = block;
  const tasks: Task[] = [];
  for (let replication = block.from; replication < block.to; replication++) {
    experiment.scenarios.forEach((_, scenarioIndex) => tasks.push({ scenarioIndex, replication, seed: replicationSeed(experiment.seed, replication) }));
  }
  if (tasks.length === 0) return [];
  const records: ReplicationRecord[] = [];
  const failures: string[] = [];
  const outcome = await runTaskPool({
    init: { scenarios: experiment.scenarios, warmupHours: block.warmupHours, horizonHours: block.horizonHours, metrics: block.metrics ?? experiment.metrics },
    tasks,
    workers: Math.max(1, Math.min(block.workers ?? availableParallelism(), tasks.length)),
    ...(block.signal !== undefined ? { signal: block.signal } : {}),
    onResult(task, metrics, series) {
      records.push({ scenario: experiment.scenarios[task.scenarioIndex]?.id ?? '', replication: task.replication, seed: task.seed, metrics, series });
    },
    onFailure(task, message) {
      failures.push(`${experiment.scenarios[task.scenarioIndex]?.id ?? ''}/${task.replication} (seed ${task.seed}): ${message}`);
    },
  });
  if (outcome.interrupted) throw new Error('interrupted');
  if (failures.length > 0) throw new Error(`replication ${failures.sort()[0] ?? ''}`);
  return orderRecords(experiment, records);
}
