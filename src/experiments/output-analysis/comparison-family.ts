/**
 * Comparisons of many scenarios, beside comparison.csv (each scenario against the baseline, one
 * pair at a time): for runs with at least 3 scenarios,
 *
 * - `pairs.csv`: every pair of scenarios on every metric, paired by replication (common random
 *   numbers), with Bonferroni simultaneous 95% intervals and Holm step-down decisions at
 *   family-wise level 0.05 (`allPairwiseComparisons` in src/stats/comparisons.ts). The family is
 *   the k(k−1)/2 pairs of ONE metric: the error rate is controlled per metric, not across metrics.
 * - `best.csv`: multiple comparisons with the best (Hsu's MCB with CRN, `multipleComparisonsWithBest`)
 *   on the metrics with a direction (see `metricDirection`): which scenarios could be the best, at
 *   a simultaneous confidence of 0.95.
 *
 * Replications used: those where EVERY scenario has a value of the metric (the family must be
 * computed on common replications); a metric with fewer than 2 such replications is left out.
 * Order: metrics in first-appearance order (scenarios in experiment order, then record order),
 * pairs (a, b) with a before b in the experiment's scenario order, `best` scenarios in
 * experiment order. A function of the set of records only, so the bytes do not depend on the
 * worker count or completion order.
 */
import { csvLines, csvText } from '../../output/csv.ts';
import { allPairwiseComparisons, multipleComparisonsWithBest, type Better, type ScenarioValues } from '../../stats/comparisons.ts';
import { valuesByScenario } from '../assemble.ts';
import type { Experiment } from '../define-experiment.ts';
import type { ReplicationRecord } from '../journal.ts';
import { canonicalValue } from '../metrics.ts';

/** Family-wise confidence of pairs.csv and simultaneous confidence of best.csv. */
export const FAMILY_CONFIDENCE = 0.95;

/** Fewest scenarios for which pairs.csv and best.csv are written (with 2, comparison.csv says it all). */
export const MIN_FAMILY_SCENARIOS = 3;

/** Columns of pairs.csv (README data dictionary). Differences are b − a, in the metric's unit. */
export const PAIRS_COLUMNS = [
  'metric', 'scenario_a', 'scenario_b', 'n', 'mean_a', 'mean_b', 'mean_difference',
  'bonferroni_low', 'bonferroni_high', 'per_pair_confidence', 'p_value', 'holm_p_value', 'holm_significant',
] as const;

/** Columns of best.csv (README data dictionary). Advantage and bounds in the metric's unit, oriented so > 0 is better. */
export const BEST_COLUMNS = ['metric', 'better', 'scenario', 'n', 'mean', 'advantage', 'mcb_low', 'mcb_high', 'could_be_best', 'is_best', 'confidence'] as const;

/**
 * Which direction is better on a metric, by its name (the rule, in order):
 * - `larger`: names ending in `feu_per_week` (throughput, including assigned volumes) or
 *   `delivered_feu`;
 * - `smaller`: names ending in `_h` (transit, wait and phase hours), containing `queue` or
 *   `backlog` or `in_system`, or containing `cost`;
 * - none (null) otherwise: utilization, shares, `entered_feu`, `binding_warning`, ... (no
 *   best.csv rows; they still get pairs.csv rows).
 */
export function metricDirection(metric: string): Better | null {
  if (/(feu_per_week|delivered_feu)$/.test(metric)) return 'larger';
  if (/_h$/.test(metric) || /queue|backlog|in_system|cost/.test(metric)) return 'smaller';
  return null;
}

/** The per-replication values of every scenario on `metric`, restricted to the replications where all have one. */
function commonValues(experiment: Experiment, table: ReturnType<typeof valuesByScenario>, metric: string): ScenarioValues[] | null {
  const maps = experiment.scenarios.map((s) => table.get(s.id)?.get(metric));
  if (maps.some((m) => m === undefined)) return null;
  const first = maps[0] as ReadonlyMap<number, number | null>;
  const replications = [...first.keys()].sort((a, b) => a - b).filter((r) => maps.every((m) => typeof m?.get(r) === 'number'));
  if (replications.length < 2) return null;
  return experiment.scenarios.map((s, i) => ({ name: s.id, values: replications.map((r) => maps[i]?.get(r) as number) }));
}

/** The CSV rows of pairs.csv and best.csv; empty for fewer than `MIN_FAMILY_SCENARIOS` scenarios. */
export function comparisonFamilyRows(experiment: Experiment, ordered: readonly ReplicationRecord[]): { pairs: (string | number | null)[][]; best: (string | number | null)[][] } {
  const pairs: (string | number | null)[][] = [];
  const best: (string | number | null)[][] = [];
  if (experiment.scenarios.length < MIN_FAMILY_SCENARIOS) return { pairs, best };
  const table = valuesByScenario(ordered);
  const metrics: string[] = [];
  const seen = new Set<string>();
  for (const s of experiment.scenarios) {
    for (const metric of table.get(s.id)?.keys() ?? []) {
      if (!seen.has(metric)) {
        seen.add(metric);
        metrics.push(metric);
      }
    }
  }
  const c = canonicalValue;
  for (const metric of metrics) {
    const values = commonValues(experiment, table, metric);
    if (values === null) continue;
    const means = new Map(values.map((v) => [v.name, v.values.reduce((s, x) => s + x, 0) / v.values.length]));
    const all = allPairwiseComparisons(values, FAMILY_CONFIDENCE);
    for (const p of all.comparisons) {
      pairs.push([
        metric, p.a, p.b, all.n, c(means.get(p.a) ?? NaN), c(means.get(p.b) ?? NaN), c(p.meanDifference),
        c(p.bonferroniLower), c(p.bonferroniUpper), c(all.perPairConfidence), c(p.pValue), c(p.holmPValue), p.holmSignificant ? 1 : 0,
      ]);
    }
    const better = metricDirection(metric);
    if (better === null) continue;
    const mcb = multipleComparisonsWithBest(values, better, FAMILY_CONFIDENCE);
    const subset = new Set(mcb.subset);
    for (const s of mcb.scenarios) {
      const could = subset.has(s.name);
      best.push([
        metric, better, s.name, mcb.n, c(s.mean), c(s.advantage), c(s.lower), c(s.upper), could ? 1 : 0, could && subset.size === 1 ? 1 : 0, FAMILY_CONFIDENCE,
      ]);
    }
  }
  return { pairs, best };
}

/** pairs.csv and best.csv texts (with their row counts), or none for fewer than 3 scenarios. */
export function comparisonFamilyTexts(
  experiment: Experiment,
  ordered: readonly ReplicationRecord[],
): [{ file: 'pairs.csv'; pieces: () => Iterable<string>; rows: number }, { file: 'best.csv'; text: string; rows: number }] | [] {
  if (experiment.scenarios.length < MIN_FAMILY_SCENARIOS) return [];
  const { pairs, best } = comparisonFamilyRows(experiment, ordered);
  // pairs.csv grows with the square of the scenarios (a sweep of 100 has 4,950 pairs): written line by line.
  return [
    { file: 'pairs.csv', pieces: () => csvLines(PAIRS_COLUMNS, pairs), rows: pairs.length },
    { file: 'best.csv', text: csvText(BEST_COLUMNS, best), rows: best.length },
  ];
}
