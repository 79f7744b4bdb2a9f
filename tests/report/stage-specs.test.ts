/**
 * Where the queues build: which stages the heat map, the ranking and the queue chart show, and
 * the capacity takeaway, on small hand-made summaries.
 */
import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../src/experiments/assemble.ts';
import { capacityPoints, capacityTakeaway } from '../../src/report/capacity-spec.ts';
import { rankingSpec, stageCells, worstStages } from '../../src/report/stage-specs.ts';
import { queueStages } from '../../src/report/write-report.ts';

const row = (scenario: string, metric: string, mean: number): SummaryRow => ({ scenario, metric, n: 3, mean, sd: 1, ci95Low: mean - 1, ci95High: mean + 1, p50: mean, p95: mean });

describe('stages shown', () => {
  const summary = [
    row('a', 'stage.s1.wait_share', 0.5), row('a', 'stage.s2.wait_share', 0.3), row('a', 'stage.s3.wait_share', 0.2), row('a', 'stage.s4.wait_share', 0),
    row('b', 'stage.s1.wait_share', 0.1), row('b', 'stage.s2.wait_share', 0.1), row('b', 'stage.s3.wait_share', 0.8), row('b', 'stage.s4.wait_share', 0),
    // s4 holds no waiting but is 90% busy in b: a limit near binding, shown anyway.
    row('a', 'stage.s4.utilization', 0.5), row('b', 'stage.s4.utilization', 0.9),
  ];
  const cells = stageCells(summary, ['a', 'b'], ['s1', 's2', 's3', 's4', 's5']);

  it('ranks by the largest share of waiting in any scenario, adds busy stages, drops stages with neither', () => {
    // s4: 0 + 1 (busy) beats s3's 0.8; s5 has no data.
    expect(worstStages(cells)).toEqual(['s4', 's3', 's1', 's2']);
    expect(worstStages(cells, 2)).toEqual(['s4', 's3']);
  });

  it('queues: each scenario\'s two worst, then busy stages', () => {
    expect(queueStages(cells, ['a', 'b'])).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('cells carry utilization, wait share and its interval per scenario', () => {
    const cell = cells.find((c) => c.stage === 's3' && c.scenario === 'b');
    expect(cell).toMatchObject({ waitShare: 0.8, utilization: null });
    expect(cell?.waitShareLow).toBeCloseTo(-0.2, 12);
    expect(cell?.waitShareHigh).toBeCloseTo(1.8, 12);
  });

  it('the ranking draws a share\'s interval from 0 at the lowest: a share cannot be negative', () => {
    const spec = rankingSpec(cells, ['s3'], ['a', 'b'], 'takeaway');
    const values = (spec.data as { values: Array<{ scenario: string; share: number; low: number; high: number }> }).values;
    // b: 80% with the interval [-20%, 180%] from the rows above; a: 20% [-80%, 120%].
    expect(values.find((v) => v.scenario === 'b')).toMatchObject({ share: 80, low: 0, high: 180 });
    expect(values.find((v) => v.scenario === 'a')).toMatchObject({ share: 20, low: 0, high: 120 });
  });
});

describe('capacity', () => {
  const summary = (delivered: number): SummaryRow[] => [row('x', 'mode.middle-corridor.assigned_feu_per_week', 500), row('x', 'mode.middle-corridor.feu_per_week', delivered)];

  it('says capacity does not bind when every scenario delivers within 2% of what it is offered', () => {
    expect(capacityTakeaway(capacityPoints(summary(495), ['x']))).toMatch(/^Every scenario delivers what it is offered/);
  });

  it('names the largest shortfall otherwise (500 offered, 400 delivered: 20% short)', () => {
    expect(capacityTakeaway(capacityPoints(summary(400), ['x']))).toBe('Largest shortfall: x delivers 400 of 500 FEU/week offered (20% short): there it stops growing.');
  });

  it('has no points for a run without the offered metric', () => {
    expect(capacityPoints([row('x', 'mode.middle-corridor.feu_per_week', 1)], ['x'])).toEqual([]);
  });
});
