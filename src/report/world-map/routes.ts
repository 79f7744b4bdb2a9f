/**
 * Legs as pixel polylines. A leg runs from its start node through its waypoints to its end node
 * along great circles (sampled every half degree, so a long sea leg curves as on a globe). Legs
 * that share a path (both Suez loops from Malacca to Rotterdam, the two Kazakh lines, the two
 * Caspian crossings) would hide one another, so where two legs run together each is shifted
 * sideways by its share of the bundle's width, as on a metro map; the shift fades out near the
 * ends, so every leg still meets its nodes.
 */
import { geoDistance, geoInterpolate } from 'd3-geo';
import type { Frame, GeoPoint } from './frame.ts';

/** A pixel position [x, y]. */
export type Pixel = readonly [number, number];

/** A leg to draw: its path in degrees and its drawn width in pixels. */
export interface LegTrack {
  readonly id: string;
  /** Start, waypoints, end. */
  readonly path: readonly GeoPoint[];
  /** Stroke width, pixels. */
  readonly width: number;
}

/** Distance between resampled points, pixels. */
const STEP = 2;
/** Half-window of the smoothing of offsets, in samples (about 24 px each side). */
const SMOOTH = 12;
/** Length over which the offset fades in after the start and out before the end, pixels. */
const TAPER = 18;
/** Gap between bundled legs, pixels. */
const GAP = 1;
/** Cells kept apart on each axis by the neighbour search's cell keys (see `cellKey`). */
const CELL_SPAN = 4096;

/**
 * The key of grid cell (cx, cy): an integer below 2^24, so the map's keys need no boxing. Cells
 * beyond +-CELL_SPAN / 2 (points far outside a small panel) are clamped to the border cells:
 * two points in neighbouring cells stay in neighbouring cells, so no candidate is lost, and the
 * distance test drops the extra ones.
 */
function cellKey(cx: number, cy: number): number {
  const half = CELL_SPAN / 2;
  const x = Math.min(half - 1, Math.max(-half, cx)) + half;
  const y = Math.min(half - 1, Math.max(-half, cy)) + half;
  return x * CELL_SPAN + y;
}

/** `path` (degrees) sampled along great circles at most every half degree, projected to pixels. */
function projectPath(frame: Frame, path: readonly GeoPoint[]): Pixel[] {
  const out: Pixel[] = [];
  // The projection without its clip extent: a leg leaving the panel must still be cut by the SVG clip, not broken.
  const project = (lon: number, lat: number): Pixel | undefined => {
    const xy = frame.projection([lon, lat]);
    return xy === null ? undefined : [xy[0], xy[1]];
  };
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i] as GeoPoint;
    const b = path[i + 1] as GeoPoint;
    const degrees = (geoDistance([a.lon, a.lat], [b.lon, b.lat]) * 180) / Math.PI;
    const n = Math.max(1, Math.ceil(degrees / 0.5));
    const along = geoInterpolate([a.lon, a.lat], [b.lon, b.lat]);
    for (let k = i === 0 ? 0 : 1; k <= n; k++) {
      const [lon, lat] = along(k / n);
      const xy = project(lon, lat);
      if (xy !== undefined) out.push(xy);
    }
  }
  return out;
}

/** `line` resampled every STEP pixels along its length (ends kept). */
function resample(line: readonly Pixel[]): Pixel[] {
  if (line.length < 2) return [...line];
  const out: Pixel[] = [line[0] as Pixel];
  let carried = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const [x0, y0] = line[i] as Pixel;
    const [x1, y1] = line[i + 1] as Pixel;
    const length = Math.hypot(x1 - x0, y1 - y0);
    let at = STEP - carried;
    while (at <= length) {
      out.push([x0 + ((x1 - x0) * at) / length, y0 + ((y1 - y0) * at) / length]);
      at += STEP;
    }
    carried = length - (at - STEP);
  }
  const last = line[line.length - 1] as Pixel;
  const end = out[out.length - 1] as Pixel;
  if (Math.hypot(last[0] - end[0], last[1] - end[1]) > 0.01) out.push(last);
  return out;
}

/** Unit tangent of `line` at `i` (central difference). */
function tangent(line: readonly Pixel[], i: number): Pixel {
  const a = line[Math.max(0, i - 1)] as Pixel;
  const b = line[Math.min(line.length - 1, i + 1)] as Pixel;
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  return [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
}

/** Douglas-Peucker simplification to `tolerance` pixels (keeps ends). */
export function simplify(line: readonly Pixel[], tolerance = 0.35): Pixel[] {
  if (line.length <= 2) return [...line];
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [i, j] = stack.pop() as [number, number];
    const [ax, ay] = line[i] as Pixel;
    const [bx, by] = line[j] as Pixel;
    const length = Math.hypot(bx - ax, by - ay) || 1;
    let worst = -1;
    let at = -1;
    for (let k = i + 1; k < j; k++) {
      const [px, py] = line[k] as Pixel;
      const d = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > worst) [worst, at] = [d, k];
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([i, at], [at, j]);
    }
  }
  return line.filter((_, k) => keep[k] === 1);
}

/**
 * Each leg as a pixel polyline in `frame`, bundled legs shifted apart. Legs are taken in the
 * given order: in a bundle the first is on the right of its direction of travel (offsets grow
 * leftward from there).
 */
export function legPolylines(frame: Frame, legs: readonly LegTrack[]): Map<string, Pixel[]> {
  const lines = legs.map((leg) => resample(projectPath(frame, leg.path)));
  // A grid of sample points for the neighbour search. Cells are as wide as the farthest two
  // legs can be and still run together, so the 3 x 3 cells around a point hold every candidate
  // (the small maps' thin legs need far smaller cells); a cell's key is a small integer (see
  // `cellKey`). A string key per cell and a Set per point made this the slowest part of the map.
  const cell = Math.max(1, ...legs.map((leg) => leg.width)) + GAP + 1;
  const grid = new Map<number, { leg: number; i: number }[]>();
  lines.forEach((line, leg) =>
    line.forEach(([x, y], i) => {
      const k = cellKey(Math.floor(x / cell), Math.floor(y / cell));
      const list = grid.get(k);
      if (list === undefined) grid.set(k, [{ leg, i }]);
      else list.push({ leg, i });
    }),
  );
  const tangents = lines.map((line) => line.map((_, i) => tangent(line, i)));
  const out = new Map<string, Pixel[]>();
  // The legs running together at the current point, `a` first (reused from point to point).
  const together: number[] = [];
  lines.forEach((line, a) => {
    const legA = legs[a] as LegTrack;
    const raw = line.map(([x, y], i): number => {
      const [tx, ty] = (tangents[a] as Pixel[])[i] as Pixel;
      // Legs running along here in the same direction, closer than their half widths and a gap.
      together.length = 0;
      together.push(a);
      const cx = Math.floor(x / cell);
      const cy = Math.floor(y / cell);
      for (let gx = -1; gx <= 1; gx++) {
        for (let gy = -1; gy <= 1; gy++) {
          for (const hit of grid.get(cellKey(cx + gx, cy + gy)) ?? []) {
            if (together.includes(hit.leg)) continue;
            const [ux, uy] = (tangents[hit.leg] as Pixel[])[hit.i] as Pixel;
            if (!(ux * tx + uy * ty > 0.7)) continue;
            const [ox, oy] = (lines[hit.leg] as Pixel[])[hit.i] as Pixel;
            const limit = (legA.width + (legs[hit.leg] as LegTrack).width) / 2 + GAP + 1;
            const dx = ox - x;
            const dy = oy - y;
            // Squares first (Math.hypot is slow); hypot decides near the limit, where they may differ in the last digit.
            if (dx * dx + dy * dy > limit * limit * (1 + 1e-9) || Math.hypot(dx, dy) > limit) continue;
            together.push(hit.leg);
          }
        }
      }
      if (together.length === 1) return 0;
      const members = [...together].sort((p, q) => p - q);
      const band = members.reduce((s, m) => s + (legs[m] as LegTrack).width, 0) + GAP * (members.length - 1);
      let before = 0;
      for (const m of members) {
        if (m === a) break;
        before += (legs[m] as LegTrack).width + GAP;
      }
      return before + legA.width / 2 - band / 2;
    });
    // Smooth, so a leg does not jump where a bundle starts or ends, then fade near the ends.
    const total = (line.length - 1) * STEP;
    const shifted = line.map(([x, y], i): Pixel => {
      let sum = 0;
      let n = 0;
      for (let k = Math.max(0, i - SMOOTH); k <= Math.min(line.length - 1, i + SMOOTH); k++) {
        sum += raw[k] ?? 0;
        n++;
      }
      const fade = Math.min(1, (i * STEP) / TAPER, (total - i * STEP) / TAPER);
      const offset = (sum / n) * Math.max(0, fade);
      const [tx, ty] = (tangents[a] as Pixel[])[i] as Pixel;
      // Left of the direction of travel in screen coordinates (y down): normal (ty, -tx).
      return [x + ty * offset, y - tx * offset];
    });
    out.set(legA.id, simplify(shifted));
  });
  return out;
}

/** The point halfway along `line` by length (for a leg's marker and label). */
export function midpoint(line: readonly Pixel[]): Pixel {
  if (line.length === 0) return [0, 0];
  const lengths = line.slice(1).map((p, i) => Math.hypot(p[0] - (line[i] as Pixel)[0], p[1] - (line[i] as Pixel)[1]));
  let half = lengths.reduce((s, l) => s + l, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i] as number;
    if (half <= l && l > 0) {
      const [a, b] = [line[i] as Pixel, line[i + 1] as Pixel];
      return [a[0] + ((b[0] - a[0]) * half) / l, a[1] + ((b[1] - a[1]) * half) / l];
    }
    half -= l;
  }
  return line[line.length - 1] as Pixel;
}
