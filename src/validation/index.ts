/**
 * Validation against published figures (`corridor-sim validate-model`): a targets file of figures
 * from the data sheet, each with the model expression that produces it; a run of the targets'
 * scenarios through the experiment runner; validation.csv and the report section.
 */
export { DEFAULT_TARGETS_FILE, loadTargets, loadTargetsText } from './load-targets.ts';
export type { PublishedRange, ValidationScenario, ValidationTarget, ValidationTargets } from './load-targets.ts';
export { evaluateExpression, ExpressionError, metricNames, parseExpression } from './expression.ts';
export type { Expression } from './expression.ts';
export { estimate, evaluateTargets, targetValues, verdict } from './evaluate.ts';
export type { ModelEstimate, ValidationRow, Verdict } from './evaluate.ts';
export { sheetRowText, VALIDATION_COLUMNS, VALIDATION_FILE, validationCsv } from './validation-csv.ts';
export { checkMetricNames, runValidation, scenarioMetricNames, TARGETS_COPY, VALIDATION_EXPERIMENT, validationExperiment } from './run-validation.ts';
export type { ValidationOptions, ValidationRun } from './run-validation.ts';
export { validationText } from './text-report.ts';
export { validationSection } from './report-section.ts';
