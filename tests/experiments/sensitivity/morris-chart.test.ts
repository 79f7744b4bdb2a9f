/** The Morris μ*–σ chart renders a point and a label per factor and output. */
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../../src/report/render.ts';
import { morrisSpec } from '../../../src/report/sensitivity-specs.ts';

describe('morrisSpec', () => {
  it('draws one point per factor in each output panel', async () => {
    const marks = ['fleet', 'storms', 'khorgos'].flatMap((factor, i) =>
      ['a.feu_per_week', 'b.transit_mean_h'].map((output) => ({ output, factor, muStar: 10 * (i + 1), sigma: 3 * i, ci95Low: 8 * (i + 1), ci95High: 12 * (i + 1) })),
    );
    const svg = await renderSvg(morrisSpec(marks, ['a.feu_per_week', 'b.transit_mean_h']));
    expect(svg.match(/aria-roledescription="point"/g)?.length).toBe(6);
    expect(svg).toContain('khorgos');
    expect(svg).toContain('b.transit_mean_h');
  });
});
