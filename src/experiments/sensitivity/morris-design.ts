/**
 * Morris (1991) elementary-effects design: r random trajectories on a p-level grid of the unit
 * hypercube, each of k + 1 points where consecutive points differ in exactly one factor by ±Δ,
 * Δ = p / (2 (p - 1)) (a fraction of the factor's range). The standard construction (Morris
 * 1991; Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §3.3):
 *
 *     B* = (J_{k+1,1} x* + (Δ/2) [(2B - J_{k+1,k}) D* + J_{k+1,k}]) P*
 *
 * with B the (k+1)×k strictly lower-triangular matrix of ones, J matrices of ones, x* a random
 * base point on the levels {0, 1/(p-1), ..., 1 - Δ}, D* a diagonal of random ±1 and P* a random
 * permutation. Row 0 is x* with the factors of direction -1 already at +Δ; row j moves factor
 * P*(j) by +Δ (direction +1) or -Δ (direction -1). With p even, Δ is p/2 grid steps, so every
 * point is on the grid. Campolongo et al. (2007) trajectory selection is not done.
 */
import { createStream, type Seed } from '../../random/index.ts';
import { scenarioOnBase, type SweepBase } from '../sweep.ts';
import { withLayout, type DesignScenarios } from './design-scenarios.ts';
import { checkFactors, factorInfo, factorOverrides, levelValue, type SensitivityFactors } from './factors.ts';
import type { MorrisLayout, MorrisPoint } from './plan.ts';
import type { JsonValue } from '../define-experiment.ts';

/** Options of `morrisDesign`. */
export interface MorrisOptions {
  /** Trajectories r (>= 2; 10-20 is usual). */
  readonly trajectories: number;
  /** Grid levels p (even, >= 2; default 4). */
  readonly levels?: number;
  /** Seed of the random base points, directions and orders. */
  readonly seed: Seed;
  /** What every point shares (model, overlays, set, remove). */
  readonly base?: SweepBase;
}

/** One trajectory as grid level indices (0..p-1) per point and factor, and the factor moved at each step. */
export interface LevelTrajectory {
  readonly levels: readonly (readonly number[])[];
  /** Factor index moved to reach point j (index 0: none, -1). */
  readonly moved: readonly number[];
}

/**
 * The trajectories of a Morris design as grid level indices (B* above, in units of 1/(p-1)).
 * Reproducible from `seed`. @throws RangeError if p is odd or < 2, or r < 1.
 */
export function morrisLevelTrajectories(k: number, trajectories: number, levels: number, seed: Seed): LevelTrajectory[] {
  if (!(Number.isInteger(levels) && levels >= 2 && levels % 2 === 0)) throw new RangeError(`morrisDesign: levels must be an even integer >= 2, got ${levels}`);
  if (!(Number.isInteger(trajectories) && trajectories >= 1)) throw new RangeError(`morrisDesign: trajectories must be an integer >= 1, got ${trajectories}`);
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`morrisDesign: needs at least one factor, got ${k}`);
  const half = levels / 2; // Δ in grid steps
  const stream = createStream(seed, 'morris-design');
  const draw = (n: number): number => Math.min(n - 1, Math.floor(stream.next() * n));
  const out: LevelTrajectory[] = [];
  for (let t = 0; t < trajectories; t++) {
    const base = Array.from({ length: k }, () => draw(half)); // x*: levels 0..p/2-1, so x* + Δ <= 1
    const direction = Array.from({ length: k }, () => (stream.next() < 0.5 ? -1 : 1)); // D*
    const order = Array.from({ length: k }, (_, i) => i); // P*: Fisher-Yates
    for (let i = k - 1; i > 0; i--) {
      const j = draw(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let point = base.map((b, i) => b + (direction[i] === -1 ? half : 0));
    const points = [point];
    const moved = [-1];
    for (const i of order) {
      point = point.map((level, c) => (c === i ? level + (direction[i] as number) * half : level));
      points.push(point);
      moved.push(i);
    }
    out.push({ levels: points, moved });
  }
  return out;
}

/**
 * A Morris design over `factors` (each factor's [low, high] cut into p levels). Scenario ids:
 * `t01-0` for trajectory 1's first point, then `t01-1-<factor>` ... `t01-<k>-<factor>` naming
 * the factor moved at that step. (k + 1) r scenarios.
 * @throws RangeError on a bad factor or option.
 */
export function morrisDesign(factors: SensitivityFactors, options: MorrisOptions): DesignScenarios<MorrisLayout> {
  const entries = checkFactors('morrisDesign', factors);
  const levels = options.levels ?? 4;
  const k = entries.length;
  const trajectories = morrisLevelTrajectories(k, options.trajectories, levels, options.seed);
  // Integer factors: a step spans p/2 of the p - 1 grid intervals, more than half the range
  // (high - low >= 1), so rounding never makes a step stand still; the analysis divides by the
  // rounded step actually taken.
  const width = Math.max(2, String(options.trajectories).length);
  const scenarios = [];
  const layoutTrajectories: { points: MorrisPoint[] }[] = [];
  for (const [t, trajectory] of trajectories.entries()) {
    const points: MorrisPoint[] = trajectory.levels.map((levelsOfPoint, j) => {
      const movedIndex = trajectory.moved[j] ?? -1;
      const moved = movedIndex < 0 ? null : (entries[movedIndex]?.[0] ?? null);
      const scenario = `t${String(t + 1).padStart(width, '0')}-${j}${moved === null ? '' : `-${moved}`}`;
      const values = entries.map(([, f], i) => levelValue(f, levelsOfPoint[i] as number, levels));
      return { scenario, values, moved };
    });
    for (const p of points) {
      const set: Record<string, JsonValue> = {};
      entries.forEach(([, f], i) => Object.assign(set, factorOverrides(f, p.values[i] as number)));
      scenarios.push(scenarioOnBase(p.scenario, set, options.base));
    }
    layoutTrajectories.push({ points });
  }
  return withLayout(scenarios, {
    method: 'morris',
    factors: entries.map(([id, f]) => factorInfo(id, f)),
    levels,
    delta: levels / (2 * (levels - 1)),
    trajectories: layoutTrajectories,
  });
}
