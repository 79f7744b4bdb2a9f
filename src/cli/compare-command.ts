/**
 * `corridor-sim compare <run A> [<run B>]`: scenario differences with 95% confidence intervals
 * and a family-wise correction (compare-runs.ts), written to compare.csv and printed as a table
 * of the key metrics. Exit 0 written, 2 not a finished run folder, a bad option or output path.
 */
import type { Command } from 'commander';
import path from 'node:path';
import { metricFilter } from '../experiments/metrics.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { csvText } from '../output/csv.ts';
import { checkOutputFile } from '../output/output-paths.ts';
import { textTable } from '../output/text-table.ts';
import { describeMetric, formatNumber } from '../report/comparison-table.ts';
import { compareAcrossRuns, compareCells, COMPARE_COLUMNS, compareWithinRun, readRunValues, type CompareRow, type RunValues } from './compare-runs.ts';
import { UsageError, withExitCodes } from './exit.ts';
import { keyMetrics } from './key-metrics.ts';
import { info } from './output.ts';

interface RawOptions {
  readonly out?: string;
  readonly metrics?: string;
}

/** The metrics compared: those matching --metrics, else every metric (the table: the key ones). */
function chooseMetrics(run: RunValues, patterns: readonly string[] | null): { all: string[]; shown: string[] } {
  if (patterns !== null) {
    const keep = metricFilter(patterns);
    const all = run.metrics.filter(keep);
    if (all.length === 0) throw new UsageError(`option --metrics: got "${patterns.join(',')}", expected patterns that match metrics of ${run.dir}, e.g. mode.*.feu_per_week,route.**`);
    return { all, shown: all };
  }
  const baseline = run.manifest.experiment.baseline;
  const wait = (metric: string): number | null => {
    const values = [...(run.values.get(baseline)?.get(metric)?.values() ?? [])];
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  };
  return { all: [...run.metrics], shown: keyMetrics(run.metrics, wait) };
}

/** The printed table: one line per comparison of a shown metric, in display units. */
function table(rows: readonly CompareRow[], shown: readonly string[], acrossRuns: boolean): string {
  const order = new Map(shown.map((m, i) => [m, i]));
  const picked = rows.filter((r) => order.has(r.metric)).sort((a, b) => (order.get(a.metric) ?? 0) - (order.get(b.metric) ?? 0));
  const unit = (r: CompareRow): ReturnType<typeof describeMetric> => describeMetric(r.metric);
  const num = (r: CompareRow, v: number | null, signed = false): string => formatNumber(v === null ? null : v * unit(r).factor, signed);
  const interval = (r: CompareRow, lo: number | null, hi: number | null): string => (lo === null || hi === null ? '–' : `[${num(r, lo, true)}, ${num(r, hi, true)}]`);
  return textTable<CompareRow>(
    [
      { header: 'metric', align: 'left', value: (r) => `${unit(r).label}${unit(r).unit !== '' ? ` (${unit(r).unit})` : ''}` },
      { header: acrossRuns ? 'scenario' : 'A', align: 'left', value: (r) => r.scenarioA },
      ...(acrossRuns ? [] : [{ header: 'B', align: 'left' as const, value: (r: CompareRow) => r.scenarioB }]),
      { header: 'mean A', value: (r) => num(r, r.meanA) },
      { header: 'mean B', value: (r) => num(r, r.meanB) },
      { header: 'B - A', value: (r) => num(r, r.meanDifference, true) },
      { header: '95% CI', value: (r) => interval(r, r.ci95Low, r.ci95High) },
      { header: 'Bonferroni 95% CI', value: (r) => interval(r, r.adjustedLow, r.adjustedHigh) },
      { header: 'Holm', value: (r) => (r.significant === null ? '–' : r.significant ? 'differ' : 'n.s.') },
    ],
    picked,
  );
}

/** Add the `compare` subcommand to `program`. */
export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('paired differences with 95% CIs for every scenario pair of a run (common random numbers), or the same scenarios across two runs; compare.csv and a table')
    .argument('<run-a>', 'run folder, e.g. results/caspian-capacity/20261122T134500Z')
    .argument('[run-b]', 'a second run folder: compare its scenarios with the same ones of run A')
    .option('--out <file>', 'write the comparisons here (default: <run A>/compare.csv)')
    .option('--metrics <patterns>', 'comma-separated metric patterns to compare and show (default: every metric in compare.csv, the key metrics in the table)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim compare results/caspian-capacity/20261122T134500Z',
        '  corridor-sim compare results/caspian-capacity/run-a results/caspian-capacity/run-b --metrics "mode.*.feu_per_week"',
        'One run: all pairs, paired-t (same seeds per replication), Bonferroni simultaneous intervals and Holm decisions per metric.',
        'Two runs: paired only if both used the same seeds and replications (the manifests say), else Welch; the output says which.',
        'Exit codes: 0 written, 2 not a finished run folder, a bad option or an output path that cannot be written.',
      ].join('\n'),
    )
    .action((dirA: string, dirB: string | undefined, raw: RawOptions) =>
      withExitCodes(() => {
        const out = raw.out ?? path.join(dirA, 'compare.csv');
        const patterns = raw.metrics === undefined ? null : raw.metrics.split(',').map((p) => p.trim()).filter((p) => p !== '');
        if (patterns !== null && patterns.length === 0) throw new UsageError(`option --metrics: got "${raw.metrics ?? ''}", expected comma-separated metric patterns`);
        // Before reading anything large: where the CSV goes.
        checkOutputFile(out, 'option --out');
        const a = readRunValues(dirA, 'compare');
        const b = dirB === undefined ? null : readRunValues(dirB, 'compare');
        const { all, shown } = chooseMetrics(a, patterns);
        let rows: CompareRow[];
        let heading: string;
        if (b === null) {
          rows = compareWithinRun(a, all);
          const k = a.scenarios.length;
          heading = `${a.manifest.experiment.name}: ${k} scenarios, ${(k * (k - 1)) / 2} pairs per metric, ${a.manifest.experiment.replications} replications; ` +
            'paired-t on common random numbers (replication r of every scenario ran with the same seeds); family-wise correction per metric: Bonferroni simultaneous intervals, Holm decisions at 0.05';
        } else {
          const across = compareAcrossRuns(a, b, all);
          rows = across.rows;
          heading = `${a.dir} (A) vs ${b.dir} (B): ${across.paired ? 'PAIRED' : 'UNPAIRED (Welch)'} by replication: ${across.why}; ` +
            'family-wise correction per metric over the scenarios: Bonferroni simultaneous intervals, Holm decisions at 0.05';
        }
        writeFileAtomic(out, csvText(COMPARE_COLUMNS, compareCells(rows)));
        process.stdout.write(`${heading}\n${table(rows, shown, b !== null)}\n`);
        info(`wrote ${out} (${rows.length} rows, ${all.length} metrics)`);
      }),
    );
}
