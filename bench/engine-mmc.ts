/**
 * Engine benchmark: the M/M/3 queue (lambda 2.7/h, mu 1/h) for 10^6 departures on the engine,
 * next to the hand-written floor in ../shared/bench/floor-mmc.cjs measured in the same run.
 *
 *   npm run bench                 # 10^6 departures, plus the 10^7 memory check
 *   npm run bench -- --quick      # 10^5 departures, no 10^7 run
 *
 * Prints departures per second, the ratio to the floor, and peak memory (max RSS of a fresh
 * process per run). The process model also runs the two ways a user runs a model script: through
 * tsx (which keeps names, at a cost) and through `corridor-sim exec` (bundled once, cached). Targets (issue 2): engine >= 1/3 of the floor's speed; 10^7 departures use
 * no more than 20 MB more peak memory than 10^6. Issue 14: the process path within 2x of the
 * floor as a bundle, within 3x via `corridor-sim exec`. Beside them runs the generator floor
 * (`bench/generator-floor-child.ts`): the same model with a bare generator per customer and
 * nothing else, which shows what generators alone cost on this V8.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../src/build/bundle.ts';
import { fastestOfThree, lastJsonLine } from './child-output.ts';

interface ChildResult {
  variant: string;
  departures: number;
  seconds: number;
  events: number;
  meanWait: number;
  maxRssMb: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const departures = quick ? 100_000 : 1_000_000;
// Children run a bundle of bench/mmc-child.ts: see src/build/bundle.ts for why not tsx.
const childScript = bundleEntry('bench/mmc-child.ts');
const generatorFloorScript = bundleEntry('bench/generator-floor-child.ts');

/** How a child is started: the benchmark's own bundle, tsx on the TypeScript, or `corridor-sim exec`. */
type Launch = 'bundle' | 'tsx' | 'exec';

function runChild(variant: string, n: number, launch: Launch = 'bundle'): ChildResult {
  const source = path.join(root, 'bench', 'mmc-child.ts');
  const args = {
    bundle: [childScript],
    tsx: ['--import', 'tsx', source],
    exec: [path.join(root, 'bin', 'corridor-sim.mjs'), 'exec', source],
  }[launch];
  const out = execFileSync(process.execPath, [...args, variant, String(n)], { encoding: 'utf8', cwd: root });
  return lastJsonLine<ChildResult>(out);
}

function runFloor(n: number, rng: 'xorshift' | 'alea'): { departuresPerSecond: number; seconds: number } | null {
  const floor = path.resolve(root, '..', 'shared', 'bench', 'floor-mmc.cjs');
  if (!existsSync(floor)) return null;
  // Best of three single runs: the floor's first run includes JIT warm-up.
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    // NODE_PATH lets the floor's optional `--rng alea` find this project's seedrandom.
    const env = { ...process.env, NODE_PATH: path.join(root, 'node_modules') };
    const out = execFileSync(process.execPath, [floor, '--n', String(n), '--reps', '1', '--quiet', '--rng', rng], { encoding: 'utf8', cwd: root, env });
    const seconds = Number(/seconds=([\d.]+)/.exec(out)?.[1]);
    best = Math.min(best, seconds);
  }
  return { departuresPerSecond: n / best, seconds: best };
}

const line = (cells: Array<string | number>): string => cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 16)).join('');
console.log(`corridor-sim engine benchmark: M/M/3, lambda=2.7/h, mu=1/h, ${departures.toLocaleString('en-US')} departures`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores\n`);

const floor = runFloor(departures, 'xorshift');
const floorAlea = runFloor(departures, 'alea');
/** The fastest of three runs, as for the floor. */
const bestOfThree = (variant: string, launch: Launch = 'bundle'): ChildResult => fastestOfThree(() => runChild(variant, departures, launch));
/** The generator floor, the fastest of three like the others. */
const generatorFloor = (): ChildResult =>
  fastestOfThree(() => lastJsonLine<ChildResult>(execFileSync(process.execPath, [generatorFloorScript, String(departures)], { encoding: 'utf8', cwd: root })));

const callbacks = bestOfThree('callbacks');
const processes = bestOfThree('processes');
const processesTsx = bestOfThree('processes', 'tsx');
const processesExec = bestOfThree('processes', 'exec');
const generators = generatorFloor();

console.log(line(['run', 'seconds', 'departures/s', 'ratio to floor', 'Wq (h)', 'peak RSS MB']));
if (floor !== null) console.log(line(['floor (../shared/bench)', floor.seconds.toFixed(3), floor.departuresPerSecond.toExponential(2), '1.00', '', '']));
if (floor !== null && floorAlea !== null) {
  // The engine draws from seedrandom's Alea; this row shows how much of the gap is the generator.
  const ratio = (floorAlea.departuresPerSecond / floor.departuresPerSecond).toFixed(2);
  console.log(line(['floor with Alea generator', floorAlea.seconds.toFixed(3), floorAlea.departuresPerSecond.toExponential(2), ratio, '', '']));
}
else console.log('floor: ../shared/bench/floor-mmc.cjs not found; ratios omitted');
const rows: Array<[string, ChildResult]> = [
  ['generator floor (no engine)', generators],
  ['engine, scheduled callbacks', callbacks],
  ['engine, processes + Resource', processes],
  ['  the same through tsx', processesTsx],
  ['  the same via corridor-sim exec', processesExec],
];
for (const [label, r] of rows) {
  const perSecond = r.departures / r.seconds;
  const ratio = floor !== null ? (perSecond / floor.departuresPerSecond).toFixed(2) : 'n/a';
  console.log(line([label, r.seconds.toFixed(3), perSecond.toExponential(2), ratio, r.meanWait.toFixed(4), r.maxRssMb.toFixed(1)]));
}
console.log(`processes: tsx takes ${(processesTsx.seconds / processesExec.seconds).toFixed(2)}x the time of corridor-sim exec`);
if (floor !== null) {
  const times = (r: ChildResult): string => (r.seconds / floor.seconds).toFixed(2);
  console.log(`time / floor: processes ${times(processes)}x as a bundle (issue 14: <= 2x), ${times(processesExec)}x via exec (<= 3x); a bare generator per customer alone: ${times(generators)}x`);
}
console.log('Erlang C: Wq = 2.7235 h');

if (!quick) {
  const big = runChild('callbacks', 10 * departures);
  const growth = big.maxRssMb - callbacks.maxRssMb;
  console.log(`\nmemory: peak RSS ${callbacks.maxRssMb.toFixed(1)} MB at 10^6 departures, ${big.maxRssMb.toFixed(1)} MB at 10^7 (+${growth.toFixed(1)} MB; target <= 20 MB)`);
  const bigProcesses = runChild('processes', 10 * departures);
  console.log(`memory (processes): ${processes.maxRssMb.toFixed(1)} MB at 10^6, ${bigProcesses.maxRssMb.toFixed(1)} MB at 10^7 (+${(bigProcesses.maxRssMb - processes.maxRssMb).toFixed(1)} MB)`);
}
