/**
 * Any set of scenarios of the study (a sensitivity design, a sweep) at its route-choice
 * equilibrium: each scenario is one study scenario (a shipped US tariff scenario on the corridor
 * model) whose `set` may hold, beside model paths, trade-side inputs under `trade.` keys:
 *
 * | key | what it sets | unit |
 * |---|---|---|
 * | `trade.sourceSubstitutionElasticity` | σ of every commodity group (Armington, src/trade/tariff-shift.ts) | — |
 * | `trade.tariffPassThrough` | φ of every group | fraction |
 * | `trade.diversionShareEu` | share of the volume lost in the US that the EU takes | fraction |
 *
 * The trade keys shape the Vietnamese demand classes; the model keys (for example
 * `assignment.logitScaleUsd` or a fleet size) shape the model; then every scenario's assignment is
 * solved (solveAssignments, all scenarios' loops at once on one replication stream) and the
 * scenario comes back with its equilibrium shares in `set`, ready for `defineExperiment`. So the
 * demand and the route choice respond to every factor, not just the simulated corridor.
 */
import { fileURLToPath } from 'node:url';
import type { CompiledModel } from '../../corridor/compiled.ts';
import { assignedScenario, solveAssignments } from '../../assignment/solve-assignment.ts';
import { equilibriumRunOptions, overlaysOf } from './equilibrium-stage.ts';
import type { JsonValue, ScenarioInput } from '../../experiments/index.ts';
import { shippedTariffScenario, type TariffScenario, type TradeModel } from '../../trade/index.ts';
import { choiceScenario } from './choice-scenario.ts';
import type { StudyConfig, StudyScenario } from './study-config.ts';
import { scenarioDemand, type StudyRoute } from './trade-demand.ts';

/** Prefix of the trade-side keys in a scenario's `set`. */
export const TRADE_KEY_PREFIX = 'trade.';

/** The trade-side keys understood (see the module comment). */
export const TRADE_KEYS = ['trade.sourceSubstitutionElasticity', 'trade.tariffPassThrough', 'trade.diversionShareEu'] as const;

/** A trade key's value. @throws RangeError naming the scenario and key when it is not a finite number */
function numberAt(scenario: string, key: string, value: JsonValue | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`scenario ${scenario}: ${key} must be a finite number, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * The tariff scenario `tariffScenario` of the trade file with the trade keys of `set` applied.
 * @throws RangeError for an unknown `trade.` key or a non-numeric value
 */
export function tradeInputs(trade: TradeModel, tariffScenario: string, scenarioId: string, set: Readonly<Record<string, JsonValue>>): TariffScenario {
  let tariff: TariffScenario = shippedTariffScenario(trade, tariffScenario);
  for (const [key, value] of Object.entries(set)) {
    if (!key.startsWith(TRADE_KEY_PREFIX)) continue;
    const v = numberAt(scenarioId, key, value);
    if (key === 'trade.sourceSubstitutionElasticity') tariff = { ...tariff, sourceSubstitutionElasticity: v };
    else if (key === 'trade.tariffPassThrough') tariff = { ...tariff, tariffPassThrough: v };
    else if (key === 'trade.diversionShareEu') tariff = { ...tariff, diversionShares: { ...trade.tariff.diversionShares, ...(tariff.diversionShares ?? {}), eu: v } };
    else throw new RangeError(`scenario ${scenarioId}: unknown trade input "${key}" (expected one of ${TRADE_KEYS.join(', ')})`);
  }
  return tariff;
}

/** What `assignDesign` needs besides the scenarios. */
export interface AssignDesignOptions {
  readonly config: StudyConfig;
  readonly trade: TradeModel;
  /** The base model, compiled. */
  readonly model: CompiledModel;
  readonly routes: readonly StudyRoute[];
  /** The study scenario every design point is a variant of (its tariff scenario and upgrade). */
  readonly scenario: StudyScenario;
  readonly workers?: number;
  readonly log?: (line: string) => void;
}

/**
 * Every scenario at its equilibrium (see the module comment), in input order; ids, overlays and
 * model keys are kept, trade keys are replaced by the demand they imply.
 * @throws RangeError for a bad trade key; Error when an evaluation fails
 */
export async function assignDesign(scenarios: readonly ScenarioInput[], options: AssignDesignOptions): Promise<ScenarioInput[]> {
  const { config, trade, model, routes } = options;
  const prepared = scenarios.map((s) => {
    const set = s.set ?? {};
    const demand = scenarioDemand(trade, { ...options.scenario, id: s.id }, routes, tradeInputs(trade, options.scenario.tariffScenario, s.id, set));
    const modelSet = Object.fromEntries(Object.entries(set).filter(([key]) => !key.startsWith(TRADE_KEY_PREFIX)));
    const overlays = [...overlaysOf(config, options.scenario.upgrade), ...(s.overlays ?? []).map((o) => (typeof o === 'string' ? o : fileURLToPath(o)))];
    const choice = choiceScenario({ modelFile: config.modelFile, model, overlays, routes, demand, seasonality: trade.seasonality });
    return { ...choice, set: { ...modelSet, ...(choice.set ?? {}) } };
  });
  const assignments = await solveAssignments(prepared, equilibriumRunOptions(config, options));
  return assignments.map(assignedScenario);
}
