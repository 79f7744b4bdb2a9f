/**
 * `warmup: 'auto'`: the warm-up chosen from the data by MSER (src/stats/mser.ts).
 *
 * Design (a pilot, because the runtime computes its metrics after a warm-up fixed when the
 * replication starts, and cannot re-truncate afterwards):
 * 1. Pilot: every scenario's replications 0..R−1 (the same seeds as the run) with warm-up 0 and a
 *    horizon of 2 × the experiment's horizon, in memory.
 * 2. Series, per scenario and replication, from what the worker already returns (series.ts):
 *    the network's FEU waiting, weekly means of the runtime's daily time-average queue summed
 *    over stages (`stage_weekly_queue_feu`), and the network's FEU delivered per week (sum of
 *    `route_weekly_feu`). A weekly mean of daily values is a batch of 7 days, so MSER with
 *    batches of 1 week is MSER-7 on the daily series. The runtime records no per-day transit
 *    time; the transit transient shows in the queues (waiting is what makes transit long) and in
 *    the deliveries.
 * 3. `experimentWarmup` with `average` pooling (Welch-style: each metric's across-replication
 *    average per scenario), the largest point over the 2 × scenarios series, capped at half the
 *    pilot, i.e. at the horizon. A series whose MSER minimum is at its cap never settled: the
 *    run is flagged not steady.
 * 4. The run itself: warm-up = the chosen weeks × 168 h, horizon as given. Cost: about 3 × the
 *    horizon per replication instead of warm-up + horizon.
 * Deterministic: the pilot's records are in canonical order, so the choice does not depend on the
 * worker count.
 */
import { experimentWarmup, type MetricReplicationSeries } from '../../stats/mser.ts';
import { brand, stripBrand, withOverrides, type Experiment } from '../define-experiment.ts';
import { ExperimentError } from '../experiment-error.ts';
import type { ReplicationRecord } from '../journal.ts';
import { validateScenarios } from '../prepare-run.ts';
import { runReplicationBlock } from './run-batch.ts';

/** Hours per week: the resolution of the chosen warm-up. */
export const HOURS_PER_WEEK = 168;

/** The warm-up chosen by `warmup: 'auto'`, recorded in the experiment (so in run.json and the manifest). */
export interface AutoWarmupChoice {
  /** The warm-up used by the run, hours (a whole number of weeks). */
  readonly warmupHours: number;
  /** The same in weeks: the MSER truncation point. */
  readonly truncationWeeks: number;
  /** The largest warm-up allowed (half the pilot = the horizon), weeks. */
  readonly capWeeks: number;
  /** Horizon of the pilot (warm-up 0), hours: 2 × the experiment's horizon. */
  readonly pilotHorizonHours: number;
  /** Replications per scenario in the pilot. */
  readonly pilotReplications: number;
  /** True when a series never settled (its MSER minimum at the cap): the warm-up is the cap and the results are suspect. */
  readonly notSteady: boolean;
  /** The series that never settled, `<scenario>: <series>`. */
  readonly notSteadyLabels: readonly string[];
  /** The series whose truncation point was the largest. */
  readonly limitingLabel: string;
  /** The method, stated. */
  readonly method: string;
}

/** The MSER-chosen warm-up from pilot records (warm-up 0); exported for tests. @throws RangeError if the series are too short. */
export function chooseWarmup(experiment: Experiment, pilot: readonly ReplicationRecord[], pilotHorizonHours: number): AutoWarmupChoice {
  const metrics: MetricReplicationSeries[] = [];
  let replications = 0;
  for (const scenario of experiment.scenarios) {
    const records = pilot.filter((r) => r.scenario === scenario.id);
    replications = records.length;
    const queue: number[][] = [];
    const delivered: number[][] = [];
    for (const record of records) {
      const sum = (name: string): number[] => {
        const series = (record.series ?? []).filter((s) => s.series === name);
        const weeks = Math.min(...series.map((s) => s.values.length));
        return Array.from({ length: Number.isFinite(weeks) ? weeks : 0 }, (_, w) => series.reduce((acc, s) => acc + (s.values[w] ?? 0), 0));
      };
      queue.push(sum('stage_weekly_queue_feu'));
      delivered.push(sum('route_weekly_feu'));
    }
    const weeks = Math.min(...queue.map((q) => q.length), ...delivered.map((d) => d.length));
    const cut = (s: number[][]): number[][] => s.map((v) => v.slice(0, weeks));
    metrics.push({ name: `${scenario.id}: FEU waiting`, replications: cut(queue) }, { name: `${scenario.id}: FEU delivered per week`, replications: cut(delivered) });
  }
  const combined = experimentWarmup(metrics, { batchSize: 1, pooling: 'average' });
  return {
    warmupHours: combined.truncation * HOURS_PER_WEEK,
    truncationWeeks: combined.truncation,
    capWeeks: combined.cap,
    pilotHorizonHours,
    pilotReplications: replications,
    notSteady: combined.notSteady,
    notSteadyLabels: combined.notSteadyLabels,
    limitingLabel: combined.limitingLabel,
    method:
      `MSER-7 (White 1997; White, Cobb & Spratt 2000) on weekly means of daily values: FEU waiting in the network and FEU delivered per week, ` +
      `each scenario's average over ${replications} pilot replications (warm-up 0, ${pilotHorizonHours / 24} days); ` +
      `largest point over ${metrics.length} series, cap ${combined.cap} weeks (half the pilot)`,
  };
}

/**
 * If the experiment asks for `warmup: 'auto'` and has no choice yet, run the pilot and return the
 * experiment with the chosen warm-up (`warmupHours`) and the choice (`autoWarmup`); otherwise the
 * experiment unchanged.
 * @param replications pilot replications per scenario (the run's; default the experiment's).
 * @throws ExperimentError on a bad model, or if the pilot is too short for MSER (fewer than 4 weeks).
 */
export async function resolveAutoWarmup(
  experiment: Experiment,
  options: { readonly replications?: number; readonly workers?: number; readonly signal?: AbortSignal } = {},
): Promise<Experiment> {
  if (experiment.autoWarmup !== null) return experiment;
  // Bad models fail as bad input, before the pilot; with the run's replication count (a precision target's first batch is checked against it).
  validateScenarios(options.replications !== undefined ? withOverrides(experiment, { replications: options.replications }) : experiment);
  const pilotHorizonHours = 2 * experiment.horizonHours;
  const pilotReplications = options.replications ?? experiment.replications;
  const pilot = await runReplicationBlock({
    experiment,
    from: 0,
    to: pilotReplications,
    warmupHours: 0,
    horizonHours: pilotHorizonHours,
    metrics: ['network.delivered_feu'],
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  });
  let choice: AutoWarmupChoice;
  try {
    choice = chooseWarmup(experiment, pilot, pilotHorizonHours);
  } catch (error) {
    throw new ExperimentError(`warmup: 'auto' needs a pilot of at least 4 weeks (2 x the horizon): ${error instanceof Error ? error.message : String(error)}`);
  }
  return brand({ ...stripBrand(experiment), warmupHours: choice.warmupHours, autoWarmup: choice });
}
