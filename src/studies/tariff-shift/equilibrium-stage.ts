/**
 * Stage 1 of the study: for every scenario, the route shares consistent with the transit times
 * they cause (solveEquilibrium, method of successive averages). An evaluation simulates the
 * scenario with the flows set as demand (scenario-model.ts), in memory through runExperiment,
 * on `equilibriumReplications` fixed seeds, and reads each route's mean and p95 transit time.
 *
 * Common random numbers across iterations: every evaluation of every scenario uses the same
 * replication seeds (master seed `${seed}/equilibrium`), so the mapping flows -> times is
 * deterministic and the loop's gap measures the shares, not simulation noise. The seeds differ
 * from the final runs' so that the final estimates are not taken on the replications the
 * equilibrium was fitted to.
 */
import type { CompiledRoute } from '../../corridor/compiled.ts';
import { loadScenarioModel } from '../../corridor/load-scenario.ts';
import { defineExperiment, runExperiment } from '../../experiments/index.ts';
import { type EquilibriumResult, equilibriumRoutes, type RouteTimes, solveEquilibrium, type TradeModel } from '../../trade/index.ts';
import { BatchedEvaluator, type EvaluationRequest } from '../../assignment/batched-evaluator.ts';
import { routeTimes } from '../../assignment/records.ts';
import { type DemandSlot, scenarioInput } from './scenario-model.ts';
import type { StudyConfig } from './study-config.ts';
import type { ScenarioDemand, StudyRoute } from './trade-demand.ts';

/** The equilibrium of one scenario. */
export interface ScenarioEquilibrium {
  readonly demand: ScenarioDemand;
  readonly result: EquilibriumResult;
  /** Freight rate of each route in the scenario's model, in route order (USD per FEU). */
  readonly freightRatesUsdPerFeu: readonly number[];
}

/** What stage 1 needs. */
export interface EquilibriumStageInput {
  readonly config: StudyConfig;
  readonly trade: TradeModel;
  readonly routes: readonly StudyRoute[];
  readonly slots: readonly DemandSlot[];
  /** One per scenario, in `config.scenarios` order. */
  readonly demands: readonly ScenarioDemand[];
  /** Worker threads (default: one per core). */
  readonly workers?: number;
  /** Receives one line per round (progress), e.g. to print on stderr. */
  readonly log?: (line: string) => void;
}

/** The overlays of a scenario. */
export function overlaysOf(config: StudyConfig, upgrade: boolean): readonly string[] {
  return upgrade ? config.upgradeOverlays : [];
}

/**
 * Solve every scenario's equilibrium: one loop per scenario, all running at once, their
 * evaluations batched into shared simulation rounds (batched-evaluator.ts).
 * @throws Error when a round's replications fail
 */
export async function solveEquilibria(input: EquilibriumStageInput): Promise<ScenarioEquilibrium[]> {
  const { config, trade, routes, demands } = input;
  const routeIds = routes.map((r) => r.id);
  let round = 0;
  const runRound = async (requests: readonly EvaluationRequest[]): Promise<RouteTimes[][]> => {
    round++;
    const started = Date.now();
    const ids = requests.map((q) => `${demands[q.scenarioIndex]?.scenario.id ?? '?'}.it${q.iteration}`);
    const scenarios = requests.map((q, i) => {
      const demand = demands[q.scenarioIndex] as ScenarioDemand;
      const overlays = overlaysOf(config, demand.scenario.upgrade);
      return scenarioInput({ id: ids[i] as string, overlays, routes, slots: input.slots, flowsFeuPerWeek: q.flowsFeuPerWeek, seasonality: trade.seasonality });
    });
    const experiment = defineExperiment({
      name: `${config.name}-equilibrium`,
      model: config.modelFile,
      scenarios,
      replications: config.equilibriumReplications,
      warmup: { days: config.equilibriumWarmupDays },
      horizon: { days: config.equilibriumHorizonDays },
      seed: `${String(config.seed)}/equilibrium`,
      metrics: ['route.**'],
    });
    const run = await runExperiment(experiment, { ...(input.workers !== undefined ? { workers: input.workers } : {}), progress: false });
    if (run.status !== 'complete') {
      const first = run.failures[0];
      throw new Error(`equilibrium round ${round} ${run.status}${first === undefined ? '' : `: scenario ${first.scenario}, replication ${first.replication}: ${first.message}`}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    input.log?.(`equilibrium round ${round}: ${ids.join(', ')} (${config.equilibriumReplications} replication(s) each, ${seconds} s)`);
    return ids.map((id) => routeTimes(run.records, id, routeIds));
  };

  const batcher = new BatchedEvaluator(demands.length, runRound);
  const { reliabilityWeight, logitScaleUsd, noDeliveryPenaltyUsdPerFeu } = trade.routeChoice;
  const tolerance = config.tolerance ?? trade.routeChoice.tolerance;
  const maxIterations = config.maxIterations ?? trade.routeChoice.maxIterations;
  const loops = demands.map(async (demand, index): Promise<ScenarioEquilibrium> => {
    try {
      // Rates and risk premiums from the scenario's own model, in case an overlay changes them.
      const model = loadScenarioModel({ model: config.modelFile, overlays: overlaysOf(config, demand.scenario.upgrade), label: demand.scenario.id });
      const eqRoutes = equilibriumRoutes(routeIds.map((id) => model.routes.get(id)).filter((r): r is CompiledRoute => r !== undefined));
      const result = await solveEquilibrium({
        routes: eqRoutes,
        classes: demand.classes,
        tolerance,
        maxIterations,
        reliabilityWeight,
        logitScaleUsd,
        noDeliveryPenaltyUsdPerFeu,
        evaluate: (flows) => batcher.evaluate(index, flows),
      });
      input.log?.(`equilibrium ${demand.scenario.id}: ${result.message}`);
      return { demand, result, freightRatesUsdPerFeu: eqRoutes.map((r) => r.freightRateUsdPerFeu) };
    } finally {
      batcher.finished();
    }
  });
  return Promise.all(loops);
}
