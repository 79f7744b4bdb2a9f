/**
 * The rows of study-summary.csv and how a row's value is estimated: an analytic value (demand,
 * assigned flows) has no interval; a simulated value is the mean over replications with its
 * Student-t 95% confidence interval, as in the runner's summary.csv.
 */
import { summarizeReplications } from '../../stats/index.ts';

/** One row of study-summary.csv (long form: one quantity of one item of one scenario). */
export interface StudySummaryRow {
  readonly scenario: string;
  /** demand, equilibrium, cost, route, overland, corridor, stage, bottleneck, unserved, delivered. */
  readonly category: string;
  /** What the quantity is about: a route or stage id, or a label such as `vn-eu`. */
  readonly item: string;
  /** The quantity, its unit in the suffix as in the runner's metrics (`_feu_per_week`, `_d`, `_h`, `_usd_per_feu`; none for a fraction or count). */
  readonly quantity: string;
  readonly value: number;
  /** Student-t 95% interval of a simulated mean; NaN for analytic values or fewer than 2 replications. */
  readonly ci95Low: number;
  readonly ci95High: number;
  /** Replications with a value; NaN for analytic values. */
  readonly n: number;
}

/** An estimate: a value, its 95% interval (NaN if none) and its replication count (NaN if analytic). */
export interface Estimate {
  readonly value: number;
  readonly ci95Low: number;
  readonly ci95High: number;
  readonly n: number;
}

/** An analytic value: exact, no interval. */
export function exact(value: number): Estimate {
  return { value, ci95Low: Number.NaN, ci95High: Number.NaN, n: Number.NaN };
}

/** Mean and Student-t 95% interval over the replications with a value; NaN value if none has one. */
export function overReplications(values: readonly (number | null)[]): Estimate {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (defined.length === 0) return { value: Number.NaN, ci95Low: Number.NaN, ci95High: Number.NaN, n: 0 };
  const s = summarizeReplications(defined, 0.95);
  return { value: s.mean, ci95Low: s.lower, ci95High: s.upper, n: s.n };
}

/** An estimate in another unit (e.g. hours to days: factor 1/24). */
export function scaled(estimate: Estimate, factor: number): Estimate {
  return { ...estimate, value: estimate.value * factor, ci95Low: estimate.ci95Low * factor, ci95High: estimate.ci95High * factor };
}

/** Collects the rows of one scenario. */
export class RowCollector {
  readonly rows: StudySummaryRow[] = [];

  /** @param scenario the scenario id of every row added. */
  constructor(private readonly scenario: string) {}

  /** Add one row. */
  add(category: string, item: string, quantity: string, estimate: Estimate): void {
    this.rows.push({ scenario: this.scenario, category, item, quantity, ...estimate });
  }
}
