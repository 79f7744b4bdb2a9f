/**
 * Runaway runs (issue 12): a demand far above capacity, a huge lot or a tiny seasonal rate must
 * stop quickly with a one-line LimitError that names the limit, the value reached and how to
 * raise it (the model file's `limits:` block), instead of eating gigabytes or hanging.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, LimitError } from '../../src/corridor/limits.ts';
import { loadModelText } from '../../src/corridor/load-model.ts';
import { ModelErrors } from '../../src/corridor/model-error.ts';
import { runReplication } from '../../src/corridor/runtime/run-replication.ts';
import { advanceByIntensity, SimCalendar } from '../../src/resources/index.ts';

const FILE = fileURLToPath(new URL('./fixtures/runaway.yaml', import.meta.url));
const good = readFileSync(fileURLToPath(new URL('./fixtures/small-corridor.yaml', import.meta.url)), 'utf8');
const withLimits = (text: string, limits: string): string => `${text}\nlimits: ${limits}\n`;

/** The LimitError a run of `text` for `days` stops with (fails if it ends normally). */
function limitErrorOf(text: string, days: number, options: { lot?: number } = {}): LimitError {
  const model = loadModelText(text, FILE);
  const scripted = options.lot === undefined ? [] : [{ time: 1, route: 'suez', lot: options.lot }];
  const started = Date.now();
  try {
    runReplication(model, { seed: 1, warmupHours: 0, horizonHours: days * 24, scriptedArrivals: scripted });
  } catch (error) {
    expect(error).toBeInstanceOf(LimitError);
    expect(Date.now() - started).toBeLessThan(10_000);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return error as LimitError;
  }
  throw new Error('expected a LimitError, but the run ended');
}

describe('runtime limits', () => {
  it('defaults apply when the model has no limits block', () => {
    expect(loadModelText(good, FILE).limits).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toEqual({ maxFeuInSystem: 250_000, maxEventsPerReplication: 50_000_000 });
  });

  it('maxFeuInSystem stops a demand far above capacity, naming the limit and how to raise it', () => {
    const text = withLimits(good.replace('volume: { feuPerWeek: 84 }', 'volume: { feuPerWeek: 100000 }'), '{ maxFeuInSystem: 500 }');
    const error = limitErrorOf(text, 30);
    expect([error.limit, error.value]).toEqual(['maxFeuInSystem', 500]);
    expect(error.message).toMatch(/^Replication stopped at limit maxFeuInSystem = 500: 500 FEU were in the system at once at t=\d+\.\d h \(day \d+\.\d\)/);
    expect(error.message).toContain('raise the limit in the model file: limits: { maxFeuInSystem: 5000 }');
  });

  it('maxFeuInSystem stops one huge lot at once', () => {
    const error = limitErrorOf(withLimits(good, '{ maxFeuInSystem: 1000 }'), 2, { lot: 1e9 });
    expect(error.limit).toBe('maxFeuInSystem');
    expect(error.time).toBe(1);
  });

  it('background units count towards maxFeuInSystem', () => {
    const text = withLimits(good.replace('volume: { perYear: 1000, unit: truck }', 'volume: { perYear: 50000000, unit: truck }'), '{ maxFeuInSystem: 2000 }');
    const error = limitErrorOf(text, 5);
    expect(error.limit).toBe('maxFeuInSystem');
    expect(error.time).toBeLessThan(2);
  });

  it('maxEventsPerReplication stops a run at the limit and says how to raise it', () => {
    const error = limitErrorOf(withLimits(good, '{ maxEventsPerReplication: 5000 }'), 60);
    expect([error.limit, error.value]).toEqual(['maxEventsPerReplication', 5000]);
    expect(error.message).toMatch(/^Replication stopped at limit maxEventsPerReplication = 5000: 5000 events were processed by t=/);
    expect(error.message).toContain('limits: { maxEventsPerReplication: 50000 }');
  });

  it('raised limits let the same run finish', () => {
    const model = loadModelText(withLimits(good, '{ maxEventsPerReplication: 100000000, maxFeuInSystem: 1000000 }'), FILE);
    expect(model.limits).toEqual({ maxEventsPerReplication: 100_000_000, maxFeuInSystem: 1_000_000 });
    expect(runReplication(model, { seed: 1, warmupHours: 0, horizonHours: 60 * 24 }).events).toBeGreaterThan(5000);
  });

  it.each([
    ['{ maxFeuInSystem: 0 }', 'limits.maxFeuInSystem', 'a whole number > 0'],
    ['{ maxFeuInSystem: 1.5 }', 'limits.maxFeuInSystem', 'a whole number'],
    ['{ maxEventsPerReplication: -1 }', 'limits.maxEventsPerReplication', 'a whole number > 0'],
    ['{ maxFeu: 10 }', 'limits.maxFeu', 'one of: maxFeuInSystem, maxEventsPerReplication'],
  ])('a bad limits block (%s) is refused at its field', (limits, path, expected) => {
    try {
      loadModelText(withLimits(good, limits), FILE);
      throw new Error('expected ModelErrors');
    } catch (error) {
      expect(error).toBeInstanceOf(ModelErrors);
      const found = (error as ModelErrors).errors.find((e) => e.path === path);
      expect(found?.expected).toContain(expected);
      expect(found?.line).toBe(good.split('\n').length + 1);
    }
  });

  it('a run longer than 100 years is refused before it starts', () => {
    const model = loadModelText(good, FILE);
    expect(() => runReplication(model, { seed: 1, warmupHours: 0, horizonHours: 1e9 })).toThrow(/together at most 876000 h \(100 years\)/);
  });
});

describe('advanceByIntensity cannot loop for ever', () => {
  const calendar = new SimCalendar('2025-01-01');
  const rates = [1, 0, 2, 0.5, 1, 1, 3, 1, 0, 1, 1, 0.25];

  /** The plain month-by-month walk, for comparison. */
  function walk(amount: number): number {
    let t = 0;
    let remaining = amount;
    for (;;) {
      const rate = rates[calendar.monthOfYear(t)] as number;
      const boundary = calendar.nextMonthBoundary(t);
      if (rate > 0 && t + remaining / rate <= boundary) return Math.max(t, t + remaining / rate);
      remaining -= rate * (boundary - t);
      t = boundary;
    }
  }

  it('skips whole 400-year cycles and agrees with the walk', () => {
    for (const amount of [10, 5_000, 3e6, 1.2e7]) {
      const fast = advanceByIntensity(calendar, rates, 0, amount);
      expect(Math.abs(fast - walk(amount)) / Math.max(1, fast), String(amount)).toBeLessThan(1e-9);
    }
  });

  it('returns quickly for a huge amount, and Infinity beyond the calendar', () => {
    const started = Date.now();
    expect(advanceByIntensity(calendar, rates, 0, 1e9)).toBeGreaterThan(1e9 / 3);
    expect(advanceByIntensity(calendar, rates, 0, 1e200)).toBe(Infinity);
    expect(advanceByIntensity(calendar, [1e-300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 1)).toBe(Infinity);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
