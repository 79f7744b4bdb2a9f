/**
 * Disruptions at model level: a dated window becomes hours from the model's startDate, `yearly`
 * repeats it every 8760 h (also from a window dated before the start), a place's closedShare is
 * exactly the closed hours inside the measured period over the horizon (warm-up excluded,
 * overlapping closures counted once), and `reduced` and `repair` combine as the product of the
 * active factors and the sum of the active units. Expected numbers are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadModelText } from '../../../src/corridor/load-model.ts';
import { runReplication } from '../../../src/corridor/runtime/run-replication.ts';
import { model, rail, route } from '../fixtures-compiled.ts';
import { runLogged, term, windowed } from './kit.ts';

// Three terminals with dated closures; no demand (closures run without traffic).
const TEXT = `
model: windows
title: Dated windows
startDate: 2025-01-01
nodes:
  a:
    kind: terminal
    name: A
    handling: { servers: 1, time: { dist: deterministic, value: 1, unit: hours } }
    disruptions: [{ effect: closed, window: { from: "2025-03-01", to: "2025-03-04" } }]
  b:
    kind: terminal
    name: B
    handling: { servers: 1, time: { dist: deterministic, value: 1, unit: hours } }
    disruptions: [{ effect: closed, window: { from: "2025-03-01", to: "2025-03-04", yearly: true } }]
  c:
    kind: terminal
    name: C
    handling: { servers: 1, time: { dist: deterministic, value: 1, unit: hours } }
    disruptions: [{ effect: closed, scope: waterside, window: { from: "2024-03-01", to: "2024-03-04", yearly: true } }]
legs:
  ab: { kind: sea, name: A to B, from: a, to: b, vessel: { capacityFeu: 10 }, sailingsPerWeek: 1, transit: { dist: deterministic, value: 1, unit: days } }
routes:
  r: { name: R, mode: other, stages: [a, ab, b] }
`;
const windows = loadModelText(TEXT, 'windows.yaml');
const closedShares = (warmupHours: number, horizonHours: number) =>
  Object.fromEntries(runReplication(windows, { seed: 1, warmupHours, horizonHours }).stages.map((s) => [s.id, s.closedShare]));

describe('dated windows', () => {
  it('converts dates to hours from startDate', () => {
    // 2025-03-01 is 31 + 28 = 59 days after 2025-01-01: 1416 h; 2025-03-04 is 62 days: 1488 h.
    // 2024-03-01 is 306 days before 2025-01-01 (2024 is a leap year): -7344 h, to -7272 h.
    expect(windows.nodes.get('a')?.disruptions[0]?.timing).toEqual({ kind: 'window', start: 1416, end: 1488, repeatEvery: undefined });
    expect(windows.nodes.get('b')?.disruptions[0]?.timing).toEqual({ kind: 'window', start: 1416, end: 1488, repeatEvery: 8760 });
    expect(windows.nodes.get('c')?.disruptions[0]?.timing).toEqual({ kind: 'window', start: -7344, end: -7272, repeatEvery: 8760 });
    expect(windows.nodes.get('c')?.disruptions[0]?.scope).toBe('waterside');
  });

  it('gives a closed share of exactly window length / horizon', () => {
    // 72 h closed in a 2000 h horizon: 0.036 at a, b and c (c's 2024 window repeats 8760 h later,
    // at 1416 h: 2024-03-01 to 2025-03-01 is 365 days).
    expect(closedShares(0, 2000)).toEqual({ a: 0.036, b: 0.036, c: 0.036, ab: 0 });
    // With a 1440 h warm-up the window [1416, 1488) has 48 h in the measured 560 h.
    expect(closedShares(1440, 560).a).toBe(48 / 560);
  });

  it('repeats a yearly window every 8760 h', () => {
    // Three years: windows at 1416, 10176 and 18936 h, 72 h each: 216 h. a's does not repeat.
    const shares = closedShares(0, 3 * 8760);
    expect(shares.b).toBe(216 / (3 * 8760));
    expect(shares.c).toBe(216 / (3 * 8760));
    expect(shares.a).toBe(72 / (3 * 8760));
  });
});

describe('overlapping disruptions', () => {
  // a (20 servers, 1 h per box) -- a 10-FEU train --> b. 200 boxes at 0 keep a saturated.
  const corridor = (disruptions: ReturnType<typeof windowed>[]) =>
    model([term('a', 20, 1, { disruptions }), term('b', 100, 0)], [rail('l', 'a', 'b', 10, 1)], [route('r', ['a', 'l', 'b'], new Set(['l']))]);
  const leftBy = (rows: number[][], t: number) => rows.filter((r) => (r[3] as number) <= t).length;
  const lot = [{ time: 0, route: 'r', lot: 200 }];

  it('multiplies reduced factors and adds repair units', () => {
    // All active in [0, 10): floor(20 x 0.5 x 0.8) - (1 + 2) = 5 servers: 5 boxes an hour, 50
    // by t=10. (The smallest factor alone would leave 7; adding factors or taking the largest
    // repair would give other counts.)
    const d = [windowed('reduced', 0, 10, { factor: 0.5 }), windowed('reduced', 0, 10, { factor: 0.8 }), windowed('repair', 0, 10, { units: 1 }), windowed('repair', 0, 10, { units: 2 })];
    expect(leftBy(runLogged(corridor(d), lot, 100).at('a'), 10)).toBe(50);
  });

  it('recomputes the servers as each disruption starts and ends', () => {
    // reduced 0.5 in [0, 10), repair 2 in [5, 15): 10 servers in [0, 5), floor(10) - 2 = 8 in
    // [5, 10), 20 - 2 = 18 in [10, 15), 20 after. Boxes left by 5: 5 x 10 = 50; by 10: + 5 x 8
    // = 90; by 15: + 5 x 18 = 180; the last 20 are handled 15-16.
    const d = [windowed('reduced', 0, 10, { factor: 0.5 }), windowed('repair', 5, 15, { units: 2 })];
    const rows = runLogged(corridor(d), lot, 100).at('a');
    expect([5, 10, 15, 16].map((t) => leftBy(rows, t))).toEqual([50, 90, 180, 200]);
  });

  it('counts overlapping closures of one place once', () => {
    // Closed [10, 30) and [20, 40): shut 10-40, 30 h of 100.
    const run = runLogged(corridor([windowed('closed', 10, 30), windowed('closed', 20, 40)]), [], 100);
    expect(run.stage('a').closedShare).toBe(0.3);
  });
});
