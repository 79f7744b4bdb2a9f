/**
 * `corridor-sim compare`: scenario differences with confidence intervals and a family-wise
 * correction, read from finished run folders (replications.csv and manifest.json).
 *
 * - One run: every pair of scenarios on every metric, paired by replication (common random
 *   numbers: replication r of every scenario ran with the same seeds), by `allPairwiseComparisons`
 *   (src/stats): paired-t intervals, Bonferroni simultaneous intervals over the k(k-1)/2 pairs of
 *   a metric, and Holm's decisions.
 * - Two runs: each scenario both runs have, run A against run B. Paired by replication only if
 *   the runs used the same seeds (same master seed and replication count in the manifests, and
 *   the same seed on every replication row); otherwise Welch's unpaired interval. The family is
 *   the scenarios compared on a metric: Bonferroni intervals at 1 - 0.05/m, Holm's decisions.
 *
 * Differences are B - A (the later scenario, or run B, minus the earlier, or run A), in the
 * metric's own unit.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mean } from 'simple-statistics';
import { COLUMNS, type Manifest } from '../experiments/outputs.ts';
import { RUN_FILES } from '../experiments/run-dir.ts';
import { csvFileRows, numberCell } from '../report/csv-read.ts';
import { allPairwiseComparisons, holmAdjust } from '../stats/comparisons.ts';
import { pairedDifferenceSummary, welchDifference } from '../stats/replications.ts';
import { studentTCdf, studentTQuantile } from '../stats/student-t.ts';
import { UsageError } from './exit.ts';

/** Columns of compare.csv, in order. */
export const COMPARE_COLUMNS = [
  'scenario_a', 'scenario_b', 'metric', 'n', 'mean_a', 'mean_b', 'mean_difference', 'ci95_low', 'ci95_high',
  'adjusted_ci95_low', 'adjusted_ci95_high', 'p_value', 'holm_p_value', 'significant', 'run_a', 'run_b', 'method',
] as const;

/** One comparison: B - A on one metric. */
export interface CompareRow {
  readonly scenarioA: string;
  readonly scenarioB: string;
  readonly metric: string;
  /** Pairs (paired) or the smaller sample (Welch). */
  readonly n: number;
  readonly meanA: number | null;
  readonly meanB: number | null;
  readonly meanDifference: number | null;
  /** Unadjusted 95% interval of the difference. */
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
  /** Bonferroni simultaneous 95% interval over the metric's family. */
  readonly adjustedLow: number | null;
  readonly adjustedHigh: number | null;
  readonly pValue: number | null;
  readonly holmPValue: number | null;
  /** Holm's decision at family-wise level 0.05: the means differ. */
  readonly significant: boolean | null;
  readonly runA: string;
  readonly runB: string;
  readonly method: string;
}

/** A run folder's values: scenario -> metric -> replication -> value, and each replication's seed. */
export interface RunValues {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly scenarios: readonly string[];
  readonly metrics: readonly string[];
  readonly values: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<number, number>>>;
  /** Seed of each (scenario, replication), `scenario#replication`. */
  readonly seeds: ReadonlyMap<string, string>;
}

/** Read a finished run folder. @throws UsageError if it is not one */
export function readRunValues(dir: string, what: string): RunValues {
  const manifestFile = path.join(dir, RUN_FILES.manifest);
  if (!existsSync(manifestFile)) throw new UsageError(`${what}: ${dir} is not a finished run folder (no ${RUN_FILES.manifest})`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch (error) {
    throw new UsageError(`${what}: ${manifestFile} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (manifest.format !== 'corridor-sim-manifest/1' || !Array.isArray(manifest.experiment?.scenarios)) throw new UsageError(`${what}: ${manifestFile} is not a corridor-sim manifest`);
  const file = path.join(dir, 'replications.csv');
  if (!existsSync(file)) throw new UsageError(`${what}: ${dir} has no replications.csv (a shard? merge the shards first)`);
  const values = new Map<string, Map<string, Map<number, number>>>();
  const seeds = new Map<string, string>();
  const metrics: string[] = [];
  const seen = new Set<string>();
  try {
    // Row by row, in pieces of the file: replications.csv grows with the replications.
    for (const [scenario = '', replicationText = '', seed = '', metric = '', valueText] of csvFileRows(file, COLUMNS['replications.csv'], 'replications.csv')) {
      const replication = Number(replicationText);
      seeds.set(`${scenario}#${replication}`, seed);
      if (!seen.has(metric)) {
        seen.add(metric);
        metrics.push(metric);
      }
      const value = numberCell(valueText);
      if (value === null) continue;
      let byMetric = values.get(scenario);
      if (byMetric === undefined) values.set(scenario, (byMetric = new Map()));
      let byReplication = byMetric.get(metric);
      if (byReplication === undefined) byMetric.set(metric, (byReplication = new Map()));
      byReplication.set(replication, value);
    }
  } catch (error) {
    throw new UsageError(`${what}: ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { dir, manifest, scenarios: manifest.experiment.scenarios.map((s) => s.id), metrics, values, seeds };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
const none = { meanDifference: null, ci95Low: null, ci95High: null, adjustedLow: null, adjustedHigh: null, pValue: null, holmPValue: null, significant: null } as const;

/** Every pair of scenarios of one run on each metric (see the module comment). */
export function compareWithinRun(run: RunValues, metrics: readonly string[]): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const metric of metrics) {
    const present = run.scenarios.filter((s) => (run.values.get(s)?.get(metric)?.size ?? 0) > 0);
    if (present.length < 2) continue;
    // The replications every scenario has a value for: the pairs of every comparison of the family.
    const first = run.values.get(present[0] ?? '')?.get(metric) ?? new Map<number, number>();
    const common = [...first.keys()].filter((r) => present.every((s) => run.values.get(s)?.get(metric)?.has(r) === true)).sort((a, b) => a - b);
    const series = present.map((name) => ({ name, values: common.map((r) => run.values.get(name)?.get(metric)?.get(r) ?? Number.NaN) }));
    const meanOf = (values: readonly number[]): number | null => (values.length > 0 ? finite(mean([...values])) : null);
    if (common.length < 2) {
      for (let i = 0; i < series.length; i++) {
        for (let j = i + 1; j < series.length; j++) {
          const a = series[i];
          const b = series[j];
          rows.push({ scenarioA: a?.name ?? '', scenarioB: b?.name ?? '', metric, n: common.length, meanA: meanOf(a?.values ?? []), meanB: meanOf(b?.values ?? []), ...none, runA: run.dir, runB: run.dir, method: 'fewer than 2 common replications: no interval' });
        }
      }
      continue;
    }
    const all = allPairwiseComparisons(series);
    const means = new Map(series.map((s) => [s.name, meanOf(s.values)]));
    for (const c of all.comparisons) {
      rows.push({
        scenarioA: c.a, scenarioB: c.b, metric, n: all.n, meanA: means.get(c.a) ?? null, meanB: means.get(c.b) ?? null,
        meanDifference: finite(c.meanDifference), ci95Low: finite(c.meanDifference - c.halfWidth), ci95High: finite(c.meanDifference + c.halfWidth),
        adjustedLow: finite(c.bonferroniLower), adjustedHigh: finite(c.bonferroniUpper), pValue: finite(c.pValue), holmPValue: finite(c.holmPValue),
        significant: Number.isFinite(c.holmPValue) ? c.holmSignificant : null, runA: run.dir, runB: run.dir, method: all.method,
      });
    }
  }
  return rows;
}

/** Whether two runs can be paired by replication: same seeds and replication counts. */
export function sameSeeds(a: RunValues, b: RunValues): { paired: boolean; why: string } {
  const ea = a.manifest.experiment;
  const eb = b.manifest.experiment;
  if (String(ea.seed) !== String(eb.seed)) return { paired: false, why: `master seeds differ (${String(ea.seed)} vs ${String(eb.seed)})` };
  if (ea.replications !== eb.replications) return { paired: false, why: `replication counts differ (${ea.replications} vs ${eb.replications})` };
  for (const [key, seed] of a.seeds) {
    const other = b.seeds.get(key);
    if (other !== undefined && other !== seed) return { paired: false, why: `replication seeds differ (${key}: ${seed} vs ${other})` };
  }
  return { paired: true, why: `same master seed ${String(ea.seed)} and ${ea.replications} replications` };
}

interface Interval {
  readonly n: number;
  readonly meanA: number;
  readonly meanB: number;
  readonly difference: number;
  readonly se: number;
  readonly df: number;
}

/** Paired B - A over the replications both have (pairedDifferenceSummary). */
function pairedInterval(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): Interval | null {
  const reps = [...a.keys()].filter((r) => b.has(r)).sort((x, y) => x - y);
  if (reps.length < 2) return null;
  const p = pairedDifferenceSummary(reps.map((r) => a.get(r) ?? Number.NaN), reps.map((r) => b.get(r) ?? Number.NaN));
  return { n: p.n, meanA: p.meanA, meanB: p.meanB, difference: p.meanDifference, se: p.standardDeviation / Math.sqrt(p.n), df: p.n - 1 };
}

/** Welch's unpaired B - A (welchDifference: Welch-Satterthwaite degrees of freedom). */
function welchInterval(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): Interval | null {
  const w = welchDifference([...a.values()], [...b.values()]);
  return w === null ? null : { n: w.n, meanA: w.meanA, meanB: w.meanB, difference: w.meanDifference, se: w.standardError, df: w.degreesOfFreedom };
}

/** Each scenario both runs have, run B - run A, per metric (see the module comment). */
export function compareAcrossRuns(a: RunValues, b: RunValues, metrics: readonly string[]): { rows: CompareRow[]; paired: boolean; why: string } {
  const { paired, why } = sameSeeds(a, b);
  const scenarios = a.scenarios.filter((s) => b.scenarios.includes(s));
  if (scenarios.length === 0) throw new UsageError(`compare: ${a.dir} and ${b.dir} have no scenario in common (${a.scenarios.join(', ')} vs ${b.scenarios.join(', ')})`);
  const rows: CompareRow[] = [];
  for (const metric of metrics) {
    const intervals = scenarios.map((s) => {
      const va = a.values.get(s)?.get(metric);
      const vb = b.values.get(s)?.get(metric);
      if (va === undefined || vb === undefined) return null;
      return { s, va, vb, iv: paired ? pairedInterval(va, vb) : welchInterval(va, vb) };
    }).filter((x) => x !== null);
    if (intervals.length === 0) continue;
    const m = intervals.filter((x) => x.iv !== null).length;
    const pValues = intervals.map(({ iv }) => (iv === null ? Number.NaN : iv.se === 0 ? (iv.difference === 0 ? 1 : 0) : 2 * studentTCdf(-Math.abs(iv.difference / iv.se), iv.df)));
    const holm = holmAdjust(pValues.filter((p) => Number.isFinite(p)));
    let h = 0;
    const method = paired
      ? `paired-t across runs (${why}); Bonferroni simultaneous intervals over ${m} scenarios; decisions by Holm (1979) at family-wise level 0.05`
      : `Welch unpaired t across runs (${why}); Bonferroni simultaneous intervals over ${m} scenarios; decisions by Holm (1979) at family-wise level 0.05`;
    intervals.forEach(({ s, va, vb, iv }, i) => {
      const meanOf = (v: ReadonlyMap<number, number>): number | null => (v.size > 0 ? finite(mean([...v.values()])) : null);
      if (iv === null) {
        rows.push({ scenarioA: s, scenarioB: s, metric, n: Math.min(va.size, vb.size), meanA: meanOf(va), meanB: meanOf(vb), ...none, runA: a.dir, runB: b.dir, method: 'fewer than 2 replications: no interval' });
        return;
      }
      const t = studentTQuantile(0.975, iv.df);
      const tb = studentTQuantile(1 - 0.05 / (2 * Math.max(1, m)), iv.df);
      const holmP = holm[h++] ?? Number.NaN;
      rows.push({
        scenarioA: s, scenarioB: s, metric, n: iv.n, meanA: finite(iv.meanA), meanB: finite(iv.meanB), meanDifference: finite(iv.difference),
        ci95Low: finite(iv.difference - t * iv.se), ci95High: finite(iv.difference + t * iv.se),
        adjustedLow: finite(iv.difference - tb * iv.se), adjustedHigh: finite(iv.difference + tb * iv.se),
        pValue: finite(pValues[i] ?? Number.NaN), holmPValue: finite(holmP), significant: Number.isFinite(holmP) ? holmP <= 0.05 : null,
        runA: a.dir, runB: b.dir, method,
      });
    });
  }
  return { rows, paired, why };
}

/** The rows as compare.csv cells. */
export function compareCells(rows: readonly CompareRow[]): (string | number | null)[][] {
  return rows.map((r) => [
    r.scenarioA, r.scenarioB, r.metric, r.n, r.meanA, r.meanB, r.meanDifference, r.ci95Low, r.ci95High,
    r.adjustedLow, r.adjustedHigh, r.pValue, r.holmPValue, r.significant === null ? null : r.significant ? 1 : 0, r.runA, r.runB, r.method,
  ]);
}
