/**
 * Route choice for every flow of a corridor model: the shares of each choice flow (a demand with
 * a set of `routes`) consistent with the transit times they cause. One equilibrium per scenario
 * (successive averages with the model's `averaging` rule, src/trade/equilibrium.ts) on the model's `assignment`
 * settings; an evaluation simulates the scenario with the current shares set on its flows
 * (`demand[i].shares`), in memory on the worker threads of a replication stream (every
 * scenario's loop submits its next evaluation as soon as its last is back), on fixed seeds (common
 * random numbers across iterations and scenarios), and reads each route's mean and p95 transit.
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
import { defineExperiment, type Experiment, type JsonValue, type ReplicationRecord, type Scenario, type ScenarioInput } from '../experiments/index.ts';
import { workerCount } from '../experiments/prepare-run.ts';
import { ReplicationStream } from '../experiments/replication-stream.ts';
import { WorkerGroup } from '../experiments/worker-group.ts';
import { replicationSeed, type Seed } from '../random/index.ts';
import { routeTimes } from './records.ts';
import { type DemandClass, type EquilibriumResult, type EquilibriumRoute, type FlowTolerance, type RouteTimes, solveEquilibrium } from '../trade/index.ts';

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
  /** Receives one line per evaluation and per scenario (progress). */
  readonly log?: (line: string) => void;
  /**
   * Worker threads to run the evaluations on and leave running afterwards (the caller closes the
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
 * Solve the route-choice equilibrium of every scenario, the scenarios' loops running at once
 * on one replication stream. Not converging is reported in each result, not thrown.
 * @throws Error when a scenario's model has no choice flow or no `assignment` block, or an evaluation's replication fails
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
  const [first] = prepared;
  if (first === undefined) return [];
  const replications = options.replications ?? Math.max(...prepared.map((p) => p.settings.replications));
  // The evaluations' common seeds and run settings, as an experiment of the evaluated scenario
  // would have them (defineExperiment normalises the scenario and the durations).
  const evaluation = (scenario: ScenarioInput): Experiment =>
    defineExperiment({
      name: 'assignment',
      scenarios: [scenario],
      replications,
      warmup: { days: options.warmupDays },
      horizon: { days: options.horizonDays },
      seed: `${String(options.seed)}/${options.seedLabel ?? 'assignment'}`,
      metrics: ['route.**'],
    });
  const probe = evaluation(withShares(first.scenario, {}));
  const seeds = Array.from({ length: replications }, (_, replication) => ({ replication, seed: replicationSeed(probe.seed, replication) }));
  // Every loop's evaluations go to one stream of replications on the same worker threads: a
  // loop's next evaluation starts as soon as its last is back, never waiting for the others.
  const workers = options.workerGroup ?? new WorkerGroup();
  const stream = new ReplicationStream({
    warmupHours: probe.warmupHours,
    horizonHours: probe.horizonHours,
    metrics: probe.metrics,
    workers: workerCount(options.workers, replications * prepared.length),
    group: workers,
  });
  try {
    return await Promise.all(
      prepared.map(async (p): Promise<ScenarioAssignment> => {
        let iteration = 0;
        const evaluate = async (shares: readonly (readonly number[])[]): Promise<RouteTimes[]> => {
          const id = `${p.scenario.id}.it${++iteration}`;
          const started = Date.now();
          const scenario = evaluation(withShares(p.scenario, sharesSet(p.flows, p.routes, shares), id)).scenarios[0] as Scenario;
          let results;
          try {
            results = await stream.run(scenario, seeds);
          } catch (error) {
            throw new Error(`assignment evaluation failed: ${error instanceof Error ? error.message : String(error)}`);
          }
          options.log?.(`assignment ${id}: ${replications} replication(s), ${((Date.now() - started) / 1000).toFixed(1)} s`);
          const records = results.map((r): ReplicationRecord => ({ scenario: id, replication: r.replication, seed: r.seed, metrics: r.metrics }));
          return routeTimes(records, id, p.routes.map((r) => r.id));
        };
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
          evaluate: (_flows, shares) => evaluate(shares ?? []),
        });
        options.log?.(`assignment ${p.scenario.id}: ${result.message}`);
        return { scenario: p.scenario, flows: p.flows, routes: p.routes, result, set: sharesSet(p.flows, p.routes, result.shares) };
      }),
    );
  } finally {
    await stream.close();
    if (options.workerGroup === undefined) await workers.close();
  }
}
