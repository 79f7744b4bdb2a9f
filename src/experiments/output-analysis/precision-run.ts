/**
 * Replications to a precision (`precision` in an experiment, `run --precision`): after each batch
 * the runner asks `precisionStep` whether every named metric of every scenario has a 95%
 * confidence interval within the target, and if not, how many replications to add
 * (`precisionDecision`, src/stats/precision.ts: Law §9.4.1's n*, at least a batch, at most
 * doubling). The answer is a function of the values of replications 0..n−1 alone, in canonical
 * order, and replication i always runs with replicationSeed(seed, i); so the same seed and target
 * give the same replications, the same count and the same bytes whatever the worker count or
 * completion order, and a resumed run replays the same decisions from its journal.
 *
 * The first batch (the pilot, Law's n0) is the experiment's `replications`. A metric that is not
 * defined in some replication (a route that delivered nothing) cannot have its interval judged:
 * it is reported as not met, with the count of replications lacking it, and left out of the
 * decision; if no metric can be judged the run stops after the pilot. A metric defined in no
 * replication of a scenario (a route without demand there) has no mean to be precise about: it
 * is listed in `undefinedEverywhere` and otherwise ignored.
 */
import { precisionDecision } from '../../stats/precision.ts';
import type { Experiment } from '../define-experiment.ts';
import type { ReplicationRecord } from '../journal.ts';
import { patternRegExp } from '../metrics.ts';
import type { PrecisionSpec } from './precision-spec.ts';

/** One scenario's metric at the end of a precision run (values in the metric's unit). */
export interface PrecisionMetricResult {
  readonly scenario: string;
  readonly metric: string;
  /** Replications with a value. */
  readonly n: number;
  /** Sample mean; null if no replication has a value. */
  readonly mean: number | null;
  /** Half-width of the Student-t 95% interval; null if not judged. */
  readonly halfWidth: number | null;
  /** halfWidth / |mean|; null if not judged or the mean is 0. */
  readonly relativeHalfWidth: number | null;
  /** The target half-width in the metric's unit; null if not judged. */
  readonly targetHalfWidth: number | null;
  readonly met: boolean;
  /** Replications in which the metric is not defined (then it is not judged). */
  readonly undefinedIn: number;
}

/** How a precision run ended, recorded in the manifest and run.json. */
export interface PrecisionOutcome {
  /** What was asked. */
  readonly spec: PrecisionSpec;
  /** Replications per scenario run in the end. */
  readonly replications: number;
  /** The count after each batch: the pilot, then each decision's total, e.g. [10, 20, 26]. */
  readonly steps: readonly number[];
  /**
   * `met`: every metric meets the target; `max`: stopped at the maximum with some unmet;
   * `undefined`: stopped because the metrics left unmet are not defined in every replication;
   * `continue`: not finished (only between batches).
   */
  readonly status: 'met' | 'max' | 'undefined' | 'continue';
  /** Every scenario's named metrics, scenarios in experiment order, metrics in record order. */
  readonly metrics: readonly PrecisionMetricResult[];
  /** Named metrics defined in no replication of a scenario, `<scenario> <metric>`: ignored. */
  readonly undefinedEverywhere: readonly string[];
}

/** What `precisionStep` tells the runner. */
export interface PrecisionStep {
  /** Replications to add (0 to stop). */
  readonly additional: number;
  /** The state so far (its `replications` is n, `steps` ends with n). */
  readonly outcome: PrecisionOutcome;
}

/** The metric names of `record` that a pattern of `spec` names, in record order. */
function namedMetrics(spec: PrecisionSpec, record: ReplicationRecord): string[] {
  const regs = spec.metrics.map(patternRegExp);
  return record.metrics.map((m) => m.metric).filter((m) => regs.some((r) => r.test(m)));
}

/**
 * The decision after replications 0..n−1 of every scenario (from `ordered`, canonical order;
 * records at n or later are ignored). `steps` are the counts decided so far, ending with n.
 */
export function precisionStep(experiment: Experiment, spec: PrecisionSpec, ordered: readonly ReplicationRecord[], steps: readonly number[]): PrecisionStep {
  const n = steps[steps.length - 1] ?? 0;
  const judged: Record<string, number[]> = {};
  const rows: { scenario: string; metric: string; key: string; values: number[]; undefinedIn: number }[] = [];
  const undefinedEverywhere: string[] = [];
  for (const scenario of experiment.scenarios) {
    const records = ordered.filter((r) => r.scenario === scenario.id && r.replication < n);
    const first = records[0];
    if (first === undefined) continue;
    for (const metric of namedMetrics(spec, first)) {
      const values = records.map((r) => r.metrics.find((m) => m.metric === metric)?.value ?? null);
      const defined = values.filter((v): v is number => v !== null);
      const key = `${scenario.id} ${metric}`;
      if (defined.length === 0) {
        undefinedEverywhere.push(key);
        continue;
      }
      const undefinedIn = n - defined.length;
      if (undefinedIn === 0) judged[key] = defined;
      rows.push({ scenario: scenario.id, metric, key, values: defined, undefinedIn });
    }
  }
  const target = { kind: spec.kind, value: spec.value };
  const options = { batchSize: spec.batch, maxReplications: spec.maxReplications, minReplications: Math.min(experiment.replications, spec.maxReplications) };
  const decision = Object.keys(judged).length === 0 ? null : precisionDecision(judged, target, options);
  const byKey = new Map((decision?.metrics ?? []).map((m) => [m.name, m]));
  const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);
  const metrics = rows.map((row): PrecisionMetricResult => {
    const m = byKey.get(row.key);
    return {
      scenario: row.scenario,
      metric: row.metric,
      n: row.values.length,
      mean: row.values.length === 0 ? null : row.values.reduce((sum, v) => sum + v, 0) / row.values.length,
      halfWidth: finite(m?.halfWidth),
      relativeHalfWidth: finite(m?.relativeHalfWidth),
      targetHalfWidth: finite(m?.targetHalfWidth),
      met: m?.met ?? false,
      undefinedIn: row.undefinedIn,
    };
  });
  // Metrics undefined in some replication are not judged, and more replications cannot define
  // the earlier ones: when the judged ones are met (or there are none) the run stops.
  let status: PrecisionOutcome['status'] = 'continue';
  if (decision === null) status = 'undefined';
  else if (decision.reason === 'met') status = metrics.every((m) => m.met) ? 'met' : 'undefined';
  else if (decision.reason === 'max') status = 'max';
  return { additional: status === 'continue' ? (decision?.additional ?? 0) : 0, outcome: { spec, replications: n, steps, status, metrics, undefinedEverywhere } };
}

/** A number for a sentence: 3 significant digits, at most 2 decimals (`741`, `17.3`, `0.042`). */
const short = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString());

/** One metric's interval in words: `mean 741 ±17.3 (2.3%), target ±37.1: met`. */
export function describePrecisionMetric(m: PrecisionMetricResult): string {
  if (m.halfWidth === null) {
    return `mean ${m.mean === null ? '-' : short(m.mean)}: not judged (undefined in ${m.undefinedIn} of ${m.n + m.undefinedIn} replications)`;
  }
  const relative = m.relativeHalfWidth === null ? '' : ` (${short(m.relativeHalfWidth * 100)}%)`;
  return `mean ${m.mean === null ? '-' : short(m.mean)} ±${short(m.halfWidth)}${relative}, target ±${m.targetHalfWidth === null ? '-' : short(m.targetHalfWidth)}: ${m.met ? 'met' : 'NOT MET'}`;
}

/**
 * The outcome in one sentence, for the CLI summary and the report:
 * `±5% of the mean on route.*.transit_mean_h: met with 26 replications per scenario (batches 10, 20, 26; maximum 100); widest: base route.x 4.1%`.
 */
export function describePrecisionOutcome(outcome: PrecisionOutcome, withWidest = true): string {
  const { spec } = outcome;
  const what = `${spec.kind === 'relative' ? `±${spec.target} of the mean` : `±${spec.target}`} (95% CI half-width) on ${spec.metrics.join(', ')}`;
  const how = `${outcome.replications} replications per scenario (batches to ${outcome.steps.join(', ')}; maximum ${spec.maxReplications})`;
  const unmet = outcome.metrics.filter((m) => !m.met);
  const widest = [...outcome.metrics]
    .filter((m) => m.halfWidth !== null && m.targetHalfWidth !== null && m.targetHalfWidth > 0)
    .sort((a, b) => (b.halfWidth ?? 0) / (b.targetHalfWidth ?? 1) - (a.halfWidth ?? 0) / (a.targetHalfWidth ?? 1))[0];
  const widestText = widest === undefined || !withWidest ? '' : `; widest: ${widest.scenario} ${widest.metric} ${describePrecisionMetric(widest)}`;
  if (outcome.status === 'met') return `${what}: met by all ${outcome.metrics.length} intervals with ${how}${widestText}`;
  const why = outcome.status === 'max'
    ? `stopped at the maximum of ${spec.maxReplications}`
    : 'stopped: the unmet metrics are undefined in some replications (a route that delivered nothing), so more replications cannot settle them';
  return `${what}: NOT MET (${unmet.length} of ${outcome.metrics.length} intervals wider than the target) with ${how}, ${why}${widestText}`;
}
