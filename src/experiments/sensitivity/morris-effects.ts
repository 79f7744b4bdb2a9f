/**
 * Morris elementary effects and their summary statistics per factor (Morris 1991; μ* from
 * Campolongo, Cariboni & Saltelli 2007). An elementary effect of factor i on a trajectory is
 *
 *     EE_i = (y(x + e_i Δ_i) - y(x)) / Δ_i,
 *
 * with Δ_i the step as a fraction of the factor's range [low, high] (so EE_i is in the output's
 * unit per whole range of the factor, linearised; for y = Σ b_i u_i on unit-scaled u, EE_i = b_i
 * exactly). Per factor over the r trajectories: μ (mean EE), μ* (mean |EE|), σ (sd of EE, n - 1).
 * Intervals: μ by Student t over trajectories; μ* by a seeded percentile bootstrap over
 * trajectories (resampling whole trajectories' effects with replacement). Works on any
 * evaluator: simulation outputs (analyze.ts) or a plain function (`morrisOfFunction`).
 */
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { createStream, type Seed } from '../../random/index.ts';
import { studentTQuantile } from '../../stats/student-t.ts';
import type { FactorInfo, MorrisLayout } from './plan.ts';

/** A trajectory's points as factor values, the factor moved at each point, and the output at each. */
export interface EvaluatedTrajectory {
  /** Factor values per point, in factor order (factor units). */
  readonly values: readonly (readonly number[])[];
  /** Index of the factor moved to reach point j (-1 or null for the first point). */
  readonly moved: readonly (number | null)[];
  /** Output at each point; null where not defined (the effects using it are skipped). */
  readonly y: readonly (number | null)[];
}

/** A confidence interval [low, high] in the output's unit. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Morris statistics of one factor on one output (output unit per whole factor range). */
export interface MorrisEffect {
  readonly factor: string;
  /** Trajectories with a defined elementary effect of this factor. */
  readonly n: number;
  readonly mu: number | null;
  /** Student-t 95% interval of μ over trajectories; null when n < 2. */
  readonly muCi: Interval | null;
  readonly muStar: number | null;
  /** Percentile-bootstrap 95% interval of μ* over trajectories; null when n < 2. */
  readonly muStarCi: Interval | null;
  /** Standard deviation of the elementary effects; null when n < 2. */
  readonly sigma: number | null;
}

/** Options of the Morris statistics. */
export interface MorrisStatOptions {
  /** Bootstrap resamples for the μ* interval (default 1000). */
  readonly resamples?: number;
  /** Seed of the bootstrap (default 1); each factor and output draws from its own named stream. */
  readonly seed?: Seed;
  /** Names the bootstrap streams (the output metric), so outputs do not share draws. */
  readonly streamName?: string;
}

/** The elementary effects of each factor, one list per factor (one entry per trajectory that defines it). */
export function elementaryEffects(factors: readonly Pick<FactorInfo, 'low' | 'high'>[], trajectories: readonly EvaluatedTrajectory[]): number[][] {
  const effects: number[][] = factors.map(() => []);
  for (const t of trajectories) {
    for (let j = 1; j < t.values.length; j++) {
      const i = t.moved[j];
      const f = i === null || i === undefined ? undefined : factors[i];
      const y1 = t.y[j];
      const y0 = t.y[j - 1];
      if (f === undefined || i === null || i === undefined || y1 === null || y1 === undefined || y0 === null || y0 === undefined) continue;
      const step = ((t.values[j]?.[i] ?? NaN) - (t.values[j - 1]?.[i] ?? NaN)) / (f.high - f.low);
      if (!(Number.isFinite(step) && step !== 0)) continue;
      effects[i]?.push((y1 - y0) / step);
    }
  }
  return effects;
}

/** μ, μ*, σ and their intervals for each factor, in factor order. */
export function morrisStatistics(factors: readonly Pick<FactorInfo, 'id' | 'low' | 'high'>[], trajectories: readonly EvaluatedTrajectory[], options: MorrisStatOptions = {}): MorrisEffect[] {
  const resamples = options.resamples ?? 1000;
  const effects = elementaryEffects(factors, trajectories);
  return factors.map((f, i) => {
    const ee = effects[i] ?? [];
    const n = ee.length;
    if (n === 0) return { factor: f.id, n, mu: null, muCi: null, muStar: null, muStarCi: null, sigma: null };
    const mu = mean(ee);
    const absolute = ee.map(Math.abs);
    const muStar = mean(absolute);
    if (n < 2) return { factor: f.id, n, mu, muCi: null, muStar, muStarCi: null, sigma: null };
    const sigma = sampleStandardDeviation(ee);
    const half = (studentTQuantile(0.975, n - 1) * sigma) / Math.sqrt(n);
    const stream = createStream(options.seed ?? 1, `morris-bootstrap/${options.streamName ?? ''}/${f.id}`);
    const means: number[] = [];
    for (let b = 0; b < resamples; b++) {
      let sum = 0;
      for (let d = 0; d < n; d++) sum += absolute[Math.min(n - 1, Math.floor(stream.next() * n))] as number;
      means.push(sum / n);
    }
    means.sort((a, c) => a - c);
    return { factor: f.id, n, mu, muCi: { low: mu - half, high: mu + half }, muStar, muStarCi: { low: quantileSorted(means, 0.025), high: quantileSorted(means, 0.975) }, sigma };
  });
}

/**
 * Morris statistics of a plain function on a Morris layout: `evaluate` receives the factor
 * values of each point (factor order, factor units). For tests and quick studies without the simulator.
 */
export function morrisOfFunction(layout: MorrisLayout, evaluate: (values: readonly number[]) => number, options: MorrisStatOptions = {}): MorrisEffect[] {
  return morrisStatistics(layout.factors, evaluatedTrajectories(layout, (scenario) => {
    const point = layout.trajectories.flatMap((t) => t.points).find((p) => p.scenario === scenario);
    return point === undefined ? null : evaluate(point.values);
  }), options);
}

/** The layout's trajectories with the output of each point from `outputOf(scenario id)`. */
export function evaluatedTrajectories(layout: MorrisLayout, outputOf: (scenario: string) => number | null): EvaluatedTrajectory[] {
  const index = new Map(layout.factors.map((f, i) => [f.id, i]));
  return layout.trajectories.map((t) => ({
    values: t.points.map((p) => p.values),
    moved: t.points.map((p) => (p.moved === null ? null : (index.get(p.moved) ?? null))),
    y: t.points.map((p) => outputOf(p.scenario)),
  }));
}
