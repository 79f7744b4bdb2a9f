import { describe, expect, it } from 'vitest';
import { deterministic, exponentialFromMean, type Distribution } from '../../src/distributions/index.ts';
import { Simulation, type ProcessGenerator } from '../../src/engine/index.ts';
import { createStream } from '../../src/random/index.ts';
import { advanceByIntensity, SimCalendar, validateMonthlyRate } from '../../src/resources/calendar.ts';
import { alternatingRenewal, Closure, scheduleWindows } from '../../src/resources/closure.ts';

// Deterministic and exponential durations, hours.
const det = (value: number): Distribution => deterministic(value);
const expo = (mean: number): Distribution => exponentialFromMean(mean);

/** Log every change of `closure` as "t: open|closed". */
function watch(closure: Closure): string[] {
  const log: string[] = [];
  closure.onChange((isOpen, now) => log.push(`${now}: ${isOpen ? 'open' : 'closed'}`));
  return log;
}

describe('Closure', () => {
  it('manual close and open: nesting, counters, whenOpen, onChange', () => {
    const sim = new Simulation();
    const port = new Closure(sim, 'port/aktau');
    const log = watch(port);
    const waits: string[] = [];
    function* ferry(): ProcessGenerator {
      yield sim.timeout(1);
      const at = (yield port.whenOpen()) as number;
      waits.push(`ferry may sail at ${at} (now ${sim.now})`);
    }
    sim.process(ferry(), 'ferry');
    sim.schedule(0.5, () => port.close('storm'));
    sim.schedule(2, () => port.close('works'));
    sim.schedule(3, () => port.open('storm'));
    sim.schedule(4, () => {
      expect(port.reason).toBe('works');
      port.open('works');
    });
    sim.schedule(6, () => port.close());
    sim.run(10);
    expect(log).toEqual(['0.5: closed', '4: open', '6: closed']);
    expect(waits).toEqual(['ferry may sail at 4 (now 4)']);
    expect(port.closures).toBe(2);
    expect(port.closedHours).toBe(3.5 + 4);
    expect(port.closedFraction).toBe(0.75);
    expect(port.isOpen).toBe(false);
    expect(() => port.open('storm')).toThrow('Cannot open closure "port/aktau" for "storm": it is closed only for "closed"');
    port.open();
    expect(() => port.open()).toThrow('Cannot open closure "port/aktau": it is open');
  });

  it('onChange returns an unsubscribe function', () => {
    const sim = new Simulation();
    const closure = new Closure(sim);
    const seen: boolean[] = [];
    const stop = closure.onChange((isOpen) => seen.push(isOpen));
    closure.close();
    stop();
    closure.open();
    expect(seen).toEqual([false]);
  });
});

describe('scheduleWindows', () => {
  it('a nightly possession repeats every 24 h; stop() reopens', () => {
    const sim = new Simulation();
    const line = new Closure(sim, 'line');
    const log = watch(line);
    const driver = scheduleWindows(sim, line, [{ start: 1, end: 5 }], 24);
    sim.run(48);
    expect(log).toEqual(['1: closed', '5: open', '25: closed', '29: open']);
    expect(line.closedHours).toBe(8);
    sim.run(50);
    driver.stop();
    sim.run(100);
    expect(log.slice(4)).toEqual(['49: closed', '50: open']);
  });

  it('touching windows make one closure; a window in progress closes at once; past ones are skipped', () => {
    const sim = new Simulation();
    const line = new Closure(sim);
    const log = watch(line);
    sim.run(3);
    scheduleWindows(sim, line, [{ start: 6, end: 8 }, { start: 0, end: 2 }, { start: 2.5, end: 4 }, { start: 4, end: 6 }]);
    sim.run();
    expect(log).toEqual(['3: closed', '8: open']);
    expect(line.closures).toBe(1);
  });

  it('names bad windows', () => {
    const sim = new Simulation();
    const c = new Closure(sim);
    expect(() => scheduleWindows(sim, c, [{ start: 5, end: 5 }])).toThrow('windows[0] ends at 5 h, not after its start 5 h');
    expect(() => scheduleWindows(sim, c, [{ start: 10, end: 14 }, { start: 0, end: 11 }])).toThrow('windows[1] [0, 11) overlaps windows[0] [10, 14)');
    expect(() => scheduleWindows(sim, c, [{ start: 0, end: 30 }], 24)).toThrow('the windows span 30 h (0 to 30), more than repeatEvery 24 h');
    expect(() => scheduleWindows(sim, c, [{ start: 0, end: 1 }], 0)).toThrow('repeatEvery must be a finite number of hours > 0, got 0');
    expect(() => scheduleWindows(sim, c, [])).toThrow('needs at least one window');
  });
});

describe('alternatingRenewal', () => {
  it('deterministic spells and storms give an exact trace', () => {
    const sim = new Simulation();
    const port = new Closure(sim);
    const log = watch(port);
    alternatingRenewal(sim, port, { timeBetween: det(10), duration: det(2), rng: createStream(1, 'x') });
    sim.run(30);
    expect(log).toEqual(['10: closed', '12: open', '22: closed', '24: open']);
    expect(port.reason).toBeUndefined();
  });

  it('long-run closed fraction is E[D] / (E[U] + E[D]) (exponential U and D)', () => {
    const sim = new Simulation();
    const port = new Closure(sim);
    const meanUp = 100;
    const meanDown = 20;
    const ups: number[] = [];
    const downs: number[] = [];
    let changedAt = 0;
    port.onChange((isOpen, now) => {
      (isOpen ? downs : ups).push(now - changedAt);
      changedAt = now;
    });
    alternatingRenewal(sim, port, { timeBetween: expo(meanUp), duration: expo(meanDown), rng: createStream(42, 'storms') });
    sim.run(1.2e7);
    // Ratio estimator over complete cycles, with its delta-method standard error.
    const n = downs.length;
    let sumDown = 0;
    let sumCycle = 0;
    for (let i = 0; i < n; i++) {
      sumDown += downs[i] as number;
      sumCycle += (ups[i] as number) + (downs[i] as number);
    }
    const p = sumDown / sumCycle;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += ((downs[i] as number) - p * ((ups[i] as number) + (downs[i] as number))) ** 2;
    const standardError = Math.sqrt(ss / (n - 1) / n) / (sumCycle / n);
    expect(n).toBeGreaterThan(90_000);
    expect(Math.abs(p - meanDown / (meanUp + meanDown))).toBeLessThan(4 * standardError);
    expect(Math.abs(port.closedFraction - meanDown / (meanUp + meanDown))).toBeLessThan(4 * standardError + 1e-3);
  });
});

describe('seasonality', () => {
  it('advanceByIntensity integrates the month-by-month multiplier exactly', () => {
    const calendar = new SimCalendar('2025-01-01');
    const janDouble = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    // January (744 h) at rate 2 absorbs 1488 intensity-hours; 10 more at rate 1 in February.
    expect(advanceByIntensity(calendar, janDouble, 0, 1498)).toBe(754);
    expect(advanceByIntensity(calendar, janDouble, 700, 100)).toBe(756);
    expect(advanceByIntensity(calendar, janDouble, 0, 3)).toBe(1.5);
    const noJanuary = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    expect(advanceByIntensity(calendar, noJanuary, 0, 10)).toBe(754);
    const noFebruary = [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    expect(advanceByIntensity(new SimCalendar('2024-01-01'), noFebruary, 744, 5)).toBe(1445);
  });

  it('multiplier 3 in January gives 3 times the storm starts per open hour', () => {
    const sim = new Simulation();
    const calendar = new SimCalendar('2025-01-01');
    const port = new Closure(sim);
    const monthlyRate = [3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const starts = new Float64Array(12);
    const openHours = new Float64Array(12);
    // Split an open spell over calendar months.
    const expose = (from: number, to: number): void => {
      for (let t = from; t < to;) {
        const end = Math.min(to, calendar.nextMonthBoundary(t));
        const month = calendar.monthOfYear(t);
        openHours[month] = (openHours[month] as number) + end - t;
        t = end;
      }
    };
    let openedAt = 0;
    port.onChange((isOpen, now) => {
      if (isOpen) {
        openedAt = now;
      } else {
        const month = calendar.monthOfYear(now);
        starts[month] = (starts[month] as number) + 1;
        expose(openedAt, now);
      }
    });
    const meanUp = 100;
    alternatingRenewal(sim, port, { timeBetween: expo(meanUp), duration: expo(5), rng: createStream(7, 'seasonal'), seasonality: { calendar, monthlyRate } });
    const horizon = calendar.hoursAt('2325-01-01');
    sim.run(horizon);
    if (port.isOpen) expose(openedAt, horizon);
    const january = (starts[0] as number) / (openHours[0] as number);
    const restStarts = starts.subarray(1).reduce((a, b) => a + b, 0);
    const rest = restStarts / openHours.subarray(1).reduce((a, b) => a + b, 0);
    // Poisson counts: the log of the rate ratio has standard error sqrt(1/N_jan + 1/N_rest).
    const standardError = Math.sqrt(1 / (starts[0] as number) + 1 / restStarts);
    expect(Math.abs(Math.log(january / rest) - Math.log(3))).toBeLessThan(4 * standardError);
    expect(Math.abs(Math.log(rest * meanUp))).toBeLessThan(4 / Math.sqrt(restStarts));
  });

  it('names bad multipliers', () => {
    expect(() => validateMonthlyRate([1, 1, 1])).toThrow('seasonality.monthlyRate needs 12 multipliers (January first), got 3');
    expect(() => validateMonthlyRate([1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1])).toThrow('seasonality.monthlyRate[3] must be a finite number >= 0, got -1');
    expect(() => validateMonthlyRate(new Array<number>(12).fill(0))).toThrow('seasonality.monthlyRate is all zero');
    const sim = new Simulation();
    expect(() => alternatingRenewal(sim, new Closure(sim), { timeBetween: det(0), duration: det(1), rng: createStream(1, 'x') }))
      .toThrow('timeBetween must have a mean > 0 hours, got 0');
    const negative = { ...det(1), min: -Infinity, kind: 'normal' };
    expect(() => alternatingRenewal(sim, new Closure(sim), { timeBetween: det(1), duration: negative, rng: createStream(1, 'x') }))
      .toThrow('duration is a normal distribution with min -Infinity: durations must be >= 0 hours');
  });
});
