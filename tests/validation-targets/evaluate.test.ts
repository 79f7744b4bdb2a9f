/** The expression language, and the estimate and inside/outside rule on hand-made replications. */
import { describe, expect, it } from 'vitest';
import type { ReplicationRecord } from '../../src/experiments/index.ts';
import { estimate, evaluateExpression, evaluateTargets, ExpressionError, metricNames, parseExpression, verdict, type ValidationTarget } from '../../src/validation/index.ts';

const evalText = (text: string, metrics: Record<string, number | null>): number | null => evaluateExpression(parseExpression(text), metrics);

describe('expressions', () => {
  it('evaluates metric names with hyphens and dots, numbers, precedence, parentheses and unary minus', () => {
    const m = { 'stage.caspian-feeder-aktau-alat.feu_per_week': 500, 'stage.alat.background_feu_per_week': 200, x: 3 };
    expect(evalText('stage.caspian-feeder-aktau-alat.feu_per_week * 2 * 52.14', m)).toBeCloseTo(52140, 9);
    expect(evalText('(stage.caspian-feeder-aktau-alat.feu_per_week + stage.alat.background_feu_per_week) / 7', m)).toBe(100);
    expect(evalText('x + 2 * 3 - 4 / 2', m)).toBe(7);
    expect(evalText('x - -2', m)).toBe(5);
    expect(evalText('-(x - 1) * 1.5e1', m)).toBe(-30);
    expect(metricNames(parseExpression('a.b + c-d * a.b'))).toEqual(['a.b', 'c-d']);
  });

  it('is null when a metric is missing or null, or on division by zero', () => {
    expect(evalText('x / y', { x: 1, y: 0 })).toBeNull();
    expect(evalText('x + y', { x: 1, y: null })).toBeNull();
    expect(evalText('x + z', { x: 1 })).toBeNull();
  });

  it('reports syntax errors with the character where they are', () => {
    const offset = (text: string): number => {
      try {
        parseExpression(text);
      } catch (error) {
        expect(error).toBeInstanceOf(ExpressionError);
        return (error as ExpressionError).offset;
      }
      return -1;
    };
    expect(offset('a + ')).toBe(4);
    expect(offset('(a + b')).toBe(6);
    expect(offset('a b')).toBe(2);
    expect(offset('a % b')).toBe(2);
  });
});

describe('estimate and verdict', () => {
  it('gives the mean and the Student-t 95% interval (t(0.975, 2) = 4.3027)', () => {
    const e = estimate([1, 2, 3]);
    expect(e.n).toBe(3);
    expect(e.mean).toBe(2);
    expect(e.ci95High - e.mean).toBeCloseTo((4.302652729911275 * 1) / Math.sqrt(3), 9);
    expect(estimate([5])).toMatchObject({ n: 1, mean: 5 });
    expect(Number.isNaN(estimate([5]).ci95Low)).toBe(true);
    expect(estimate([]).n).toBe(0);
  });

  it('is inside when the CI and the range share a point (including touching), outside otherwise', () => {
    const ci = { n: 10, mean: 10, ci95Low: 9, ci95High: 11 };
    expect(verdict(ci, { low: 10.5, high: 20 })).toBe('inside'); // mean below the range, CI reaches it
    expect(verdict(ci, { low: 11, high: 20 })).toBe('inside'); // touching
    expect(verdict(ci, { low: 11.0001, high: 20 })).toBe('outside');
    expect(verdict(ci, { low: 0, high: 8.99 })).toBe('outside');
    expect(verdict(ci, { low: 9.5, high: 9.5 })).toBe('inside'); // a point inside the CI
    expect(verdict(ci, { low: 0, high: 100 })).toBe('inside'); // the mean inside the range
  });

  it('uses the mean alone without a CI, and says no-data without values', () => {
    expect(verdict({ n: 1, mean: 10, ci95Low: NaN, ci95High: NaN }, { low: 10, high: 12 })).toBe('inside');
    expect(verdict({ n: 1, mean: 9.99, ci95Low: NaN, ci95High: NaN }, { low: 10, high: 12 })).toBe('outside');
    expect(verdict({ n: 0, mean: NaN, ci95Low: NaN, ci95High: NaN }, { low: 0, high: 1 })).toBe('no-data');
  });

  it('evaluates targets per replication of their own scenario, skipping replications without a value', () => {
    const record = (scenario: string, replication: number, a: number | null, b: number): ReplicationRecord => ({
      scenario,
      replication,
      seed: replication,
      metrics: [
        { metric: 'a', value: a },
        { metric: 'b', value: b },
      ],
    });
    const records = [record('s1', 0, 2, 1), record('s1', 1, 4, 1), record('s1', 2, null, 1), record('s2', 0, 100, 1)];
    const target = (low: number, high: number): ValidationTarget => ({
      id: 't',
      classification: 'output',
      reason: 'r',
      sheet: { section: '1', quantity: 'q', value: 'v' },
      scenario: 's1',
      expressionText: 'a / b * 10',
      expression: parseExpression('a / b * 10'),
      unit: 'u',
      published: { low, high, unit: 'u', note: 'n' },
      line: 1,
      column: 1,
    });
    const [row] = evaluateTargets([target(0, 5)], records);
    expect(row?.estimate.n).toBe(2);
    expect(row?.estimate.mean).toBe(30);
    // values 20 and 40: half-width t(0.975, 1) = 12.706 x sd 14.142 / sqrt 2 = 127.06
    expect(row?.estimate.ci95Low).toBeCloseTo(30 - 127.062, 2);
    expect(row?.verdict).toBe('inside');
    expect(evaluateTargets([target(158, 200)], records)[0]?.verdict).toBe('outside');
  });
});
