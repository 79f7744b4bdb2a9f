/**
 * Caspian capacity: does the Middle Corridor gain more from six more Aktau-Baku feeders, from
 * Baku (Alat) port phase 2, or only from both? Four scenarios on the Middle Corridor model under
 * common random numbers, compared against today's baseline.
 *
 *     npx tsx experiments/caspian-capacity.ts                 # or: corridor-sim run experiments/caspian-capacity.ts
 *     npx tsx experiments/caspian-capacity.ts --replications 30 --workers 8
 *
 * Results: results/caspian-capacity/<run id>/ (comparison.csv answers the question).
 */
import { defineExperiment, runIfMain } from '../src/experiments/index.ts';

const vessels = 'models/overlays/more-caspian-vessels.yaml';
const baku = 'models/overlays/baku-phase-2.yaml';

const experiment = defineExperiment({
  name: 'caspian-capacity',
  description: 'Baseline vs six more Caspian feeders vs Baku phase 2 vs both (Middle Corridor model, 2024 demand)',
  model: 'models/middle-corridor.yaml',
  scenarios: [
    { id: 'baseline' },
    { id: 'more-caspian-vessels', overlays: [vessels] },
    { id: 'baku-phase-2', overlays: [baku] },
    { id: 'both', overlays: [vessels, baku] },
  ],
  replications: 10,
  warmup: { days: 60 },
  horizon: { days: 365 },
  seed: 2025,
});

export default experiment;
await runIfMain(import.meta.url, experiment);
