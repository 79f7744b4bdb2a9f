/**
 * One-at-a-time effects under common random numbers: for each factor, the paired differences by
 * replication (same seed) of its low end minus the baseline, its high end minus the baseline, and
 * high minus low; each with its mean and Student-t 95% interval over the replications where both
 * points have a value.
 */
import { pairedDifferenceSummary } from '../../stats/replications.ts';
import { pairByReplication } from '../assemble.ts';
import type { OatLayout } from './plan.ts';

/** A paired difference over replications (output unit). */
export interface PairedEffect {
  /** Replications with both values. */
  readonly n: number;
  /** Mean difference; null when n = 0. */
  readonly mean: number | null;
  /** Student-t 95% interval of the mean difference; null when n < 2. */
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
}

/** The OAT effects of one factor on one output. */
export interface OatEffect {
  readonly factor: string;
  readonly lowMinusBaseline: PairedEffect;
  readonly highMinusBaseline: PairedEffect;
  readonly highMinusLow: PairedEffect;
}

/** Values of one output in one scenario, by replication index (null: not defined). */
export type ValuesByReplication = ReadonlyMap<number, number | null>;

/** The paired difference b - a over the replications where both have a value. */
export function pairedEffect(a: ValuesByReplication, b: ValuesByReplication): PairedEffect {
  const { a: xs, b: ys } = pairByReplication(a, b);
  if (xs.length === 0) return { n: 0, mean: null, ci95Low: null, ci95High: null };
  const d = pairedDifferenceSummary(xs, ys, 0.95);
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return { n: d.n, mean: d.meanDifference, ci95Low: finite(d.lower), ci95High: finite(d.upper) };
}

/**
 * The OAT effects of each factor, ranked by |high - low| (largest first; undefined last, then
 * declaration order): the rows of a tornado chart.
 */
export function oatEffects(layout: OatLayout, valuesOf: (scenario: string) => ValuesByReplication): OatEffect[] {
  const baseline = valuesOf(layout.baseline);
  const effects = layout.ends.map((e): OatEffect => {
    const low = valuesOf(e.low);
    const high = valuesOf(e.high);
    return { factor: e.factor, lowMinusBaseline: pairedEffect(baseline, low), highMinusBaseline: pairedEffect(baseline, high), highMinusLow: pairedEffect(low, high) };
  });
  const size = (e: OatEffect): number => (e.highMinusLow.mean === null ? -1 : Math.abs(e.highMinusLow.mean));
  return effects.map((e, i) => ({ e, i })).sort((a, b) => size(b.e) - size(a.e) || a.i - b.i).map(({ e }) => e);
}
