/**
 * The scenario comparison table of the report: for the key metrics (throughput by mode, mean
 * transit by route, network delivered and backlog, and the wait at the worst bottlenecks), each
 * scenario against the baseline with the paired 95% confidence interval of the difference, in
 * units a reader thinks in (transit in days rather than hours).
 */
import type { ComparisonRow } from '../experiments/assemble.ts';

/** How a metric is shown: a label, a unit, and the factor from the metric's own unit. */
export interface MetricDisplay {
  readonly label: string;
  readonly unit: string;
  readonly factor: number;
}

/** The label, display unit and conversion of a metric name (see the README's metric table). */
export function describeMetric(metric: string): MetricDisplay {
  const parts = metric.split('.');
  const [scope = '', id = '', name = ''] = parts;
  if (scope === 'network') return { label: `network: ${id.replace(/_feu$/, '').replace(/_/g, ' ')}`, unit: 'FEU', factor: 1 };
  const what: Record<string, MetricDisplay> = {
    transit_mean_h: { label: 'mean transit', unit: 'days', factor: 1 / 24 },
    transit_p50_h: { label: 'median transit', unit: 'days', factor: 1 / 24 },
    transit_p95_h: { label: '95th percentile transit', unit: 'days', factor: 1 / 24 },
    feu_per_week: { label: 'throughput', unit: 'FEU/week', factor: 1 },
    mean_wait_h: { label: 'mean wait', unit: 'hours', factor: 1 },
    mean_queue_feu: { label: 'mean queue', unit: 'FEU', factor: 1 },
    max_queue_feu: { label: 'largest queue', unit: 'FEU', factor: 1 },
    utilization: { label: 'utilization', unit: '%', factor: 100 },
    wait_share: { label: 'share of waiting', unit: '%', factor: 100 },
  };
  const known = what[name] ?? { label: name, unit: '', factor: 1 };
  const owner = scope === 'mode' ? `${id} (mode)` : id;
  return { ...known, label: `${owner}: ${known.label}` };
}

/**
 * The rows of the table: the key metrics present in comparison.csv, by scenario (run order),
 * then metric (modes, routes, network, bottlenecks).
 */
export function keyComparisons(comparison: readonly ComparisonRow[], bottlenecks: readonly string[]): ComparisonRow[] {
  const patterns: RegExp[] = [
    /^mode\.[^.]+\.feu_per_week$/,
    /^route\.[^.]+\.transit_mean_h$/,
    /^network\.(delivered|backlog)_feu$/,
    ...bottlenecks.map((id) => new RegExp(`^stage\\.${id.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\.mean_wait_h$`)),
  ];
  const rank = (metric: string): number => patterns.findIndex((p) => p.test(metric));
  const scenarios = [...new Set(comparison.map((c) => c.scenario))];
  return scenarios.flatMap((scenario) =>
    comparison
      .filter((c) => c.scenario === scenario && rank(c.metric) >= 0 && c.n > 0)
      .map((c, i) => ({ c, i }))
      .sort((a, b) => rank(a.c.metric) - rank(b.c.metric) || a.i - b.i)
      .map(({ c }) => c),
  );
}

/** A number for people: about three significant digits, thousands separated, '–' for missing. */
export function formatNumber(value: number | null, signed = false): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return signed && value > 0 ? `+${text}` : text;
}

/** True if the 95% interval of the difference excludes 0. */
export function significant(row: ComparisonRow): boolean {
  return row.ci95Low !== null && row.ci95High !== null && (row.ci95Low > 0 || row.ci95High < 0);
}
