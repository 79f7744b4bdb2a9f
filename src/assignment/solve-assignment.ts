/**
 * Route choice for every flow of a corridor model: the shares of each choice flow (a demand with
 * a set of `routes`) consistent with the transit times they cause. One equilibrium per scenario
 * (successive averages with the model's `averaging` rule, src/trade/equilibrium.ts) on the model's `assignment`
 * settings; an evaluation simulates the scenario with the current shares set on its flows
 * (`demand[i].shares`), in memory through the experiment runner, on fixed seeds (common random
 * numbers across iterations and scenarios), and reads each route's mean and p95 transit.
 *
 * Generalized cost per route (USD per FEU): freight rate + value of time x mean transit +
 * reliability weight x value of time x (p95 − mean) + risk premium + the constant of its mode;
 * shares by a nested logit over the model's nests of route modes (src/trade/route-choice.ts).
 * Closed routes are not in any choice set (the compiler drops them), so closing a route in an
 * overlay re-assigns its cargo. Routes with a probe (`probeFeuPerWeek`) are simulated at the probe
 * volume whatever their share, so their times are measured and their volume accounted.
 */
import type { CompiledModel } from '../corridor/compiled.ts';
import { loadScenarioModel } from '../corridor/load-scenario.ts';
import { defineExperiment, runExperiment, type JsonValue, type ScenarioInput } from '../experiments/index.ts';
import { WorkerGroup } from '../experiments/worker-group.ts';
import type { Seed } from '../random/index.ts';
import { routeTimes } from './records.ts';
import { type DemandClass, type EquilibriumResult, type EquilibriumRoute, type FlowTolerance, type RouteTimes, solveEquilibrium } from '../trade/index.ts';
import { BatchedEvaluator, type EvaluationRequest } from './batched-evaluator.ts';

/** A scenario to assign: its model file, overlays and overrides (as an experiment scenario). */
export interface AssignmentScenario {
  readonly id: string;
  readonly model: string;
  readonly overlays?: readonly string[];
  readonly set?: Readonly<Record<string, JsonValue>>;
}

/** How the evaluations run. Times in days. */
export interface AssignmentRunOptions {
  readonly warmupDays: number;
  readonly horizonDays: number;
  /** Master seed; evaluations use `${seed}/assignment`, apart from the final runs' seeds. */
  readonly seed: Seed;
  /** Worker threads (default: one per core). */
  readonly workers?: number;
  /** Overrides the model's `assignment.replications`. */
  readonly replications?: number;
  /** Overrides the model's `assignment.tolerance` and `maxIterations`. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /** Overrides the model's `assignment.flowTolerance` (converge on route volumes). */
  readonly flowTolerance?: FlowTolerance;
  /** Assign only these choice flows (by id); the others keep their fixed shares. Default: all. */
  readonly onlyFlows?: readonly string[];
  /** Label of the evaluations' seeds: `${seed}/${seedLabel}` (default `assignment`). */
  readonly seedLabel?: string;
  /** Receives one line per round and per scenario (progress). */
  readonly log?: (line: string) => void;
  /**
   * Worker threads to run the rounds on and leave running afterwards (the caller closes the
   * group), e.g. for the final runs that follow; default: a group of the solver's own, closed
   * when it returns.
   */
  readonly workerGroup?: WorkerGroup;
}

/** A choice flow of the model: its index in `demand`, id, volume and routes. */
export interface ChoiceFlow {
  readonly index: number;
  readonly id: string;
  readonly feuPerWeek: number;
  readonly valueOfTimeUsdPerFeuDay: number;
  readonly routes: readonly string[];
}

/** The equilibrium of one scenario and the overrides that fix its shares. */
export interface ScenarioAssignment {
  readonly scenario: AssignmentScenario;
  readonly flows: readonly ChoiceFlow[];
  readonly routes: readonly EquilibriumRoute[];
  readonly result: EquilibriumResult;
  /** `demand[i].shares` for every choice flow: add to the scenario's `set` for the final runs. */
  readonly set: Readonly<Record<string, JsonValue>>;
}

/** The choice flows of a compiled model (demand entries with a choice set), in demand order. */
export function choiceFlows(model: CompiledModel): ChoiceFlow[] {
  return model.demand.flatMap((d, index) =>
    d.route !== undefined ? [] : [{ index, id: d.id, feuPerWeek: d.feuPerHour * 168, valueOfTimeUsdPerFeuDay: d.valueOfTimeUsdPerFeuDay ?? 0, routes: d.choices.map((c) => c.route) }],
  );
}

/** The routes of the choice sets, once each, with their rates, premiums and mode constants. */
export function assignmentRoutes(model: CompiledModel, flows: readonly ChoiceFlow[]): EquilibriumRoute[] {
  const ids = [...new Set(flows.flatMap((f) => f.routes))];
  const constants = model.assignment?.modeConstantsUsdPerFeu ?? {};
  return ids.map((id) => {
    const route = model.routes.get(id);
    if (route === undefined) throw new Error(`choice set names route "${id}", which ${model.id} does not define`);
    return { id, freightRateUsdPerFeu: route.freightRateUsdPerFeu ?? 0, riskPremiumUsdPerFeu: route.riskPremiumUsdPerFeu ?? 0, constantUsdPerFeu: (constants[route.mode] ?? 0) + route.constantUsdPerFeu };
  });
}

/** The `flowTolerance` option of solveEquilibrium, when there is one. */
function flowToleranceOf(tolerance: FlowTolerance | undefined): { flowTolerance?: FlowTolerance } {
  return tolerance === undefined ? {} : { flowTolerance: tolerance };
}

/** `demand[i].shares` overrides for the shares of each class (flow) over `routes`. */
export function sharesSet(flows: readonly ChoiceFlow[], routes: readonly EquilibriumRoute[], shares: readonly (readonly number[])[]): Record<string, JsonValue> {
  const set: Record<string, JsonValue> = {};
  flows.forEach((flow, i) => {
    const row = shares[i] ?? [];
    const byRoute: Record<string, number> = {};
    routes.forEach((route, r) => {
      if (flow.routes.includes(route.id)) byRoute[route.id] = row[r] ?? 0;
    });
    set[`demand[${flow.index}].shares`] = byRoute;
  });
  return set;
}

/** The experiment scenario of `scenario` with `shares` (`demand[i].shares` overrides) on top of its own `set`. */
export function withShares(scenario: AssignmentScenario, shares: Readonly<Record<string, JsonValue>>, id = scenario.id): ScenarioInput {
  return { id, model: scenario.model, overlays: [...(scenario.overlays ?? [])], set: { ...(scenario.set ?? {}), ...shares } };
}

/** A scenario at its equilibrium, ready for the final runs (every choice flow's shares fixed). */
export function assignedScenario(assignment: ScenarioAssignment): ScenarioInput {
  return withShares(assignment.scenario, assignment.set);
}

/**
 * Solve the route-choice equilibrium of every scenario, their evaluations batched into shared
 * simulation rounds. Not converging is reported in each result, not thrown.
 * @throws Error when a scenario's model has no choice flow or no `assignment` block, or a round fails
 */
export async function solveAssignments(scenarios: readonly AssignmentScenario[], options: AssignmentRunOptions): Promise<ScenarioAssignment[]> {
  const prepared = scenarios.map((scenario) => {
    const model = loadScenarioModel({ model: scenario.model, overlays: scenario.overlays ?? [], set: scenario.set ?? {}, label: scenario.id });
    const settings = model.assignment;
    if (settings === undefined) throw new Error(`scenario ${scenario.id}: ${model.id} has no assignment block (logitScaleUsd, ...)`);
    const flows = choiceFlows(model).filter((f) => options.onlyFlows === undefined || options.onlyFlows.includes(f.id));
    if (flows.length === 0) throw new Error(`scenario ${scenario.id}: ${model.id} has no demand flow with a choice set (routes: [...])`);
    return { scenario, model, settings, flows, routes: assignmentRoutes(model, flows) };
  });
  const replications = options.replications ?? Math.max(...prepared.map((p) => p.settings.replications));
  let round = 0;
  const runRound = async (requests: readonly EvaluationRequest[]): Promise<RouteTimes[][]> => {
    round++;
    const started = Date.now();
    const ids = requests.map((q) => `${prepared[q.scenarioIndex]?.scenario.id ?? '?'}.it${q.iteration}`);
    const evaluated: ScenarioInput[] = requests.map((q, i) => {
      const p = prepared[q.scenarioIndex];
      if (p === undefined) throw new Error(`no scenario ${q.scenarioIndex}`);
      return withShares(p.scenario, sharesSet(p.flows, p.routes, q.shares ?? []), ids[i] as string);
    });
    const experiment = defineExperiment({
      name: 'assignment',
      scenarios: evaluated,
      replications,
      warmup: { days: options.warmupDays },
      horizon: { days: options.horizonDays },
      seed: `${String(options.seed)}/${options.seedLabel ?? 'assignment'}`,
      metrics: ['route.**'],
    });
    const run = await runExperiment(experiment, { ...(options.workers !== undefined ? { workers: options.workers } : {}), progress: false, workerGroup: workers, skipScenarioValidation: round > 1 });
    if (run.status !== 'complete') {
      const first = run.failures[0];
      throw new Error(`assignment round ${round} ${run.status}${first === undefined ? '' : `: scenario ${first.scenario}, replication ${first.replication}: ${first.message}`}`);
    }
    options.log?.(`assignment round ${round}: ${ids.join(', ')} (${replications} replication(s) each, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return ids.map((id, i) => routeTimes(run.records, id, (prepared[requests[i]?.scenarioIndex ?? 0]?.routes ?? []).map((r) => r.id)));
  };
  const batcher = new BatchedEvaluator(prepared.length, runRound);
  // Every round runs on the same worker threads (started once, JIT warm): see worker-group.ts.
  // Rounds after the first differ from it only in the solver's shares, so the main thread does
  // not load and try every scenario again (about 0.2-0.6 s each, while the workers wait).
  const workers = options.workerGroup ?? new WorkerGroup();
  try {
    return await Promise.all(
      prepared.map(async (p, index): Promise<ScenarioAssignment> => {
        try {
          const classes: DemandClass[] = p.flows.map((f) => ({ id: f.id, demandFeuPerWeek: f.feuPerWeek, valueOfTimeUsdPerFeuDay: f.valueOfTimeUsdPerFeuDay, routeIds: f.routes }));
          const result = await solveEquilibrium({
            routes: p.routes,
            classes,
            reliabilityWeight: p.settings.reliabilityWeight,
            logitScaleUsd: p.settings.logitScaleUsd,
            nestOf: p.routes.map((r) => p.settings.nestOfMode[p.model.routes.get(r.id)?.mode ?? ''] ?? p.model.routes.get(r.id)?.mode ?? r.id),
            nestScale: p.settings.nestScale,
            tolerance: options.tolerance ?? p.settings.tolerance,
            ...flowToleranceOf(options.flowTolerance ?? p.settings.flowTolerance),
            averaging: p.settings.averaging,
            maxIterations: options.maxIterations ?? p.settings.maxIterations,
            evaluate: (flows, shares) => batcher.evaluate(index, flows, shares),
          });
          options.log?.(`assignment ${p.scenario.id}: ${result.message}`);
          return { scenario: p.scenario, flows: p.flows, routes: p.routes, result, set: sharesSet(p.flows, p.routes, result.shares) };
        } finally {
          batcher.finished();
        }
      }),
    );
  } finally {
    if (options.workerGroup === undefined) await workers.close();
  }
}
