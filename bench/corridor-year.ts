/**
 * Corridor benchmark: how long one simulated year of the Middle Corridor model (with its
 * competing routes and background traffic) takes at the 2025 volume
 * (models/overlays/demand-2025.yaml), on one core, and its cost per event next to the engine's
 * callback path (the M/M/3 of bench/engine-mmc.ts, scheduled callbacks) measured in the same run.
 * Targets (issue 14): under 0.4 s, and no more than twice the callback path's cost per event.
 * Both run as bundles in fresh processes (see src/build/bundle.ts), best or median of three.
 */
import { execFileSync } from 'node:child_process';
import { bundleEntry, projectRoot } from '../src/build/bundle.ts';
import { fastestOfThree, lastJsonLine } from './child-output.ts';

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

// The callback path at the same moment: best of three, as bench/engine-mmc.ts measures it.
const mmc = bundleEntry('bench/mmc-child.ts');
const departures = quick ? 100_000 : 1_000_000;
const callbacks = fastestOfThree(() =>
  lastJsonLine<{ seconds: number; events: number }>(execFileSync(process.execPath, [mmc, 'callbacks', String(departures)], { encoding: 'utf8', cwd: projectRoot })),
);
const callbackNs = (1e9 * callbacks.seconds) / callbacks.events;
console.log(
  `cost per event: ${(corridorNs / callbackNs).toFixed(1)}x the callback path (M/M/3 callbacks: ${callbackNs.toFixed(0)} ns per event, best of 3); target <= 2x`,
);
