/**
 * Suez closed vs open: how much cargo does the Middle Corridor take when the Red Sea shuts? Each
 * scenario's route-choice equilibrium (src/assignment: China -> Europe cargo over the Middle
 * Corridor, Northern, Suez and Cape routes, Vietnamese sea cargo over Suez and the Cape, with
 * congestion feedback from the simulation) is solved first; then both run at their equilibrium
 * shares, 10 replications of one year after a 60-day warm-up, under common random numbers, and
 * comparison.csv gives the paired differences (Middle Corridor deliveries, the assigned volume
 * per mode, each route's share) with their confidence intervals.
 *
 *     npx tsx experiments/suez-closure.ts [--replications 10] [--workers 2] [--out results] [--run-id ID]
 *
 * Results: results/suez-closure/<run id>/ (the runner's files plus assignment.csv).
 *
 * A study of the registry (`corridor-sim study suez-closure`, code in src/studies/suez-closure/);
 * this file is its wrapper.
 */
import { isMainModule } from '../src/experiments/run-if-main.ts';
import { SUEZ_CLOSURE_STUDY } from '../src/studies/suez-closure/index.ts';

if (isMainModule(import.meta.url)) {
  const { runStudyScript } = await import('../src/cli/study-command.ts');
  await runStudyScript('experiments/suez-closure.ts', SUEZ_CLOSURE_STUDY);
}
