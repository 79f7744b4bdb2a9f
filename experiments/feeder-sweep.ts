/**
 * Feeder sweep: Middle Corridor transit times and Caspian queues over a grid of the Aktau-Baku
 * feeder fleet (vessels) and its load factor (the share of nominal capacity usable, lower when
 * the Caspian is shallow). The baseline is today's point, 6 vessels at 0.85.
 *
 *     npx tsx experiments/feeder-sweep.ts        # or: corridor-sim run experiments/feeder-sweep.ts
 *
 * 12 scenarios x 5 replications of a simulated year; about a minute on 2 cores.
 */
import { defineExperiment, grid, runIfMain } from '../src/experiments/index.ts';

const feeder = 'legs.caspian-feeder-aktau-alat';

const experiment = defineExperiment({
  name: 'feeder-sweep',
  description: 'Grid over the Aktau-Baku feeder fleet size and load factor',
  model: 'models/middle-corridor.yaml',
  // Ids such as vessels=6_loadFactor=0.85 (see grid's id option to choose others).
  scenarios: grid({
    [`${feeder}.fleet.vessels`]: [4, 6, 8, 10],
    [`${feeder}.loadFactor`]: [0.7, 0.85, 1],
  }),
  baseline: 'vessels=6_loadFactor=0.85',
  replications: 5,
  warmup: { days: 60 },
  horizon: { days: 365 },
  seed: 2025,
  // The corridor's routes and modes, the Caspian stages and the network totals.
  metrics: ['route.mc-*.**', 'mode.**', 'stage.aktau.**', 'stage.alat.**', `stage.caspian-*.**`, 'network.**'],
});

export default experiment;
await runIfMain(import.meta.url, experiment);
