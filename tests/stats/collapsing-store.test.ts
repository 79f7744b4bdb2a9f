import { describe, expect, it } from 'vitest';
import { CollapsingLowestStore } from '../../src/stats/collapsing-store.ts';

describe('CollapsingLowestStore', () => {
  it('collapses the lowest keys when the span exceeds the cap (hand case, cap 4)', () => {
    // Keys 0,1,2,3 fit exactly. Key 5 needs span 0..5 = 6 > 4, so the kept range becomes 2..5
    // and keys 0 and 1 move into key 2: counts {2: 3, 3: 1, 5: 1}. A later key −10 also lands
    // in key 2. Cumulative counts: rank 1–4 → key 2, rank 5 → key 3, rank 6 → key 5.
    const s = new CollapsingLowestStore(4);
    for (const key of [0, 1, 2, 3]) s.add(key);
    expect(s.isCollapsed).toBe(false);
    expect(s.span).toBe(4);
    s.add(5);
    s.add(-10);
    expect(s.isCollapsed).toBe(true);
    expect(s.span).toBe(4);
    expect(s.lowestKey).toBe(2);
    expect(s.total).toBe(6);
    expect([1, 4, 5, 6].map((r) => s.keyAtRank(r))).toEqual([2, 2, 3, 5]);
  });

  it('moves the window without collapsing while the span fits', () => {
    const s = new CollapsingLowestStore(2048);
    s.add(0);
    s.add(1500); // outside the initial window centred on 0: re-centre
    s.add(-500, 3); // span −500..1500 = 2001 still fits
    expect(s.isCollapsed).toBe(false);
    expect(s.span).toBe(2001);
    expect([1, 3, 4, 5].map((r) => s.keyAtRank(r))).toEqual([-500, -500, 0, 1500]);
  });

  it('merge equals adding the same keys, including collapse', () => {
    const a = new CollapsingLowestStore(8);
    const b = new CollapsingLowestStore(8);
    const all = new CollapsingLowestStore(8);
    for (const key of [1, 2, 3]) {
      a.add(key);
      all.add(key);
    }
    for (const key of [7, 10, 12]) {
      b.add(key, 2);
      all.add(key, 2);
    }
    a.merge(b);
    expect(a.total).toBe(all.total);
    expect(a.lowestKey).toBe(all.lowestKey); // 12 − 8 + 1 = 5
    expect(a.lowestKey).toBe(5);
    for (let r = 1; r <= all.total; r++) expect(a.keyAtRank(r)).toBe(all.keyAtRank(r));
    a.reset();
    expect(a.total).toBe(0);
    expect(a.span).toBe(0);
    expect(a.isCollapsed).toBe(false);
  });
});
