/**
 * The tariff-shift study: when the US tariff on Vietnamese goods changes, how much Vietnamese
 * volume turns to Europe and to overland routes, how much of it the Middle Corridor carries,
 * where the queues build, and what happens to transit times and costs. Run it with
 * `npx tsx experiments/tariff-shift.ts` (README, "The tariff-shift study").
 */
export { CASPIAN_FEEDER, FULL_STUDY, QUICK_STUDY, STUDY_SCENARIOS, VIETNAMESE_ROUTES } from './study-config.ts';
export type { StudyConfig, StudyScenario } from './study-config.ts';
export { scenarioDemand, studyRoutes } from './trade-demand.ts';
export type { ScenarioDemand, StudyRoute } from './trade-demand.ts';
export { demandSlots, scenarioInput, SERVICE_OVERRIDES, SHORT_SEA_ALLOCATION_FEU } from './scenario-model.ts';
export type { DemandSlot, ScenarioModelInput } from './scenario-model.ts';
export { overlaysOf, solveEquilibria } from './equilibrium-stage.ts';
export { choiceScenario, classDemandId, studyView, vietnameseEntries } from './choice-scenario.ts';
export type { ChoiceScenarioInput } from './choice-scenario.ts';
export { assignDesign, TRADE_KEY_PREFIX, TRADE_KEYS, tradeInputs } from './assigned-design.ts';
export type { AssignDesignOptions } from './assigned-design.ts';
export type { EquilibriumStageInput, ScenarioEquilibrium } from './equilibrium-stage.ts';
export { HOURS_PER_DAY, metricValues, routeTimes } from '../../assignment/records.ts';
export type { StudySummaryRow } from './summary-stats.ts';
export { STUDY_COLUMNS } from './study-files.ts';
export { KEY_TABLE_LEGEND, keyRows, keyTableText } from './key-table.ts';
export type { KeyRow } from './key-table.ts';
export { corridorStages, runTariffShiftStudy } from './run-study.ts';
export type { StudyResult, StudyRunOptions } from './run-study.ts';
