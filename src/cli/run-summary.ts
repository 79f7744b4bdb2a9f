/**
 * What a finished run tells the researcher about its output analysis, after the files it wrote:
 * the warm-up `auto` chose and whether the run reached steady state, the precision a
 * `--precision` run reached, and for a run of one replication per scenario the batch-means
 * intervals (the only intervals such a run has). Text for the terminal and fields for `--json`.
 */
import type { Experiment } from '../experiments/define-experiment.ts';
import type { ExperimentRun } from '../experiments/run-experiment.ts';
import { describePrecisionMetric, describePrecisionOutcome, type PrecisionOutcome } from '../experiments/output-analysis/precision-run.ts';
import { batchMeansRows, usesBatchMeans, type BatchMeansRow } from '../experiments/output-analysis/single-run-batch-means.ts';

/** Per-metric precision lines printed at most (the rest are in manifest.json). */
const MAX_PRECISION_LINES = 12;
/** Batch-means intervals printed at most (all are in batch-means.csv). */
const MAX_BATCH_MEANS_LINES = 12;

/** The warm-up line(s): what `auto` chose, and the one-line not-steady flag. Empty for a fixed warm-up. */
export function warmupLines(experiment: Experiment): string[] {
  const choice = experiment.autoWarmup;
  if (choice === undefined || choice === null) return [];
  const lines = [`warm-up: auto chose ${choice.truncationWeeks} weeks (${choice.truncationWeeks * 7} days; cap ${choice.capWeeks} weeks) by MSER on a pilot of ${choice.pilotReplications} replications x ${choice.pilotHorizonHours / 24} days; longest transient: ${choice.limitingLabel}`];
  if (choice.notSteady) {
    lines.push(`NOT STEADY: ${choice.notSteadyLabels.join(', ')} never settled (MSER's minimum at the cap of ${choice.capWeeks} weeks); the means may still carry start-up bias or a growing queue: run longer (--horizon-days) or check capacity`);
  }
  return lines;
}

/** The precision lines: the outcome in one sentence, then the intervals (unmet first). */
export function precisionLines(outcome: PrecisionOutcome | null): string[] {
  if (outcome === null) return [];
  const ordered = [...outcome.metrics.filter((m) => !m.met), ...outcome.metrics.filter((m) => m.met)];
  const lines = [`precision: ${describePrecisionOutcome(outcome, false)}`];
  for (const m of ordered.slice(0, MAX_PRECISION_LINES)) lines.push(`  ${m.scenario}  ${m.metric}  ${describePrecisionMetric(m)}`);
  if (ordered.length > MAX_PRECISION_LINES) lines.push(`  ... ${ordered.length - MAX_PRECISION_LINES} more in manifest.json (precision.metrics)`);
  if (outcome.undefinedEverywhere.length > 0) lines.push(`  ignored (defined in no replication): ${outcome.undefinedEverywhere.join(', ')}`);
  return lines;
}

const number = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString());

/** The batch-means lines of a one-replication run: method, the lag-1 check, then routes' throughput. */
export function batchMeansLines(experiment: Experiment, rows: readonly BatchMeansRow[]): string[] {
  if (!usesBatchMeans(experiment)) return [];
  if (rows.length === 0) {
    return ['1 replication per scenario: no confidence intervals (batch means need at least 10 complete weeks after the warm-up; run replications or a longer horizon)'];
  }
  const failed = rows.filter((r) => !r.lag1Passed);
  const counts = [...new Set(rows.map((r) => `${r.batches} x ${r.batchWeeks}`))].join(', ');
  const lines = [
    `1 replication per scenario: 95% CIs by batch means on the weekly series (batch-means.csv, ${rows.length} intervals; batches x weeks: ${counts}); ` +
      (failed.length === 0 ? 'lag-1 check passed for all' : `lag-1 check FAILED for ${failed.length} (autocorrelation of the batch means still > 0.2 with the fewest batches allowed, 10 to 19: those intervals are likely too narrow)`),
    '  no intervals for transit times and waits (no per-week series): run replications for those',
  ];
  const routes = rows.filter((r) => r.series === 'route_weekly_feu' && r.mean > 0);
  for (const r of routes.slice(0, MAX_BATCH_MEANS_LINES)) {
    lines.push(`  ${r.scenario}  ${r.metric}  ${number(r.mean)} [${number(r.low)}, ${number(r.high)}]  ${r.batches} batches of ${r.batchWeeks} week${r.batchWeeks === 1 ? '' : 's'}, lag-1 ${r.lag1.toFixed(2)}${r.lag1Passed ? '' : ' FAILED'}`);
  }
  if (routes.length > MAX_BATCH_MEANS_LINES) lines.push(`  ... ${routes.length - MAX_BATCH_MEANS_LINES} more routes, and the stages' mean queues, in batch-means.csv`);
  return lines;
}

/** Every output-analysis line of a complete run, in the order above. */
export function outputAnalysisLines(run: ExperimentRun): string[] {
  return [...warmupLines(run.experiment), ...precisionLines(run.precision), ...batchMeansLines(run.experiment, batchMeansRows(run.experiment, run.records))];
}

/** The `--json` fields: the auto warm-up choice, the precision outcome, the batch-means intervals. */
export interface OutputAnalysisJson {
  /** Warm-up per replication, days (chosen by MSER when `autoWarmup` is not null). */
  readonly warmupDays: number;
  readonly autoWarmup: { readonly weeks: number; readonly notSteady: boolean; readonly notSteadyLabels: readonly string[]; readonly method: string } | null;
  /** Replications per scenario actually run (with a precision target: the count reached). */
  readonly replications: number;
  readonly precision: PrecisionOutcome | null;
  /** Only for 1 replication per scenario: the batch-means intervals (as batch-means.csv). */
  readonly batchMeans: readonly BatchMeansRow[] | null;
}

/** The output-analysis fields of `--json`. */
export function outputAnalysisJson(run: ExperimentRun): OutputAnalysisJson {
  const { experiment } = run;
  const choice = experiment.autoWarmup ?? null;
  return {
    warmupDays: experiment.warmupHours / 24,
    autoWarmup: choice === null ? null : { weeks: choice.truncationWeeks, notSteady: choice.notSteady, notSteadyLabels: choice.notSteadyLabels, method: choice.method },
    replications: run.precision?.replications ?? experiment.replications,
    precision: run.precision,
    batchMeans: usesBatchMeans(experiment) ? batchMeansRows(experiment, run.records) : null,
  };
}
