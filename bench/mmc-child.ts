/**
 * One timed M/M/3 run in a fresh process, so that peak memory (max RSS) belongs to that run
 * alone. Prints one JSON line. Used by `bench/engine-mmc.ts`; not a public entry point.
 *
 *   tsx bench/mmc-child.ts <callbacks|processes> <departures>
 */
import { runMmcCallbacks } from '../src/examples/mmc-callbacks.ts';
import { runMmcProcesses } from '../src/examples/mmc-processes.ts';
import { mmcOptions } from './workloads.ts';

const [variant = 'callbacks', departuresText = '1000000'] = process.argv.slice(2);
const departures = Number(departuresText);
const run = variant === 'processes' ? runMmcProcesses : runMmcCallbacks;
const options = mmcOptions(departures);

// Warm the JIT on a short run so the timed run measures steady-state speed, as the floor does
// with its repeated runs.
run({ ...options, departures: 200_000 });
const baselineRss = process.resourceUsage().maxRSS;
const started = process.hrtime.bigint();
const result = run(options);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    variant,
    departures,
    seconds,
    events: result.events,
    meanWait: result.meanWait,
    maxRssMb: usage.maxRSS / 1024,
    rssBeforeTimedRunMb: baselineRss / 1024,
  }),
);
