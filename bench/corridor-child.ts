/**
 * One simulated year of the Middle Corridor model at the 2025 volume, timed in a fresh
 * process. Prints one JSON line. Used by `bench/corridor-year.ts`.
 */
import { runReplication } from '../src/corridor/runtime/run-replication.ts';
import { corridor2025 } from './workloads.ts';

const model = corridor2025('bench-2025');
const year = { warmupHours: 0, horizonHours: 365 * 24 };
// One short run first, so the timed runs measure compiled code, not the JIT warming up.
runReplication(model, { seed: 0, warmupHours: 0, horizonHours: 30 * 24 });
const times: number[] = [];
let last = runReplication(model, { seed: 1, ...year });
for (let seed = 1; seed <= 3; seed++) {
  const started = process.hrtime.bigint();
  last = runReplication(model, { seed, ...year });
  times.push(Number(process.hrtime.bigint() - started) / 1e9);
}
times.sort((a, b) => a - b);
// The same year without background traffic (other trains, boxes, wagons, trucks), same seed: what it costs in events.
const bare = corridor2025('bench-2025-bare', ['background']);
const withoutBackground = runReplication(bare, { seed: 3, ...year }).events;
console.log(JSON.stringify({ medianSeconds: times[1], minSeconds: times[0], events: last.events, enteredFeu: last.containers.entered, eventsWithoutBackground: withoutBackground }));
