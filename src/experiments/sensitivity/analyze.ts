/**
 * The sensitivity analysis of a finished run: from its replication records and the experiment's
 * sensitivity plan to the tidy rows of sensitivity.csv. OAT: per output, factors ranked by
 * |high - low|, three rows each. Morris: per output, factors ranked by μ*, rows mu, mu_star, sigma.
 * A function of the set of records alone, so any worker count, resume or merge gives the same bytes.
 */
import { csvText, type CsvCell } from '../../output/csv.ts';
import { valuesByScenario } from '../assemble.ts';
import type { ReplicationRecord } from '../journal.ts';
import { evaluatedTrajectories, morrisStatistics } from './morris-effects.ts';
import { oatEffects, type PairedEffect, type ValuesByReplication } from './oat-effects.ts';
import type { SensitivityPlan } from './plan.ts';

/** Columns of sensitivity.csv (README, data dictionary). */
export const SENSITIVITY_COLUMNS = ['method', 'output', 'factor', 'statistic', 'value', 'ci95_low', 'ci95_high', 'n'] as const;

/** The statistics in sensitivity.csv, in row order within a factor. */
export const OAT_STATISTICS = ['low_minus_baseline', 'high_minus_baseline', 'high_minus_low'] as const;
export const MORRIS_STATISTICS = ['mu', 'mu_star', 'sigma'] as const;

/** One statistic of one factor on one output (values in the output's unit; Morris: per whole factor range). */
export interface SensitivityRow {
  readonly method: 'oat' | 'morris';
  readonly output: string;
  readonly factor: string;
  readonly statistic: (typeof OAT_STATISTICS)[number] | (typeof MORRIS_STATISTICS)[number];
  readonly value: number | null;
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
  /** OAT: replication pairs; Morris: trajectories with a defined effect. */
  readonly n: number;
}

/** Bootstrap resamples of the μ* interval when the plan does not say. */
export const DEFAULT_BOOTSTRAP_RESAMPLES = 1000;

/** The rows of sensitivity.csv for `plan` and the run's records (ordered, from `orderRecords`). */
export function analyzeSensitivity(plan: SensitivityPlan, records: readonly ReplicationRecord[]): SensitivityRow[] {
  const table = valuesByScenario(records);
  const empty: ValuesByReplication = new Map();
  const rows: SensitivityRow[] = [];
  for (const output of plan.outputs) {
    const valuesOf = (scenario: string): ValuesByReplication => table.get(scenario)?.get(output) ?? empty;
    if (plan.method === 'oat') {
      for (const e of oatEffects(plan, valuesOf)) {
        const row = (statistic: SensitivityRow['statistic'], p: PairedEffect): SensitivityRow => ({ method: 'oat', output, factor: e.factor, statistic, value: p.mean, ci95Low: p.ci95Low, ci95High: p.ci95High, n: p.n });
        rows.push(row('low_minus_baseline', e.lowMinusBaseline), row('high_minus_baseline', e.highMinusBaseline), row('high_minus_low', e.highMinusLow));
      }
      continue;
    }
    // A point's output is its mean over replications; under common random numbers the differences
    // along a trajectory are then the mean of the per-replication differences.
    const meanOf = (scenario: string): number | null => {
      const values = [...valuesOf(scenario).values()].filter((v): v is number => v !== null);
      return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
    };
    const stats = morrisStatistics(plan.factors, evaluatedTrajectories(plan, meanOf), {
      resamples: plan.bootstrap?.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES,
      seed: plan.bootstrap?.seed ?? 1,
      streamName: output,
    });
    const ranked = stats.map((s, i) => ({ s, i })).sort((a, b) => (b.s.muStar ?? -1) - (a.s.muStar ?? -1) || a.i - b.i);
    for (const { s } of ranked) {
      const base = { method: 'morris', output, factor: s.factor, n: s.n } as const;
      rows.push(
        { ...base, statistic: 'mu', value: s.mu, ci95Low: s.muCi?.low ?? null, ci95High: s.muCi?.high ?? null },
        { ...base, statistic: 'mu_star', value: s.muStar, ci95Low: s.muStarCi?.low ?? null, ci95High: s.muStarCi?.high ?? null },
        { ...base, statistic: 'sigma', value: s.sigma, ci95Low: null, ci95High: null },
      );
    }
  }
  return rows;
}

/** sensitivity.csv as text (RFC 4180, numbers as in every other CSV file). */
export function sensitivityCsvText(rows: readonly SensitivityRow[]): string {
  return csvText(SENSITIVITY_COLUMNS, rows.map((r): CsvCell[] => [r.method, r.output, r.factor, r.statistic, r.value, r.ci95Low, r.ci95High, r.n]));
}
