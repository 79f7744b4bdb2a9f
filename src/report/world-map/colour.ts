/**
 * Colours of the map. Utilization runs along viridis (perceptually ordered, colour-blind safe,
 * readable in grey-scale), reversed so that a busier stage is darker: 0% is pale yellow, 50%
 * teal, 100% deep purple, and the eye finds the loaded links first on a pale base map. Stages
 * without a capacity to be busy (liner sailings) are grey, which viridis never produces.
 */

/** Viridis at t = 0, 0.125, ..., 1 (matplotlib's values). */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** Colour of a stage without utilization data (no capacity measure). */
export const NO_DATA_COLOUR = '#9b9b9b';

/** Land, sea, borders and text of the base map. */
export const BASE_COLOURS = { sea: '#e4eef6', land: '#efede8', border: '#b9b4aa', ink: '#1f1f1f', muted: '#555555', casing: '#2b2b2b' } as const;

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((v) => Math.round(v ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The colour of `utilization` (share of capacity busy, 0 to 1; clamped), or NO_DATA_COLOUR for
 * null or NaN. Linear interpolation in sRGB between the nine viridis stops.
 */
export function utilizationColour(utilization: number | null): string {
  if (utilization === null || Number.isNaN(utilization)) return NO_DATA_COLOUR;
  const t = 1 - Math.min(1, Math.max(0, utilization));
  const at = t * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(at));
  const f = at - i;
  const a = rgb(VIRIDIS[i] as string);
  const b = rgb(VIRIDIS[i + 1] as string);
  return hex(a.map((v, k) => v + f * ((b[k] ?? 0) - v)));
}

/** Euclidean distance of two colours in sRGB (0 to 441), for tests of distinguishability. */
export function colourDistance(a: string, b: string): number {
  const [x, y] = [rgb(a), rgb(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}
