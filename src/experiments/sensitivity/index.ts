/**
 * Sensitivity analysis, built into experiments: designs (`oneAtATime`, `morrisDesign`) that
 * return scenarios for `defineExperiment`, `defineSensitivity` which also writes sensitivity.csv
 * after the run, and the analysis itself (OAT paired effects, Morris μ, μ*, σ) on run records or
 * on a plain function. README, "Sensitivity analysis".
 */
export { defineSensitivity } from './define-sensitivity.ts';
export type { MorrisDeclaration, OatDeclaration, SensitivityDeclaration, SensitivityExperimentInput } from './define-sensitivity.ts';
export { oneAtATime } from './one-at-a-time.ts';
export type { OneAtATimeOptions } from './one-at-a-time.ts';
export { morrisDesign, morrisLevelTrajectories } from './morris-design.ts';
export type { LevelTrajectory, MorrisOptions } from './morris-design.ts';
export type { DesignScenarios } from './design-scenarios.ts';
export { FACTOR_ID_PATTERN, levelValue } from './factors.ts';
export type { SensitivityFactor, SensitivityFactors } from './factors.ts';
export type { FactorInfo, MorrisLayout, MorrisPoint, OatEnds, OatLayout, SensitivityLayout, SensitivityPlan } from './plan.ts';
export { elementaryEffects, evaluatedTrajectories, morrisOfFunction, morrisStatistics } from './morris-effects.ts';
export type { EvaluatedTrajectory, Interval, MorrisEffect, MorrisStatOptions } from './morris-effects.ts';
export { oatEffects, pairedEffect } from './oat-effects.ts';
export type { OatEffect, PairedEffect, ValuesByReplication } from './oat-effects.ts';
export { analyzeSensitivity, DEFAULT_BOOTSTRAP_RESAMPLES, MORRIS_STATISTICS, OAT_STATISTICS, SENSITIVITY_COLUMNS, sensitivityCsvText } from './analyze.ts';
export type { SensitivityRow } from './analyze.ts';
