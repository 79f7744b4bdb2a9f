/**
 * More Caspian capacity does not lengthen the Caspian wait. The study's scenario model (its
 * service overrides and Vietnamese overland flows near the 46% equilibrium, the heaviest load)
 * with and without six more feeders (overlay more-caspian-vessels), paired by replication under
 * common random numbers: same storms, same arrivals, only the fleet differs.
 *
 * Checked per replication, which is stronger than the mean: with everything else identical, a
 * replication in which more feeders lengthen the wait would point at an anomaly of the departure
 * policy worth a look. The paired-t 95% interval of the mean difference must also lie below 0.
 * Six replications of one year from 1 January (no warm-up): the year must include the
 * November-December storm season, where the fleet matters most; six pairs suffice for the
 * interval because pairing removes most of the variance.
 *
 * Twelve replication-years (about a minute on 2 cores): a long check, run with
 * CORRIDOR_SIM_SLOW_TESTS=1 (README, "Run the tests and the benchmark"), so that `npm test` stays
 * under five minutes.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/corridor/load-model.ts';
import { defineExperiment, runExperiment } from '../../src/experiments/index.ts';
import { pairedDifferenceSummary } from '../../src/stats/index.ts';
import { CASPIAN_FEEDER, demandSlots, FULL_STUDY, metricValues, scenarioInput, studyRoutes, VIETNAMESE_ROUTES } from '../../src/studies/tariff-shift/index.ts';
import { loadTrade } from '../../src/trade/index.ts';

/** FEU/week on the study routes (sea ones are not simulated): near the 46% equilibrium of the full study. */
const FLOWS = [0, 0, 105, 62, 192];

describe('more Caspian feeders (paired, common random numbers)', () => {
  it.runIf(process.env.CORRIDOR_SIM_SLOW_TESTS === '1')('never lengthen the mean Caspian feeder wait in any replication, and shorten it on average', async () => {
    const model = loadModel(FULL_STUDY.modelFile);
    const trade = loadTrade(FULL_STUDY.tradeFile);
    const routes = studyRoutes(model, VIETNAMESE_ROUTES);
    const slots = demandSlots(model, routes);
    const scenario = (id: string, overlays: string[]) => scenarioInput({ id, overlays, routes, slots, flowsFeuPerWeek: FLOWS, seasonality: trade.seasonality });
    const experiment = defineExperiment({
      name: 'caspian-wait-test',
      model: FULL_STUDY.modelFile,
      scenarios: [scenario('today', []), scenario('more-vessels', ['models/overlays/more-caspian-vessels.yaml'])],
      replications: 6,
      warmup: { days: 0 },
      horizon: { days: 365 },
      seed: FULL_STUDY.seed,
      metrics: [`stage.${CASPIAN_FEEDER}.mean_wait_h`],
    });
    const run = await runExperiment(experiment, { workers: 2 });
    expect(run.status).toBe('complete');
    const metric = `stage.${CASPIAN_FEEDER}.mean_wait_h`;
    const today = metricValues(run.records, 'today', metric).map(Number);
    const more = metricValues(run.records, 'more-vessels', metric).map(Number);
    today.forEach((wait, i) => expect(more[i], `replication ${i}`).toBeLessThanOrEqual(wait));
    const paired = pairedDifferenceSummary(today, more);
    expect(paired.upper).toBeLessThan(0);
  });
});
