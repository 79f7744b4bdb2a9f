/**
 * Comparisons of many scenarios run with common random numbers (CRN): replication r of every
 * scenario uses the same seeds, so differences are taken replication by replication (paired-t,
 * Law, Simulation Modeling and Analysis, 5th ed., §10.2.1), which removes the variance the
 * scenarios share.
 *
 * Two questions, two procedures:
 *
 * 1. "Which pairs differ?" — `allPairwiseComparisons`: every pair's paired-t difference with
 *    - Bonferroni-adjusted intervals (each at level 1 − α/m, m = k(k−1)/2 pairs), which hold
 *      SIMULTANEOUSLY with probability ≥ 1 − α under any dependence between pairs (Bonferroni
 *      inequality; Law §10.3). Tukey's studentized range would be tighter but assumes equal,
 *      independent variances, which CRN breaks.
 *    - Holm's step-down decisions (S. Holm, "A simple sequentially rejective multiple test
 *      procedure", Scand. J. Statistics 6, 1979) on the paired-t p-values: the same family-wise
 *      error bound ≤ α, uniformly more powerful than Bonferroni's, but with no simple
 *      simultaneous intervals. So the DECISION column is Holm's and the INTERVAL is Bonferroni's;
 *      every pair whose Bonferroni interval excludes 0 is also a Holm rejection, and a few more
 *      pairs may be Holm rejections whose Bonferroni interval still touches 0.
 *
 * 2. "Which scenarios could be the best on this metric?" — `multipleComparisonsWithBest`: Hsu's
 *    constrained multiple comparisons with the best (MCB; J. C. Hsu, "Simultaneous confidence
 *    intervals for all distances from the best", Annals of Statistics 9, 1981; Hsu, Multiple
 *    Comparisons, 1996, ch. 4) with paired differences and a Bonferroni critical value over the
 *    k − 1 comparisons with the best, as B. L. Nelson & F. J. Matejcik ("Using common random
 *    numbers for indifference-zone selection and multiple comparisons in simulation", Management
 *    Science 41, 1995) and S.-H. Kim & B. L. Nelson (Handbooks in OR & MS 13, 2006, §4) do for
 *    CRN. Chosen over Gupta's subset selection because it answers more: the scenarios whose
 *    upper bound is > 0 ARE the Gupta-type subset (paired-t screening, Nelson, Swann, Goldsman
 *    & Song, Operations Research 49, 2001), and the intervals also say by how much each one
 *    may trail or lead the best of the others.
 *
 * Units: differences are in the metric's unit (e.g. hours of transit time).
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { DEFAULT_CONFIDENCE } from './replications.ts';
import { studentTCdf, studentTQuantile } from './student-t.ts';

/** Per-replication values of one scenario on one metric; index r = replication r (same seeds in every scenario). */
export interface ScenarioValues {
  /** Scenario name, e.g. `baseline` or `caspian-ferry-x2`. */
  readonly name: string;
  /** Value of each replication, in the metric's unit, in replication order. */
  readonly values: readonly number[];
}

/** One pair of the all-pairs comparison: B − A where A precedes B in the input order. */
export interface PairwiseComparison {
  /** Name of scenario A (the earlier one in the input). */
  readonly a: string;
  /** Name of scenario B. */
  readonly b: string;
  /** Mean of the paired differences B − A (metric unit). */
  readonly meanDifference: number;
  /** Sample standard deviation of B − A over replications (metric unit). */
  readonly standardDeviation: number;
  /** Paired-t statistic meanDifference / (sd / √n); ±Infinity or NaN when sd = 0. */
  readonly tStatistic: number;
  /** Two-sided unadjusted p-value of the paired-t test of equal means. */
  readonly pValue: number;
  /** Holm-adjusted p-value (≤ 1): the smallest family-wise level at which Holm rejects this pair. */
  readonly holmPValue: number;
  /** Holm decision at the family level α = 1 − confidence: the means differ. */
  readonly holmSignificant: boolean;
  /** Half-width of the unadjusted paired-t interval at the family's confidence (metric unit). */
  readonly halfWidth: number;
  /** Half-width of the Bonferroni interval, t_{1−α/(2m), n−1}·sd/√n (metric unit). */
  readonly bonferroniHalfWidth: number;
  /** meanDifference − bonferroniHalfWidth. */
  readonly bonferroniLower: number;
  /** meanDifference + bonferroniHalfWidth. */
  readonly bonferroniUpper: number;
  /** True when the Bonferroni interval excludes 0 (implies holmSignificant). */
  readonly bonferroniSignificant: boolean;
}

/** The all-pairs comparison of k scenarios on one metric. */
export interface AllPairwiseComparisons {
  /** Replications per scenario. */
  readonly n: number;
  /** Number of scenarios k. */
  readonly scenarios: number;
  /** Number of pairs m = k(k−1)/2. */
  readonly pairs: number;
  /** Family-wise (simultaneous) confidence 1 − α, e.g. 0.95. */
  readonly confidence: number;
  /** Per-interval confidence of the Bonferroni intervals, 1 − α/m. */
  readonly perPairConfidence: number;
  /** Pairs in input order: (0,1), (0,2), …, (1,2), …. */
  readonly comparisons: readonly PairwiseComparison[];
  /** Method statement for the CSV/report. */
  readonly method: string;
}

/**
 * All k(k−1)/2 paired-t comparisons with Bonferroni simultaneous intervals and Holm decisions
 * (see the module comment). O(k²·n).
 * @param scenarios at least 2, all with the same number n ≥ 2 of finite values.
 * @param confidence family-wise confidence 1 − α in (0, 1); default 0.95.
 * @throws RangeError on fewer than 2 scenarios, unequal or too few replications, non-finite
 *   values, or a bad confidence.
 */
export function allPairwiseComparisons(
  scenarios: readonly ScenarioValues[],
  confidence = DEFAULT_CONFIDENCE,
): AllPairwiseComparisons {
  const n = checkScenarios('allPairwiseComparisons', scenarios, confidence);
  const k = scenarios.length;
  const m = (k * (k - 1)) / 2;
  const alpha = 1 - confidence;
  const df = n - 1;
  const tFamily = studentTQuantile(1 - alpha / 2, df);
  const tBonferroni = studentTQuantile(1 - alpha / (2 * m), df);

  const raw: Omit<PairwiseComparison, 'holmPValue' | 'holmSignificant'>[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const a = scenarios[i] as ScenarioValues;
      const b = scenarios[j] as ScenarioValues;
      const d = b.values.map((x, r) => x - (a.values[r] ?? NaN));
      const meanDifference = mean(d);
      const sd = sampleStandardDeviation(d);
      const se = sd / Math.sqrt(n);
      const tStatistic = meanDifference / se;
      // sd = 0: identical differences. A non-zero mean is then certain (p = 0), a zero mean is
      // no evidence at all (p = 1).
      const pValue = se === 0 ? (meanDifference === 0 ? 1 : 0) : 2 * studentTCdf(-Math.abs(tStatistic), df);
      const bonferroniHalfWidth = tBonferroni * se;
      const bonferroniLower = meanDifference - bonferroniHalfWidth;
      const bonferroniUpper = meanDifference + bonferroniHalfWidth;
      raw.push({
        a: a.name,
        b: b.name,
        meanDifference,
        standardDeviation: sd,
        tStatistic,
        pValue,
        halfWidth: tFamily * se,
        bonferroniHalfWidth,
        bonferroniLower,
        bonferroniUpper,
        bonferroniSignificant: bonferroniLower > 0 || bonferroniUpper < 0,
      });
    }
  }
  const holm = holmAdjust(raw.map((c) => c.pValue));
  const comparisons = raw.map((c, i) => {
    const holmPValue = holm[i] ?? NaN;
    return { ...c, holmPValue, holmSignificant: holmPValue <= alpha };
  });
  return {
    n,
    scenarios: k,
    pairs: m,
    confidence,
    perPairConfidence: 1 - alpha / m,
    comparisons,
    method:
      `paired-t on common random numbers; Bonferroni simultaneous intervals (each at ${fmt(1 - alpha / m)}) ` +
      `over ${m} pairs; decisions by Holm (1979) at family-wise level ${fmt(alpha)}`,
  };
}

/**
 * Holm's step-down adjusted p-values: sort ascending p_(1) ≤ … ≤ p_(m); adjusted
 * p̃_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)); reject where p̃ ≤ α. Returned in input order.
 * Controls the family-wise error at α under any dependence (Holm 1979). O(m log m).
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p || x.i - y.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** Direction of "better" on a metric: throughput is `larger`, transit time and cost are `smaller`. */
export type Better = 'larger' | 'smaller';

/** One scenario's MCB interval, expressed as its ADVANTAGE over the best of the others. */
export interface BestComparison {
  /** Scenario name. */
  readonly name: string;
  /** Sample mean (metric unit). */
  readonly mean: number;
  /**
   * Point estimate of the advantage: mean − max of the others' means (`larger`), or
   * min of the others' means − mean (`smaller`); positive = better than every other (metric unit).
   */
  readonly advantage: number;
  /** Lower MCB bound on the true advantage, ≤ 0 (metric unit). */
  readonly lower: number;
  /** Upper MCB bound on the true advantage, ≥ 0 (metric unit). */
  readonly upper: number;
  /** upper > 0: this scenario could be the best (it is in the selected subset). */
  readonly couldBeBest: boolean;
  /** Every other scenario's upper bound is 0: this one is the best at the stated confidence. */
  readonly isBest: boolean;
}

/** Multiple comparisons with the best on one metric. */
export interface MultipleComparisonsWithBest {
  /** Replications per scenario. */
  readonly n: number;
  /** Which direction is better. */
  readonly better: Better;
  /** Simultaneous confidence 1 − α of all intervals (and of "the best is in the subset"). */
  readonly confidence: number;
  /** Bonferroni one-sided critical value t_{1−α/(k−1), n−1}. */
  readonly criticalValue: number;
  /** Per-scenario results, in input order. */
  readonly scenarios: readonly BestComparison[];
  /** Names of the scenarios that could be the best (never empty), in input order. */
  readonly subset: readonly string[];
  /** Method statement for the CSV/report. */
  readonly method: string;
}

/**
 * Hsu's constrained MCB with paired differences and Bonferroni over k − 1 comparisons (see the
 * module comment). With Y the values oriented so larger is better (negated for `smaller`),
 * w_ij = t_{1−α/(k−1), n−1} · S_ij / √n, S_ij the sample sd of Y_i − Y_j over replications:
 *
 *   lower_i = min(0, min_{j≠i} (Ȳ_i − Ȳ_j − w_ij)),  upper_i = max(0, min_{j≠i} (Ȳ_i − Ȳ_j + w_ij))
 *
 * bound the advantage μ_i − max_{j≠i} μ_j simultaneously for all i with probability ≥ 1 − α
 * (Hsu 1996, §4.1; the proof needs only the k − 1 one-sided events comparing the true best with
 * each other scenario, hence Bonferroni over k − 1, valid under CRN's arbitrary correlation).
 * Consequence: P(a truly best scenario is in `subset`) ≥ 1 − α, ties included.
 * O(k²·n).
 * @param scenarios at least 2, all with the same number n ≥ 2 of finite values.
 * @param better whether larger or smaller values are better.
 * @param confidence 1 − α in (0, 1); default 0.95.
 * @throws RangeError as `allPairwiseComparisons`.
 */
export function multipleComparisonsWithBest(
  scenarios: readonly ScenarioValues[],
  better: Better,
  confidence = DEFAULT_CONFIDENCE,
): MultipleComparisonsWithBest {
  const n = checkScenarios('multipleComparisonsWithBest', scenarios, confidence);
  const k = scenarios.length;
  const alpha = 1 - confidence;
  const sign = better === 'larger' ? 1 : -1;
  const criticalValue = studentTQuantile(1 - alpha / (k - 1), n - 1);
  const means = scenarios.map((s) => mean(s.values));

  const lowerRaw: number[] = [];
  const upperRaw: number[] = [];
  const advantage: number[] = [];
  for (let i = 0; i < k; i++) {
    let lo = Infinity;
    let up = Infinity;
    let adv = Infinity;
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      const yi = (scenarios[i] as ScenarioValues).values;
      const yj = (scenarios[j] as ScenarioValues).values;
      const d = yi.map((x, r) => sign * (x - (yj[r] ?? NaN)));
      const w = (criticalValue * sampleStandardDeviation(d)) / Math.sqrt(n);
      const diff = sign * ((means[i] ?? NaN) - (means[j] ?? NaN));
      lo = Math.min(lo, diff - w);
      up = Math.min(up, diff + w);
      adv = Math.min(adv, diff);
    }
    lowerRaw.push(lo);
    upperRaw.push(up);
    advantage.push(adv);
  }
  const results: BestComparison[] = scenarios.map((s, i) => {
    const upper = Math.max(0, upperRaw[i] ?? NaN);
    return {
      name: s.name,
      mean: means[i] ?? NaN,
      advantage: advantage[i] ?? NaN,
      lower: Math.min(0, lowerRaw[i] ?? NaN),
      upper,
      couldBeBest: upper > 0,
      isBest: false,
    };
  });
  const subset = results.filter((r) => r.couldBeBest).map((r) => r.name);
  const withBest = results.map((r) => ({ ...r, isBest: r.couldBeBest && subset.length === 1 }));
  return {
    n,
    better,
    confidence,
    criticalValue,
    scenarios: withBest,
    // Cannot be empty: the scenario with the best sample mean has min_j(Ȳ_i − Ȳ_j) ≥ 0, and
    // w > 0 unless every difference is constant (then its upper stays ≥ 0; see the fallback).
    subset: subset.length > 0 ? subset : bestSampleMeans(results),
    method:
      `MCB (Hsu 1981) with paired differences on common random numbers, Bonferroni over ${k - 1} ` +
      `comparisons (Nelson & Matejcik 1995), simultaneous confidence ${fmt(confidence)}, ${better} is better`,
  };
}

/** Degenerate case (every paired difference constant, so w = 0): the scenarios tied for the best mean. */
function bestSampleMeans(results: readonly BestComparison[]): string[] {
  const top = Math.max(...results.map((r) => r.advantage));
  return results.filter((r) => r.advantage === top).map((r) => r.name);
}

function checkScenarios(caller: string, scenarios: readonly ScenarioValues[], confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`${caller}: confidence must be in (0, 1), got ${confidence}`);
  if (scenarios.length < 2) throw new RangeError(`${caller}: needs at least 2 scenarios, got ${scenarios.length}`);
  const n = scenarios[0]?.values.length ?? 0;
  if (n < 2) throw new RangeError(`${caller}: needs at least 2 replications per scenario, got ${n}`);
  const names = new Set<string>();
  for (const s of scenarios) {
    if (names.has(s.name)) throw new RangeError(`${caller}: scenario ${s.name} appears twice`);
    names.add(s.name);
    if (s.values.length !== n) {
      throw new RangeError(`${caller}: scenario ${s.name} has ${s.values.length} replications, expected ${n} (pairs must match)`);
    }
    for (const v of s.values) if (!Number.isFinite(v)) throw new RangeError(`${caller}: scenario ${s.name} has a non-finite value ${v}`);
  }
  return n;
}

/** A level like 0.95 or 0.996667 for method statements: up to 6 significant digits. */
function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}
