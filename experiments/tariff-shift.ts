/**
 * The tariff-shift study (README, "The tariff-shift study"): route-choice equilibrium of
 * Vietnamese EU-bound cargo with congestion feedback from the simulation, then six scenarios
 * (US tariff 0 / 20 / 46%, each with and without the corridor upgrade) at their equilibrium
 * flows, 30 replications of one year after a 60-day warm-up.
 *
 *     npx tsx experiments/tariff-shift.ts              # the full study -> results/tariff-shift/<run id>/
 *     npx tsx experiments/tariff-shift.ts --quick      # npm start: 3 replications, the equilibrium on 1 seed
 *     corridor-sim study tariff-shift [--quick]        # the same
 *
 * More than a plain experiment (it solves the equilibrium first), so it is a study of the
 * registry (src/studies/registry.ts) rather than an experiment file for `corridor-sim run`; this
 * file is its wrapper, with the options of `corridor-sim study`.
 */
import { isMainModule } from '../src/experiments/run-if-main.ts';
import { TARIFF_SHIFT_STUDY } from '../src/studies/tariff-shift/study.ts';

if (isMainModule(import.meta.url)) {
  const { runStudyScript } = await import('../src/cli/study-command.ts');
  await runStudyScript('experiments/tariff-shift.ts', TARIFF_SHIFT_STUDY);
}
