/**
 * `npm run bench [-- --quick]`: every benchmark in turn, each in its own process (so one's heap
 * and JIT state never colour another's figures), with the same options: `--quick` reaches every
 * benchmark in its short form. Exit code: the first failing benchmark's.
 *
 *   engine-mmc          M/M/c engine paths against the hand-written floor (../shared/bench when present)
 *   corridor-year       one simulated year of the Middle Corridor model at the 2025 volume
 *   horizon-memory      peak memory at 1x and 10x the horizon, with the journey log streamed to a file
 *   experiment-workers  parallel efficiency of replications on worker threads
 *   study               the tariff-shift study end to end: npm start, and the full study (not with --quick)
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHMARKS = ['engine-mmc.ts', 'corridor-year.ts', 'horizon-memory.ts', 'experiment-workers.ts', 'study.ts'] as const;
const options = process.argv.slice(2);

for (const bench of BENCHMARKS) {
  // tsx runs the TypeScript entry; each benchmark bundles its hot path itself (src/build/bundle.ts).
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, bench), ...options], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`bench: ${bench} failed (exit ${result.status ?? result.signal ?? '?'})\n`);
    process.exit(result.status ?? 1);
  }
}
