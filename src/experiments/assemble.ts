/**
 * From finished replications to results: records in the canonical order (scenario order of the
 * experiment, replication index, metric order), per-scenario summaries and paired comparisons
 * with the baseline. Everything is a function of the set of records alone, never of the order
 * they finished in, so any worker count, completion order, resume or merge gives the same bytes.
 *
 * Missing values: a metric that is not defined in a replication (null) is left out of that
 * metric's statistics, so `n` can be below the replication count; a comparison uses only the
 * replications where both scenarios have a value.
 */
import { pairedDifferenceSummary, summarizeReplications } from '../stats/replications.ts';
import type { Experiment } from './define-experiment.ts';
import type { ReplicationRecord } from './journal.ts';
import { canonicalValue } from './metrics.ts';

/** Across-replication statistics of one metric in one scenario; null where undefined. */
export interface SummaryRow {
  readonly scenario: string;
  readonly metric: string;
  /** Replications with a value. */
  readonly n: number;
  readonly mean: number | null;
  /** Sample standard deviation; null when n < 2. */
  readonly sd: number | null;
  /** Student-t 95% confidence interval of the mean; null when n < 2. */
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
  /** Median and 95th percentile of the replication values (type 7). */
  readonly p50: number | null;
  readonly p95: number | null;
}

/** A scenario against the baseline on one metric, paired by replication (common random numbers). */
export interface ComparisonRow {
  readonly scenario: string;
  readonly baseline: string;
  readonly metric: string;
  /** Replications where both have a value. */
  readonly n: number;
  readonly baselineMean: number | null;
  readonly scenarioMean: number | null;
  /** Mean of scenario - baseline. */
  readonly meanDifference: number | null;
  /** Paired-t 95% confidence interval of the difference; null when n < 2. */
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
  /** (scenario mean - baseline mean) / baseline mean; null when the baseline mean is 0. */
  readonly relativeChange: number | null;
}

const nullable = (value: number): number | null => canonicalValue(value);

/** Records sorted by (scenario order, replication). */
export function orderRecords(experiment: Experiment, records: Iterable<ReplicationRecord>): ReplicationRecord[] {
  const order = new Map(experiment.scenarios.map((s, i) => [s.id, i]));
  return [...records].sort((a, b) => (order.get(a.scenario) ?? 0) - (order.get(b.scenario) ?? 0) || a.replication - b.replication);
}

/** Per scenario: metric -> values by replication, metrics in first-appearance order. `ordered` from `orderRecords`. */
export function valuesByScenario(ordered: readonly ReplicationRecord[]): Map<string, Map<string, Map<number, number | null>>> {
  const out = new Map<string, Map<string, Map<number, number | null>>>();
  for (const record of ordered) {
    let metrics = out.get(record.scenario);
    if (metrics === undefined) out.set(record.scenario, (metrics = new Map()));
    for (const { metric, value } of record.metrics) {
      let values = metrics.get(metric);
      if (values === undefined) metrics.set(metric, (values = new Map()));
      values.set(record.replication, value);
    }
  }
  return out;
}

/**
 * The values of `a` and `b` at the replications where both have one, in `b`'s order (replication
 * order for maps from `valuesByScenario`): the pairs of a paired (common random numbers) comparison.
 */
export function pairByReplication(a: ReadonlyMap<number, number | null>, b: ReadonlyMap<number, number | null>): { a: number[]; b: number[] } {
  const pairedA: number[] = [];
  const pairedB: number[] = [];
  for (const [replication, value] of b) {
    const other = a.get(replication);
    if (value !== null && other !== null && other !== undefined) {
      pairedA.push(other);
      pairedB.push(value);
    }
  }
  return { a: pairedA, b: pairedB };
}

const defined = (values: Iterable<number | null>): number[] => [...values].filter((v): v is number => v !== null);

/** Summary rows: scenarios in experiment order, metrics in record order. `ordered` from `orderRecords`. */
export function summarize(experiment: Experiment, ordered: readonly ReplicationRecord[]): SummaryRow[] {
  const table = valuesByScenario(ordered);
  const rows: SummaryRow[] = [];
  for (const scenario of experiment.scenarios) {
    for (const [metric, byReplication] of table.get(scenario.id) ?? []) {
      const values = defined(byReplication.values());
      if (values.length === 0) {
        rows.push({ scenario: scenario.id, metric, n: 0, mean: null, sd: null, ci95Low: null, ci95High: null, p50: null, p95: null });
        continue;
      }
      const s = summarizeReplications(values, 0.95);
      rows.push({
        scenario: scenario.id,
        metric,
        n: s.n,
        mean: nullable(s.mean),
        sd: nullable(s.standardDeviation),
        ci95Low: nullable(s.lower),
        ci95High: nullable(s.upper),
        p50: nullable(s.p50),
        p95: nullable(s.p95),
      });
    }
  }
  return rows;
}

/** Comparison rows: each non-baseline scenario in order, on the metrics it shares with the baseline. */
export function compare(experiment: Experiment, ordered: readonly ReplicationRecord[]): ComparisonRow[] {
  const table = valuesByScenario(ordered);
  const base = table.get(experiment.baseline) ?? new Map<string, Map<number, number | null>>();
  const rows: ComparisonRow[] = [];
  for (const scenario of experiment.scenarios) {
    if (scenario.id === experiment.baseline) continue;
    for (const [metric, values] of table.get(scenario.id) ?? []) {
      const baseValues = base.get(metric);
      if (baseValues === undefined) continue;
      const { a, b } = pairByReplication(baseValues, values);
      const empty = { baselineMean: null, scenarioMean: null, meanDifference: null, ci95Low: null, ci95High: null, relativeChange: null };
      if (a.length === 0) {
        rows.push({ scenario: scenario.id, baseline: experiment.baseline, metric, n: 0, ...empty });
        continue;
      }
      const d = pairedDifferenceSummary(a, b, 0.95);
      rows.push({
        scenario: scenario.id,
        baseline: experiment.baseline,
        metric,
        n: d.n,
        baselineMean: nullable(d.meanA),
        scenarioMean: nullable(d.meanB),
        meanDifference: nullable(d.meanDifference),
        ci95Low: nullable(d.lower),
        ci95High: nullable(d.upper),
        relativeChange: nullable(d.relativeChange),
      });
    }
  }
  return rows;
}
