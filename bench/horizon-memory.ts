/**
 * Memory benchmark: peak memory of one replication of the Middle Corridor model (2025 volume,
 * models/overlays/demand-2025.yaml) at 1x and 10x the horizon, each in a fresh process, with the
 * journey log on and written to a temporary file (deleted afterwards). Target (issue 14): the
 * 10x run peaks at most 20 MB above the 1x run, and the journey log is streamed in bounded memory.
 *
 *   tsx bench/horizon-memory.ts            # 1 year and 10 years (about 1 GB of journey log, briefly)
 *   tsx bench/horizon-memory.ts --quick    # 30 days and 300 days
 *
 * Prints per run: seconds, events, journey-log rows and bytes, peak RSS (the process's max
 * resident set) and the heap still in use after a full collection at the end (what the run
 * retains, as opposed to garbage the collector had not yet reclaimed at the peak).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleEntry, projectRoot } from '../src/build/bundle.ts';
import { lastJsonLine } from './child-output.ts';

interface ChildResult {
  readonly days: number;
  readonly seconds: number;
  readonly events: number;
  readonly journeyRows: number;
  readonly journeyBytes: number;
  readonly maxRssMb: number;
  readonly heapAfterGcMb: number | null;
}

const quick = process.argv.includes('--quick');
const shortDays = quick ? 30 : 365;
// Children run a bundle, as workers do: see src/build/bundle.ts for why not tsx.
const script = bundleEntry('bench/horizon-memory-child.ts');
const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-bench-'));

function run(days: number): ChildResult {
  const log = path.join(dir, `journey-${days}.csv`);
  try {
    const out = execFileSync(process.execPath, ['--expose-gc', script, String(days), log], { encoding: 'utf8', cwd: projectRoot });
    return lastJsonLine<ChildResult>(out);
  } finally {
    rmSync(log, { force: true });
  }
}

console.log(`\nmemory benchmark: one replication of models/middle-corridor.yaml at the 2025 volume, journey log on, ${shortDays} and ${10 * shortDays} days`);
let results: ChildResult[];
try {
  results = [run(shortDays), run(10 * shortDays)];
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const line = (cells: Array<string | number>): string => cells.map((c) => String(c).padEnd(14)).join('');
console.log(line(['days', 'seconds', 'events', 'log rows', 'log MB', 'peak RSS MB', 'heap after GC MB']));
for (const r of results) {
  console.log(line([r.days, r.seconds.toFixed(2), r.events.toLocaleString('en-US'), r.journeyRows.toLocaleString('en-US'), (r.journeyBytes / 1e6).toFixed(1), r.maxRssMb.toFixed(1), r.heapAfterGcMb?.toFixed(1) ?? 'n/a']));
}
const [short, long] = results as [ChildResult, ChildResult];
const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
console.log(`10x the horizon: peak RSS ${sign(long.maxRssMb - short.maxRssMb)} MB (target <= +20 MB), heap retained after GC ${sign((long.heapAfterGcMb ?? 0) - (short.heapAfterGcMb ?? 0))} MB`);
