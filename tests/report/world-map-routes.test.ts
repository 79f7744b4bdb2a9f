/**
 * Legs that run together are drawn side by side (src/report/world-map/routes.ts): checked on
 * legs along the equator, where the expected shifts are a hand calculation, on and far off the
 * panel, against each leg drawn alone.
 */
import { describe, expect, it } from 'vitest';
import { mercatorFrame, type Frame } from '../../src/report/world-map/frame.ts';
import { legPolylines, type LegTrack, type Pixel } from '../../src/report/world-map/routes.ts';

// A 1,000 px panel over 40° of longitude at the equator: 25 px per degree.
const frame = mercatorFrame({ west: 0, east: 40, south: -10, north: 10 }, 1000);
const along = (from: number, to: number, lat = 0): { lon: number; lat: number }[] => [
  { lon: from, lat },
  { lon: to, lat },
];

/** The polyline's y at the point nearest `x`. */
function yNear(line: readonly Pixel[], x: number): number {
  return line.reduce((best, p) => (Math.abs(p[0] - x) < Math.abs(best[0] - x) ? p : best))[1];
}

/** How far each leg is shifted at longitude `lon` (pixels, down positive) from where it is drawn alone. */
function shifts(panel: Frame, legs: readonly LegTrack[], lon: number): number[] {
  const [x] = panel.projection([lon, 0]) ?? [0];
  const together = legPolylines(panel, legs);
  return legs.map((leg) => yNear(together.get(leg.id) ?? [], x) - yNear(legPolylines(panel, [leg]).get(leg.id) ?? [], x));
}

describe('legPolylines', () => {
  it('shifts two legs on one path in one direction apart by their half widths and the gap', () => {
    // Band 4 + 1 (gap) + 6 = 11 px centred on the path: the first's centre 2 - 5.5 = -3.5 px
    // from the middle, the second's 4 + 1 + 3 - 5.5 = +2.5 px; the first ends up right of the
    // direction of travel (south of an eastbound pair, y down).
    const [a, b] = shifts(frame, [
      { id: 'a', path: along(5, 35), width: 4 },
      { id: 'b', path: along(5, 35), width: 6 },
    ], 20);
    expect(a).toBeCloseTo(3.5, 6);
    expect(b).toBeCloseTo(-2.5, 6);
  });

  it('leaves legs in opposite directions, and legs farther apart than their widths, where they are', () => {
    const moved = shifts(frame, [
      { id: 'east', path: along(5, 35), width: 4 },
      { id: 'west', path: along(35, 5), width: 4 },
      // 1° north: about 25 px away, beyond 4 / 2 + 4 / 2 + the gap and a pixel.
      { id: 'apart', path: along(5, 35, 1), width: 4 },
    ], 20);
    expect(moved).toEqual([0, 0, 0]);
  });

  it('finds legs running together far outside the panel too, where the search grid clamps its cells', () => {
    // 250 px per degree: 90-110° E lies 22,500-27,500 px east of the panel, beyond the search
    // grid's 2,048 cells of 6 px (12,288 px), where every point falls in the border cells.
    const small = mercatorFrame({ west: 0, east: 4, south: -1, north: 1 }, 1000);
    expect(small.projection([90, 0])?.[0]).toBeGreaterThan(2048 * 6);
    const [a, b] = shifts(small, [
      { id: 'a', path: along(90, 110), width: 4 },
      { id: 'b', path: along(90, 110), width: 4 },
    ], 100);
    expect(a).toBeCloseTo(2.5, 6);
    expect(b).toBeCloseTo(-2.5, 6);
  });
});
