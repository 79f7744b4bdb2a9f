/**
 * Corridor benchmark: how long one simulated year of the Middle Corridor model (with its
 * competing routes) takes at the 2025 volume (models/overlays/demand-2025.yaml), on one core.
 * Target (issue 3): under 2 seconds. Runs a bundle in a fresh process (see src/build/bundle.ts).
 */
import { execFileSync } from 'node:child_process';
import { bundleEntry, projectRoot } from '../src/build/bundle.ts';
import { lastJsonLine } from './child-output.ts';

const script = bundleEntry('bench/corridor-child.ts');
const out = execFileSync(process.execPath, [script], { encoding: 'utf8', cwd: projectRoot });
const r = lastJsonLine<{ medianSeconds: number; minSeconds: number; events: number; enteredFeu: number; eventsWithoutBackground: number }>(out);
console.log(`\ncorridor benchmark: one simulated year of models/middle-corridor.yaml at the 2025 volume`);
console.log(`${r.enteredFeu.toLocaleString('en-US')} FEU, ${r.events.toLocaleString('en-US')} events: median ${r.medianSeconds.toFixed(2)} s of 3 (best ${r.minSeconds.toFixed(2)} s); target < 2 s`);
const added = r.events - r.eventsWithoutBackground;
console.log(`background traffic adds ${added.toLocaleString('en-US')} events (${((100 * added) / r.events).toFixed(0)}% of the year's ${r.events.toLocaleString('en-US')}; same seed without it: ${r.eventsWithoutBackground.toLocaleString('en-US')})`);
console.log(`${((r.events / r.medianSeconds) / 1e6).toFixed(2)} M events per second`);
