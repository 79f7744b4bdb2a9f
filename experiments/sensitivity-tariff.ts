/**
 * Sensitivity of the tariff study: which inputs drive Middle Corridor volume, Vietnamese overland
 * volume and transit time? A one-at-a-time design (README, "Sensitivity analysis") around the
 * study's `us-20` scenario (20% US tariff, no upgrade) over three groups of inputs, each moved to
 * a low and a high value with the others at their own values:
 *
 * - trade response: σ (substitution between supplying countries), φ (tariff pass-through), the
 *   EU's share of the volume lost in the US;
 * - route choice: the logit scale and the Middle Corridor's route constant;
 * - corridor: the Caspian feeder fleet, the storm rate, storm duration, how far storms close the
 *   three ports together, Khorgos westbound processing, Aktau crane time, Baku (Alat) cranes.
 *
 * Every design point first gets its own route-choice equilibrium (src/studies/tariff-shift/
 * assigned-design.ts: the demand classes from the trade inputs, then the model's calibrated
 * assignment of every flow), so demand and route choice respond to every factor; then all points
 * run under common random numbers and sensitivity.csv ranks the factors (tornado rows by
 * |high - low|); `corridor-sim report <run dir>` draws the tornado chart.
 *
 *     npx tsx experiments/sensitivity-tariff.ts [--replications 5] [--equilibrium-replications 2] [--workers 2] [--out results] [--run-id ID]
 *     corridor-sim report results/sensitivity-tariff/<run id>
 *
 * More than a plain experiment (an equilibrium per design point first), so it is a study of the
 * registry (`corridor-sim study sensitivity-tariff`, code in src/studies/sensitivity-tariff/);
 * this file is its wrapper. The run folder is an ordinary run (report, reproduce).
 */
import { isMainModule } from '../src/experiments/run-if-main.ts';
import { SENSITIVITY_TARIFF_STUDY } from '../src/studies/sensitivity-tariff/index.ts';

export { FACTORS, OUTPUTS } from '../src/studies/sensitivity-tariff/index.ts';

if (isMainModule(import.meta.url)) {
  const { runStudyScript } = await import('../src/cli/study-command.ts');
  await runStudyScript('experiments/sensitivity-tariff.ts', SENSITIVITY_TARIFF_STUDY);
}
