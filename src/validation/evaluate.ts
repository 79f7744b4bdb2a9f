/**
 * Evaluating targets over replications and the inside / outside rule.
 *
 * Each replication gives one value of the target's expression (in the target's unit); over the
 * n replications with a value: the mean and its Student-t 95% confidence interval
 * (summarizeReplications, src/stats). The verdict:
 *
 * - `inside`  when the 95% CI [ci95_low, ci95_high] and the published range [low, high] share at
 *             least one point: max(ci95_low, low) <= min(ci95_high, high). This includes every
 *             case where the mean itself lies in the range (the mean is inside its own CI).
 *             With n = 1 there is no CI and the mean alone is tested: low <= mean <= high.
 * - `outside` otherwise: even the CI's near end misses the range.
 * - `no-data` when no replication gave a value (a metric undefined everywhere).
 *
 * The rule asks "is the published figure compatible with the model, given the model's own
 * sampling error?" - not "is the model significantly different": a wide CI (few replications)
 * makes `inside` easier, so `n` is reported beside every verdict.
 */
import type { ReplicationRecord } from '../experiments/journal.ts';
import { summarizeReplications } from '../stats/index.ts';
import { evaluateExpression } from './expression.ts';
import type { PublishedRange, ValidationTarget } from './load-targets.ts';

/** inside, outside, or no-data (see the module comment for the rule). */
export type Verdict = 'inside' | 'outside' | 'no-data';

/** The model side of one target: mean and 95% CI over replications, in the target's unit. */
export interface ModelEstimate {
  /** Replications with a value. */
  readonly n: number;
  /** NaN when n = 0. */
  readonly mean: number;
  /** NaN when n < 2. */
  readonly ci95Low: number;
  readonly ci95High: number;
}

/** One row of validation.csv. */
export interface ValidationRow {
  readonly target: ValidationTarget;
  readonly estimate: ModelEstimate;
  readonly verdict: Verdict;
}

/** Mean and 95% Student-t CI of `values` (NaN fields where undefined). */
export function estimate(values: readonly number[]): ModelEstimate {
  if (values.length === 0) return { n: 0, mean: NaN, ci95Low: NaN, ci95High: NaN };
  const s = summarizeReplications(values, 0.95);
  return { n: s.n, mean: s.mean, ci95Low: s.lower, ci95High: s.upper };
}

/** The verdict of `model` against `published` (rule in the module comment). */
export function verdict(model: ModelEstimate, published: Pick<PublishedRange, 'low' | 'high'>): Verdict {
  if (model.n === 0 || !Number.isFinite(model.mean)) return 'no-data';
  const hasCi = Number.isFinite(model.ci95Low) && Number.isFinite(model.ci95High);
  const lo = hasCi ? model.ci95Low : model.mean;
  const hi = hasCi ? model.ci95High : model.mean;
  return Math.max(lo, published.low) <= Math.min(hi, published.high) ? 'inside' : 'outside';
}

/** The expression's value in each replication of its scenario that defines it (replication order). */
export function targetValues(target: ValidationTarget, records: readonly ReplicationRecord[]): number[] {
  const values: number[] = [];
  for (const record of records) {
    if (record.scenario !== target.scenario) continue;
    const metrics: Record<string, number | null> = {};
    for (const m of record.metrics) metrics[m.metric] = m.value;
    const v = evaluateExpression(target.expression, metrics);
    if (v !== null) values.push(v);
  }
  return values;
}

/** Evaluate every target over `records` (records of all scenarios), in the targets' order. */
export function evaluateTargets(targets: readonly ValidationTarget[], records: readonly ReplicationRecord[]): ValidationRow[] {
  return targets.map((target) => {
    const e = estimate(targetValues(target, records));
    return { target, estimate: e, verdict: verdict(e, target.published) };
  });
}
