/**
 * Experiment benchmark: the Middle Corridor baseline, 8 replications of a simulated year (after
 * 60 days of warm-up), run in memory by `runExperiment` with 1 and with 2 worker threads.
 *
 *   tsx bench/experiment-workers.ts            # part of npm run bench
 *   tsx bench/experiment-workers.ts --quick    # 4 replications of 120 days
 *
 * Prints replications per second end to end (validation, worker start-up, runs) and for the
 * worker pool alone, and the parallel efficiency rate(2) / (2 rate(1)). Target (issue 4): >= 0.90.
 */
import { availableParallelism, cpus } from 'node:os';
import { defineExperiment, runExperiment, type Experiment } from '../src/experiments/index.ts';

const quick = process.argv.includes('--quick');
const replications = quick ? 4 : 8;
const days = quick ? 120 : 365;
const experiment = defineExperiment({
  name: 'bench-workers',
  model: 'models/middle-corridor.yaml',
  scenarios: [{ id: 'baseline' }],
  replications,
  warmup: { days: 60 },
  horizon: { days },
  seed: 2025,
});

interface Timing {
  readonly workers: number;
  readonly total: number;
  readonly pool: number;
}

async function time(e: Experiment, workers: number): Promise<Timing> {
  const started = performance.now();
  let poolStarted = started;
  const run = await runExperiment(e, { workers, onStart: () => (poolStarted = performance.now()) });
  if (run.status !== 'complete') throw new Error(`benchmark run ${run.status}`);
  const ended = performance.now();
  return { workers, total: (ended - started) / 1000, pool: (ended - poolStarted) / 1000 };
}

console.log(`corridor-sim experiment benchmark: Middle Corridor baseline, ${replications} replications of ${days} days (+60 days warm-up)`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores\n`);
const timings = [await time(experiment, 1), await time(experiment, 2)];
const line = (cells: Array<string | number>): string => cells.map((c) => String(c).padEnd(16)).join('');
console.log(line(['workers', 'seconds', 'replications/s', 'pool seconds', 'pool repl./s']));
for (const t of timings) console.log(line([t.workers, t.total.toFixed(2), (replications / t.total).toFixed(3), t.pool.toFixed(2), (replications / t.pool).toFixed(3)]));
const [one, two] = timings as [Timing, Timing];
const efficiency = one.total / (2 * two.total);
const poolEfficiency = one.pool / (2 * two.pool);
console.log(`\nparallel efficiency rate(2) / (2 rate(1)): ${efficiency.toFixed(3)} end to end, ${poolEfficiency.toFixed(3)} for the pool alone (target >= 0.90)`);
if (availableParallelism() < 2) console.log('note: fewer than 2 cores available, so 2 workers cannot run in parallel here');
