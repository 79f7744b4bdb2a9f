/**
 * Corridor benchmark: how long one simulated year of the Middle Corridor model (with its
 * competing routes and background traffic) takes at the 2025 volume
 * (models/overlays/demand-2025.yaml), on one core (median of three in a fresh process,
 * bench/corridor-child.ts), and its cost per event next to the engine's callback path (the M/M/3
 * of bench/engine-mmc.ts, scheduled callbacks). Targets (issue 14): under 0.4 s, and no more than
 * twice the callback path's cost per event. Everything runs as bundles (see src/build/bundle.ts).
 *
 * The ratio is measured paired: two warm children (bench/serve-child.ts), one per job, time a
 * corridor year and an M/M/3 callback run in alternation, round after round; each round's ratio
 * compares runs seconds apart, so the VM's drift (a third within minutes) mostly cancels.
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
const [yearChild, callbacksChild] = await Promise.all([serve(['corridor']), serve(['callbacks', String(departures)])]);
const ratios: number[] = [];
for (let i = 0; i < rounds; i++) {
  // Alternate which job goes first, so neither always runs right after the other's heat.
  const early = i % 2 === 0 ? await yearChild.time() : null;
  const callbackRun = await callbacksChild.time();
  const year = early ?? (await yearChild.time());
  ratios.push((year.seconds / year.events) / (callbackRun.seconds / callbackRun.events));
}
yearChild.close();
callbacksChild.close();
ratios.sort((x, y) => x - y);
console.log(
  `cost per event: ${(ratios[rounds >> 1] as number).toFixed(2)}x the callback path (median of ${rounds} rounds of a corridor year next to an M/M/3 callback run in two warm processes taking turns; range ${(ratios[0] as number).toFixed(2)}-${(ratios[rounds - 1] as number).toFixed(2)}x); target <= 2x`,
);
