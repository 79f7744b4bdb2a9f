/**
 * Stage 1 of the study: for every scenario, the route shares of every flow of the corridor model
 * consistent with the transit times they cause, on the model's calibrated route choice
 * (solveAssignments, src/assignment: successive averages, with the model's averaging rule, over a nested logit on
 * generalized cost, with the route constants and logit scale fitted to the China -> Europe split
 * in models/calibration/). The Vietnamese EU-bound classes are choice flows of the scenario's
 * model (choice-scenario.ts), so they and the Chinese cargo congest each other.
 *
 * Common random numbers across iterations and scenarios: every evaluation uses the same
 * replication seeds (master seed `${seed}/equilibrium`), so the mapping flows -> times is
 * deterministic and the gap measures the shares, not simulation noise. The seeds differ from the
 * final runs' so that the final estimates are not taken on the replications the equilibrium
 * was fitted to.
 */
import type { CompiledModel } from '../../corridor/compiled.ts';
import { type AssignmentRunOptions, type ScenarioAssignment, solveAssignments } from '../../assignment/solve-assignment.ts';
import type { EquilibriumResult, TradeModel } from '../../trade/index.ts';
import type { WorkerGroup } from '../../experiments/worker-group.ts';
import { choiceScenario, studyView } from './choice-scenario.ts';
import type { StudyConfig } from './study-config.ts';
import type { ScenarioDemand, StudyRoute } from './trade-demand.ts';

/** The equilibrium of one scenario. */
export interface ScenarioEquilibrium {
  readonly demand: ScenarioDemand;
  /** The study's view: Vietnamese classes over the study routes (choice-scenario.ts `studyView`). */
  readonly result: EquilibriumResult;
  /** Freight rate of each study route in the scenario's model, in route order (USD per FEU). */
  readonly freightRatesUsdPerFeu: readonly number[];
  /** The whole assignment (every flow of the model): its scenario and `set` give the final runs' model. */
  readonly assignment: ScenarioAssignment;
}

/** What stage 1 needs. */
export interface EquilibriumStageInput {
  readonly config: StudyConfig;
  readonly trade: TradeModel;
  /** The base model, compiled. */
  readonly model: CompiledModel;
  readonly routes: readonly StudyRoute[];
  /** One per scenario, in `config.scenarios` order. */
  readonly demands: readonly ScenarioDemand[];
  /** Worker threads (default: one per core). */
  readonly workers?: number;
  /** Receives one line per evaluation (progress), e.g. to print on stderr. */
  readonly log?: (line: string) => void;
  /** Worker threads to run on and leave running (see AssignmentRunOptions.workerGroup). */
  readonly workerGroup?: WorkerGroup;
}

/** The overlays of a scenario. */
export function overlaysOf(config: StudyConfig, upgrade: boolean): readonly string[] {
  return upgrade ? config.upgradeOverlays : [];
}

/**
 * How the study's equilibria run (its horizons, seeds `${seed}/equilibrium`, replications,
 * tolerance and iteration limit), for `solveAssignments`.
 */
export function equilibriumRunOptions(config: StudyConfig, run: Pick<EquilibriumStageInput, 'workers' | 'log' | 'workerGroup'>): AssignmentRunOptions {
  return {
    warmupDays: config.equilibriumWarmupDays,
    horizonDays: config.equilibriumHorizonDays,
    seed: config.seed,
    seedLabel: 'equilibrium',
    replications: config.equilibriumReplications,
    ...(config.flowTolerance !== undefined ? { flowTolerance: config.flowTolerance } : {}),
    ...(config.maxIterations !== undefined ? { maxIterations: config.maxIterations } : {}),
    ...(run.workers !== undefined ? { workers: run.workers } : {}),
    ...(run.log !== undefined ? { log: run.log } : {}),
    ...(run.workerGroup !== undefined ? { workerGroup: run.workerGroup } : {}),
  };
}

/**
 * Solve every scenario's assignment: one loop per scenario, all running at once, their
 * evaluations streamed to shared worker threads (src/experiments/replication-stream.ts).
 * @throws Error when an evaluation's replication fails
 */
export async function solveEquilibria(input: EquilibriumStageInput): Promise<ScenarioEquilibrium[]> {
  const { config, trade, model, routes, demands } = input;
  const scenarios = demands.map((demand) =>
    choiceScenario({ modelFile: config.modelFile, model, overlays: overlaysOf(config, demand.scenario.upgrade), routes, demand, seasonality: trade.seasonality }));
  const assignments = await solveAssignments(scenarios, equilibriumRunOptions(config, input));
  return assignments.map((assignment, i) => {
    const demand = demands[i] as ScenarioDemand;
    const rates = routes.map((route) => assignment.routes.find((r) => r.id === route.id)?.freightRateUsdPerFeu ?? Number.NaN);
    return { demand, result: studyView(assignment, demand, routes), freightRatesUsdPerFeu: rates, assignment };
  });
}
