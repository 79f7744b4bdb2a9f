/**
 * One replication of the Middle Corridor model at the 2025 volume for a given horizon, with the
 * journey log written to a file, in a fresh process, so that its peak memory (max RSS) belongs to
 * this run alone. Prints one JSON line. Used by `bench/horizon-memory.ts`, which starts it with
 * `--expose-gc` so that the heap still in use after the run (after a full collection) can be
 * told apart from the collector's headroom.
 *
 *   node --expose-gc <bundle> <horizon days> <journey log file | ->     (- runs without the log)
 */
import { statSync } from 'node:fs';
import { corridor2025 } from './workloads.ts';
import { runReplication } from '../src/corridor/runtime/run-replication.ts';
import { JourneyLogWriter } from '../src/output/journey-log.ts';

const [daysText = '365', file = '-'] = process.argv.slice(2);
const days = Number(daysText);
const model = corridor2025('bench-horizon');
const log = file === '-' ? undefined : new JourneyLogWriter(file);
let rows = 0;
const started = performance.now();
const result = runReplication(model, {
  seed: 1,
  warmupHours: 0,
  horizonHours: days * 24,
  ...(log !== undefined ? { journeyLog: (row) => (rows++, log.write(row)) } : {}),
});
log?.close();
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
// Defined only under --expose-gc; the peak above is read first, so the collection cannot lower it.
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
console.log(JSON.stringify({
  days,
  seconds,
  events: result.events,
  journeyRows: rows,
  journeyBytes: file === '-' ? 0 : statSync(file).size,
  maxRssMb,
  heapAfterGcMb: gc !== undefined ? process.memoryUsage().heapUsed / 1048576 : null,
}));
