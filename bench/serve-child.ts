/**
 * A warm child for paired timing: it prepares one job, warms the JIT on it, then times one run
 * per message from its parent and answers `{ seconds, events }`. Jobs: `corridor` (one simulated
 * year of the 2025 model, as bench/corridor-child.ts; seeds 1, 2, 3 in turn), `replay` (that
 * year's event-list operations, seed 1, replayed on the engine's queue alone: bench/event-replay.ts)
 * and `callbacks` (the M/M/3 callback run of bench/engine-mmc.ts, `departures` of them). Several
 * of these side by side let bench/corridor-year.ts time the jobs in alternation, each in its own
 * process (no shared JIT feedback), so the VM's drift within minutes cancels in their ratios. Not
 * a public entry point.
 *
 *   fork(<bundle of this file>, ['corridor' | 'replay' | 'callbacks', departures])
 */
import { runReplication } from '../src/corridor/runtime/run-replication.ts';
import { runMmcCallbacks } from '../src/examples/mmc-callbacks.ts';
import { recordEvents, replayEvents } from './event-replay.ts';
import { corridor2025, mmcOptions } from './workloads.ts';

const [job = 'corridor', departuresText = '1000000'] = process.argv.slice(2);

/** One run of the job: its number of events. */
function makeJob(): (round: number) => number {
  if (job === 'callbacks') {
    const options = mmcOptions(Number(departuresText));
    runMmcCallbacks({ ...options, departures: 200_000 });
    return () => runMmcCallbacks(options).events;
  }
  const model = corridor2025('bench-2025');
  runReplication(model, { seed: 0, warmupHours: 0, horizonHours: 30 * 24 });
  if (job === 'replay') {
    const events = recordEvents(() => runReplication(model, { seed: 1, warmupHours: 0, horizonHours: 365 * 24 }));
    replayEvents(events);
    return () => replayEvents(events);
  }
  return (round) => runReplication(model, { seed: 1 + (round % 3), warmupHours: 0, horizonHours: 365 * 24 }).events;
}

const run = makeJob();
let round = 0;
process.on('message', (message) => {
  if (message !== 'run') {
    process.disconnect();
    return;
  }
  const started = process.hrtime.bigint();
  const events = run(round++);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.send?.({ seconds, events });
});
process.send?.('ready');
