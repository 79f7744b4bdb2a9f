/**
 * Corridor benchmark: how long one simulated year of the Middle Corridor model (with its
 * competing routes and background traffic) takes at the 2025 volume
 * (models/overlays/demand-2025.yaml), on one core (median of three in a fresh process,
 * bench/corridor-child.ts), and its cost per event next to the engine's callback path (the M/M/3
 * of bench/engine-mmc.ts, scheduled callbacks). Targets (issue 14): under 0.4 s, and no more than
 * twice the callback path's cost per event. Everything runs as bundles (see src/build/bundle.ts).
 *
 * The ratio is measured paired: warm children (bench/serve-child.ts), one per job, time a
 * corridor year and an M/M/3 callback run in alternation, round after round; each round's ratio
 * compares runs seconds apart, so the VM's drift (a third within minutes) mostly cancels. A third
 * child replays the year's event-list operations on the engine's queue alone
 * (bench/event-replay.ts) in the same rounds: how much of a corridor event is the event list
 * (at the corridor's heap size and number of targets) and how much the model's own work.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { bundleEntry, projectRoot } from '../src/build/bundle.ts';
import { lastJsonLine } from './child-output.ts';

const quick = process.argv.includes('--quick');
const script = bundleEntry('bench/corridor-child.ts');
const out = execFileSync(process.execPath, [script], { encoding: 'utf8', cwd: projectRoot });
const r = lastJsonLine<{ medianSeconds: number; minSeconds: number; events: number; enteredFeu: number; eventsWithoutBackground: number }>(out);
console.log(`\ncorridor benchmark: one simulated year of models/middle-corridor.yaml at the 2025 volume`);
console.log(`${r.enteredFeu.toLocaleString('en-US')} FEU, ${r.events.toLocaleString('en-US')} events: median ${r.medianSeconds.toFixed(2)} s of 3 (best ${r.minSeconds.toFixed(2)} s); target < 0.4 s`);
const added = r.events - r.eventsWithoutBackground;
console.log(`background traffic adds ${added.toLocaleString('en-US')} events (${((100 * added) / r.events).toFixed(0)}% of the year's ${r.events.toLocaleString('en-US')}; same seed without it: ${r.eventsWithoutBackground.toLocaleString('en-US')})`);
const corridorNs = (1e9 * r.medianSeconds) / r.events;
console.log(`${((r.events / r.medianSeconds) / 1e6).toFixed(2)} M events per second (${corridorNs.toFixed(0)} ns per event)`);

// 10^6 departures even with --quick: a shorter callback run (0.02 s) is mostly JIT warm-up and
// flatters the ratio (1.9-2.3x against 3.6x measured minutes apart).
const departures = 1_000_000;

/** A running bench/serve-child.ts: `time()` runs its job once. */
interface Served {
  time(): Promise<{ seconds: number; events: number }>;
  close(): void;
}

async function serve(args: readonly string[]): Promise<Served> {
  const child: ChildProcess = fork(bundleEntry('bench/serve-child.ts'), [...args], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = (): Promise<unknown> =>
    new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`bench/serve-child.ts ${args.join(' ')} exited (${code ?? '?'})`)));
    });
  await next();
  return {
    time: async () => {
      const answer = next();
      child.send('run');
      return (await answer) as { seconds: number; events: number };
    },
    close: () => child.send('stop'),
  };
}

const rounds = quick ? 3 : 7;
const [yearChild, replayChild, callbacksChild] = await Promise.all([serve(['corridor']), serve(['replay']), serve(['callbacks', String(departures)])]);
const perEvent = (run: { seconds: number; events: number }): number => run.seconds / run.events;
const ratios: number[] = [];
const replayRatios: number[] = [];
const replayShares: number[] = [];
for (let i = 0; i < rounds; i++) {
  // Alternate which job goes first, so neither always runs right after the other's heat.
  const early = i % 2 === 0 ? await yearChild.time() : null;
  const callbackRun = await callbacksChild.time();
  const replay = await replayChild.time();
  const year = early ?? (await yearChild.time());
  ratios.push(perEvent(year) / perEvent(callbackRun));
  replayRatios.push(perEvent(replay) / perEvent(callbackRun));
  replayShares.push(perEvent(replay) / perEvent(year));
}
yearChild.close();
replayChild.close();
callbacksChild.close();
/** Median and range of `values`, as text: `3.50x (3.40-3.90x)` (or `%` with `percent`). */
function spread(values: number[], percent = false): string {
  values.sort((x, y) => x - y);
  const show = (v: number): string => (percent ? `${(100 * v).toFixed(0)}%` : `${v.toFixed(2)}x`);
  return `${show(values[values.length >> 1] as number)} (range ${show(values[0] as number)}-${show(values[values.length - 1] as number)})`;
}
console.log(
  `cost per event: ${spread(ratios)} the callback path (median of ${rounds} rounds of a corridor year next to an M/M/3 callback run in warm processes taking turns); target <= 2x`,
);
console.log(
  `  of which the event list: the year's pushes and pops replayed on the engine's queue alone (bench/event-replay.ts) cost ${spread(replayRatios)} the callback path, ${spread(replayShares, true)} of a corridor event; the rest is the model's own work`,
);
