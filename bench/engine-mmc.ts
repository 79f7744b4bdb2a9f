/**
 * Engine benchmark: the M/M/3 queue (lambda 2.7/h, mu 1/h) for 10^6 departures on the engine,
 * next to the hand-written floor in ../shared/bench/floor-mmc.cjs measured in the same run.
 *
 *   npm run bench                 # 10^6 departures, plus the 10^7 memory check
 *   npm run bench -- --quick      # 10^5 departures, no 10^7 run
 *
 * Prints departures per second, the ratio to the floor, and peak memory (max RSS of a fresh
 * process per run). Every variant runs once per round, in turn, for 5 rounds (3 with --quick):
 * the table and the target lines use each one's fastest run, and the target lines add the range
 * of the ratios taken within a round. The process model also runs the two ways a user runs a
 * model script: through tsx (which keeps names, at a cost) and through `corridor-sim exec`
 * (bundled once, cached). Targets (issue 2): engine >= 1/3 of the floor's speed; 10^7 departures use
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
import { lastJsonLine } from './child-output.ts';

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

/** One timed floor run (`../shared/bench/floor-mmc.cjs`), or null when the shared folder is absent. */
function runFloor(n: number, rng: 'xorshift' | 'alea'): number | null {
  const floor = path.resolve(root, '..', 'shared', 'bench', 'floor-mmc.cjs');
  if (!existsSync(floor)) return null;
  // NODE_PATH lets the floor's optional `--rng alea` find this project's seedrandom.
  const env = { ...process.env, NODE_PATH: path.join(root, 'node_modules') };
  const out = execFileSync(process.execPath, [floor, '--n', String(n), '--reps', '1', '--quiet', '--rng', rng], { encoding: 'utf8', cwd: root, env });
  return Number(/seconds=([\d.]+)/.exec(out)?.[1]);
}

/** A row of the table: how to run it once in a fresh process; null when it cannot run here. */
interface Variant {
  /** Names the row for the target lines. */
  readonly id: 'floor' | 'alea' | 'generators' | 'callbacks' | 'processes' | 'tsx' | 'exec';
  readonly label: string;
  readonly run: () => ChildResult | null;
}

const floorResult = (seconds: number | null): ChildResult | null =>
  seconds === null ? null : { variant: 'floor', departures, seconds, events: Number.NaN, meanWait: Number.NaN, maxRssMb: Number.NaN };
const VARIANTS: readonly Variant[] = [
  { id: 'floor', label: 'floor (../shared/bench)', run: () => floorResult(runFloor(departures, 'xorshift')) },
  // The engine draws from seedrandom's Alea; this row shows how much of the gap is the generator.
  { id: 'alea', label: 'floor with Alea generator', run: () => floorResult(runFloor(departures, 'alea')) },
  { id: 'generators', label: 'generator floor (no engine)', run: () => lastJsonLine<ChildResult>(execFileSync(process.execPath, [generatorFloorScript, String(departures)], { encoding: 'utf8', cwd: root })) },
  { id: 'callbacks', label: 'engine, scheduled callbacks', run: () => runChild('callbacks', departures) },
  { id: 'processes', label: 'engine, processes + Resource', run: () => runChild('processes', departures) },
  { id: 'tsx', label: '  the same through tsx', run: () => runChild('processes', departures, 'tsx') },
  { id: 'exec', label: '  the same via corridor-sim exec', run: () => runChild('processes', departures, 'exec') },
];
/** The row of VARIANTS with this id. */
const row = (id: Variant['id']): number => VARIANTS.findIndex((v) => v.id === id);
const FLOOR = row('floor');
const GENERATORS = row('generators');
const CALLBACKS = row('callbacks');
const PROCESSES = row('processes');
const TSX = row('tsx');
const EXEC = row('exec');

const line = (cells: Array<string | number>): string => cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 16)).join('');
console.log(`corridor-sim engine benchmark: M/M/3, lambda=2.7/h, mu=1/h, ${departures.toLocaleString('en-US')} departures`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores\n`);

// Rounds of every variant in turn, each round starting one variant later: on a shared VM the
// machine's speed drifts by tens of percent within a minute, so a variant timed only after
// all runs of another can look far better or worse than it is. Interleaved, every variant's
// fastest run comes from the same stretch of time, and the rounds' own ratios (runs seconds
// apart) show how far the machine moved meanwhile.
const rounds = quick ? 3 : 5;
const runs: Array<Array<ChildResult | null>> = VARIANTS.map(() => []);
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < VARIANTS.length; k++) {
    const v = (round + k) % VARIANTS.length;
    (runs[v] as Array<ChildResult | null>)[round] = (VARIANTS[v] as Variant).run();
  }
}
/** A variant's fastest run (its table row), or null when it did not run here. */
const fastest = (v: number): ChildResult | null =>
  (runs[v] as Array<ChildResult | null>).reduce<ChildResult | null>((best, r) => (r !== null && (best === null || r.seconds < best.seconds) ? r : best), null);
/** Range over the rounds of (time of `v`) / (time of `of`) in the same round, or null. */
function roundRange(v: number, of: number): { low: number; high: number } | null {
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const a = runs[v]?.[round];
    const b = runs[of]?.[round];
    if (a != null && b != null) ratios.push(a.seconds / b.seconds);
  }
  return ratios.length === 0 ? null : { low: Math.min(...ratios), high: Math.max(...ratios) };
}
/**
 * `v`'s time over `of`'s, fastest run against fastest run (interference only ever adds time, so
 * the fastest of several runs is the steadiest estimate of either), with the per-round range.
 */
function ratioText(v: number, of: number): string | null {
  const a = fastest(v);
  const b = fastest(of);
  const range = roundRange(v, of);
  if (a === null || b === null || range === null) return null;
  return `${(a.seconds / b.seconds).toFixed(2)}x [${range.low.toFixed(2)}-${range.high.toFixed(2)}]`;
}

const floorBest = fastest(FLOOR);
console.log(line(['run (fastest of ' + String(rounds) + ')', 'seconds', 'departures/s', 'ratio to floor', 'Wq (h)', 'peak RSS MB']));
if (floorBest === null) console.log('floor: ../shared/bench/floor-mmc.cjs not found; ratios omitted');
VARIANTS.forEach((variant, v) => {
  const r = fastest(v);
  if (r === null) return;
  const perSecond = r.departures / r.seconds;
  const ratio = floorBest !== null ? (floorBest.seconds / r.seconds).toFixed(2) : 'n/a';
  const number = (x: number, digits: number): string => (Number.isNaN(x) ? '' : x.toFixed(digits));
  console.log(line([variant.label, r.seconds.toFixed(3), perSecond.toExponential(2), ratio, number(r.meanWait, 4), number(r.maxRssMb, 1)]));
});
const tsxToExec = ratioText(TSX, EXEC);
if (tsxToExec !== null) console.log(`processes: tsx takes ${tsxToExec} the time of corridor-sim exec (fastest runs; [range of the rounds' ratios])`);
const bundleRatio = ratioText(PROCESSES, FLOOR);
const execRatio = ratioText(EXEC, FLOOR);
const generatorRatio = ratioText(GENERATORS, FLOOR);
if (bundleRatio !== null && execRatio !== null && generatorRatio !== null) {
  console.log(`time / floor, fastest runs of ${rounds} rounds [range of the rounds' ratios]: processes ${bundleRatio} as a bundle (issue 14: <= 2x), ${execRatio} via exec (<= 3x); a bare generator per customer alone: ${generatorRatio}`);
}
console.log('Erlang C: Wq = 2.7235 h');

const callbacks = fastest(CALLBACKS) as ChildResult;
const processes = fastest(PROCESSES) as ChildResult;
if (!quick) {
  const big = runChild('callbacks', 10 * departures);
  const growth = big.maxRssMb - callbacks.maxRssMb;
  console.log(`\nmemory: peak RSS ${callbacks.maxRssMb.toFixed(1)} MB at 10^6 departures, ${big.maxRssMb.toFixed(1)} MB at 10^7 (+${growth.toFixed(1)} MB; target <= 20 MB)`);
  const bigProcesses = runChild('processes', 10 * departures);
  console.log(`memory (processes): ${processes.maxRssMb.toFixed(1)} MB at 10^6, ${bigProcesses.maxRssMb.toFixed(1)} MB at 10^7 (+${(bigProcesses.maxRssMb - processes.maxRssMb).toFixed(1)} MB)`);
}
