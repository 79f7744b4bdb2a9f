/**
 * The report header's output-analysis facts (README, "Output analysis"): how many replications
 * ran and, for a run to a precision, the target and the half-widths reached (met or not); the
 * warm-up `auto` chose with the not-steady flag; and for a run of one replication per scenario,
 * that its intervals come from batch means (batch-means.csv) with the lag-1 check.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describePrecisionOutcome } from '../experiments/output-analysis/precision-run.ts';
import { COLUMNS } from '../experiments/outputs.ts';
import { csvObjects } from './csv-read.ts';
import type { RunFolder } from './run-folder.ts';

/** The `replications` fact: the count per scenario, and for a precision run how it was reached. */
export function replicationsFact(run: RunFolder): [string, string] {
  const precision = run.manifest.precision;
  if (precision === undefined) return ['replications', `${run.experiment.replications} per scenario`];
  return ['replications', `${precision.replications} per scenario, added in batches until a precision target (first batch ${run.experiment.replications})`];
}

/** Header rows after `warm-up, horizon`: warm-up chosen (with NOT STEADY), precision reached, batch means. */
export function outputAnalysisFacts(run: RunFolder): [string, string][] {
  const facts: [string, string][] = [];
  const choice = run.experiment.autoWarmup;
  if (choice !== undefined && choice !== null) {
    const flag = choice.notSteady ? `; NOT STEADY (never settled: ${choice.notSteadyLabels.join(', ')}): the means may carry start-up bias or a growing queue` : '';
    facts.push(['warm-up chosen', `${choice.truncationWeeks} weeks by ${choice.method}${flag}`]);
  }
  const precision = run.manifest.precision;
  if (precision !== undefined) facts.push(['precision reached', describePrecisionOutcome(precision)]);
  const batchMeans = batchMeansFact(run.dir);
  if (batchMeans !== null) facts.push(['confidence intervals', batchMeans]);
  return facts;
}

/** The batch-means note of a one-replication run (from batch-means.csv), or null. */
function batchMeansFact(dir: string): string | null {
  const file = path.join(dir, 'batch-means.csv');
  if (!existsSync(file)) return null;
  const rows = csvObjects(readFileSync(file, 'utf8'), COLUMNS['batch-means.csv'], 'batch-means.csv');
  const failed = rows.filter((r) => r.lag1_check !== 'passed').map((r) => `${r.scenario} ${r.metric}`);
  const counts = [...new Set(rows.map((r) => `${r.batches} x ${r.batch_weeks} weeks`))].join(', ');
  return (
    `1 replication per scenario, so summary.csv has no intervals; batch-means.csv gives 95% intervals by batch means on the weekly series ` +
    `(${rows.length} intervals: routes' throughput, stages' mean queue; ${counts || 'none'}); lag-1 autocorrelation check ` +
    (failed.length === 0 ? 'passed for all' : `FAILED for ${failed.length} (${failed.slice(0, 3).join(', ')}${failed.length > 3 ? ', ...' : ''}): those intervals are likely too narrow`)
  );
}
