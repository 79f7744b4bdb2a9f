/**
 * The key metrics a command line shows by default (`run --json`, `compare`): the same selection
 * and order as the report's comparison table (src/report/comparison-table.ts `keyComparisons`):
 * throughput by mode, mean transit by route, network delivered and backlog, and the mean wait at
 * the worst bottlenecks.
 */
import type { ComparisonRow } from '../experiments/assemble.ts';
import { keyComparisons } from '../report/comparison-table.ts';

/** How many bottleneck stages the key metrics include (those with the longest mean wait). */
export const KEY_BOTTLENECKS = 3;

/**
 * The key metrics among `metrics`, in the report's order. `meanWait` gives a stage's mean wait
 * (hours) in the baseline, to pick the worst bottlenecks.
 */
export function keyMetrics(metrics: readonly string[], meanWait: (metric: string) => number | null): string[] {
  const stages = metrics
    .map((m) => /^stage\.([^.]+)\.mean_wait_h$/.exec(m))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: m[1] ?? '', wait: meanWait(m[0]) ?? -Infinity }))
    .sort((a, b) => b.wait - a.wait)
    .slice(0, KEY_BOTTLENECKS)
    .map((s) => s.id);
  // keyComparisons works on comparison rows: one placeholder row per metric gives its selection and order.
  const rows: ComparisonRow[] = metrics.map((metric) => ({
    scenario: 'key', baseline: 'key', metric, n: 1, baselineMean: null, scenarioMean: null, meanDifference: null, ci95Low: null, ci95High: null, relativeChange: null,
  }));
  return keyComparisons(rows, stages).map((r) => r.metric);
}
