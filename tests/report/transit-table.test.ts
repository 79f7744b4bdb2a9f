/** The transit quantile table: per-replication quantiles averaged with a t interval, in days. */
import { describe, expect, it } from 'vitest';
import { type SeriesPoint, SeriesTable } from '../../src/report/series-table.ts';
import { transitRows, transitTableHtml } from '../../src/report/transit-table.ts';

const point = (replication: number, x: number, hours: number): SeriesPoint => ({ scenario: 's', replication, series: 'route_transit_h', key: 'r', x, value: hours });

describe('transit table', () => {
  it('averages each quantile over replications, in days, with the Student-t interval (2 replications: t(0.975, 1) = 12.706)', () => {
    // p50 of 48 h and 72 h: mean 60 h = 2.5 d; sd = 16.97 h, half-width 12.706 x 16.97 / sqrt 2 = 152.5 h = 6.35 d.
    const series = SeriesTable.fromPoints([0.1, 0.5, 0.9].flatMap((x) => [point(0, x, 48), point(1, x, 72)]));
    const [row] = transitRows(series, ['r', 'missing'], ['s']);
    expect(row?.quantiles.map((q) => q.p)).toEqual([0.1, 0.5, 0.9]);
    expect(row?.quantiles[1]?.mean).toBeCloseTo(2.5, 12);
    expect(row?.quantiles[1]?.high).toBeCloseTo(2.5 + (12.7062 * Math.sqrt(288)) / Math.sqrt(2) / 24, 2);
    expect(transitRows(series, ['r', 'missing'], ['s'])).toHaveLength(1);
    expect(transitTableHtml([row!])).toContain('<th scope="rowgroup" rowspan="1">r</th><td class="scenario">s</td><td class="num">2.5 <span class="ci">');
  });
});
