/**
 * Transit-time quantiles per route and scenario with confidence intervals: each replication's
 * 10th, 50th and 90th percentile of the transit times it delivered (series.csv
 * `route_transit_h`), averaged over replications with a Student-t 95% interval, in days.
 */
import { averageSeries } from './aggregate.ts';
import { escapeHtml } from './html.ts';
import type { SeriesTable } from './series-table.ts';

/** The quantiles in the table (probabilities recorded in series.csv). */
export const TABLE_QUANTILES = [0.1, 0.5, 0.9] as const;

/** One route in one scenario: per quantile, the mean and its 95% interval (days). */
export interface TransitRow {
  readonly route: string;
  readonly scenario: string;
  readonly quantiles: readonly { readonly p: number; readonly mean: number; readonly low: number; readonly high: number; readonly n: number }[];
}

const HOURS_PER_DAY = 24;

/** The rows, routes in `routes` order then scenarios in `scenarios` order; routes without deliveries are left out. */
export function transitRows(series: SeriesTable, routes: readonly string[], scenarios: readonly string[]): TransitRow[] {
  const points = averageSeries(series, 'route_transit_h');
  const at = new Map(points.map((p) => [`${p.scenario}\u0000${p.key}\u0000${p.x}`, p]));
  return routes.flatMap((route) =>
    scenarios.flatMap((scenario) => {
      const quantiles = TABLE_QUANTILES.flatMap((p) => {
        const q = at.get(`${scenario}\u0000${route}\u0000${p}`);
        return q === undefined ? [] : [{ p, mean: q.mean / HOURS_PER_DAY, low: q.low / HOURS_PER_DAY, high: q.high / HOURS_PER_DAY, n: q.n }];
      });
      return quantiles.length === TABLE_QUANTILES.length ? [{ route, scenario, quantiles }] : [];
    }),
  );
}

/** A mean with its interval as text: `29.0 [28.8, 29.2]` (one decimal: days). */
function withInterval(q: TransitRow['quantiles'][number]): string {
  const f = (v: number): string => v.toFixed(1);
  return q.n < 2 ? f(q.mean) : `${f(q.mean)} <span class="ci">[${f(q.low)}, ${f(q.high)}]</span>`;
}

/** The HTML table (route cells span their scenarios' rows). */
export function transitTableHtml(rows: readonly TransitRow[]): string {
  if (rows.length === 0) return '<p>No route delivered containers: no transit times.</p>';
  const head = ['route', 'scenario', ...TABLE_QUANTILES.map((p) => `p${Math.round(p * 100)} (days)`)];
  const body = rows.map((r, i) => {
    const span = rows.filter((o) => o.route === r.route).length;
    const first = i === 0 || rows[i - 1]?.route !== r.route;
    const route = first ? `<th scope="rowgroup" rowspan="${span}">${escapeHtml(r.route)}</th>` : '';
    return `<tr>${route}<td class="scenario">${escapeHtml(r.scenario)}</td>${r.quantiles.map((q) => `<td class="num">${withInterval(q)}</td>`).join('')}</tr>`;
  });
  return '<p class="reading">Each replication\'s 10th, 50th and 90th percentile of the transit times it delivered, averaged over replications, with the 95% confidence interval in brackets (days).</p>' +
    `<table class="transit"><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}
