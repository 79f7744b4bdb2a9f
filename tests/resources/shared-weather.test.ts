/**
 * sharedWeather (common-shock storms) and followClosure: with correlation 1 every place closes
 * and opens at exactly the same instants; with correlation 0 the places are independent; and
 * over a long run with exponential open spells and fixed storm lengths, each place's closed
 * fraction and the fraction of time two places are closed together match the common-shock
 * values (stated below) within 4 standard deviations, with fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import { deterministic, exponentialFromMean } from '../../src/distributions/index.ts';
import { Simulation } from '../../src/engine/index.ts';
import { createStream } from '../../src/random/index.ts';
import { Closure, followClosure, sharedWeather, SimCalendar } from '../../src/resources/index.ts';

/** Places under one driver: open spells Exp(mean `between`) h, storms of `duration` h. */
function storms(correlation: number, between: number, duration: number, places = 2, seed = 7) {
  const sim = new Simulation();
  const closures = Array.from({ length: places }, (_, i) => new Closure(sim, `port${i}`));
  const logs = closures.map((c) => {
    const log: string[] = [];
    c.onChange((isOpen, now) => log.push(`${now}:${isOpen ? 'open' : 'closed'}`));
    return log;
  });
  // Hours with every place closed at once, integrated from the changes.
  let allClosedHours = 0;
  let allClosedSince = Number.NaN;
  for (const c of closures) {
    c.onChange((_, now) => {
      const all = closures.every((x) => !x.isOpen);
      if (all && Number.isNaN(allClosedSince)) allClosedSince = now;
      if (!all && !Number.isNaN(allClosedSince)) {
        allClosedHours += now - allClosedSince;
        allClosedSince = Number.NaN;
      }
    });
  }
  sharedWeather(sim, {
    timeBetween: exponentialFromMean(between),
    duration: deterministic(duration),
    monthlyRate: undefined,
    calendar: new SimCalendar('2025-01-01'),
    correlation,
    seaRng: createStream(seed, 'sea'),
    places: closures.map((closure, i) => ({ closure, rng: createStream(seed, `place${i}`) })),
  });
  const run = (hours: number) => {
    sim.run(hours);
    const together = allClosedHours + (Number.isNaN(allClosedSince) ? 0 : sim.now - allClosedSince);
    return { fractions: closures.map((c) => c.closedFraction), together: together / sim.now };
  };
  return { sim, closures, logs, run };
}

describe('followClosure', () => {
  it('closes the target while the source is closed, on top of the target\'s own closes', () => {
    const sim = new Simulation();
    const source = new Closure(sim, 'place');
    const target = new Closure(sim, 'waterside');
    target.close('own'); // already closed for its own reason
    const stop = followClosure(source, target, 'place closed');
    source.close();
    target.open('own');
    expect(target.isOpen).toBe(false); // still held by the source
    source.open();
    expect(target.isOpen).toBe(true);
    stop();
    source.close();
    expect(target.isOpen).toBe(true); // no longer following
  });
});

describe('sharedWeather', () => {
  it('closes every place at the same instants with correlation 1', () => {
    const { logs, closures, run } = storms(1, 100, 20, 3);
    run(20_000);
    expect(logs[0]?.length).toBeGreaterThan(100);
    expect(logs[1]).toEqual(logs[0]);
    expect(logs[2]).toEqual(logs[0]);
    expect(closures.map((c) => c.closures)).toEqual([closures[0]?.closures, closures[0]?.closures, closures[0]?.closures]);
  });

  it('gives each place its own storms with correlation 0', () => {
    const { logs, run } = storms(0, 100, 20);
    run(20_000);
    const starts = (log: string[] | undefined) => (log ?? []).filter((e) => e.endsWith('closed')).map((e) => Number(e.split(':')[0]));
    const a = new Set(starts(logs[0]));
    const b = starts(logs[1]);
    expect(a.size).toBeGreaterThan(100);
    expect(b.length).toBeGreaterThan(100);
    // Independent exponential onsets never coincide.
    expect(b.filter((t) => a.has(t))).toEqual([]);
  });

  // Long runs: U ~ Exp(mean 100 h) in the driver, D = 20 h, T = 4e6 h. A sea-wide share c of the
  // onset rate makes the sea-wide episodes an alternating renewal process with open spells of
  // mean 100 / c, closed fraction fs = D / (100/c + D); each place's local episodes one with mean
  // 100 / (1 - c), fl = D / (100/(1-c) + D). The processes are independent, so in the long run
  //   place closed:      f    = 1 - (1 - fs)(1 - fl)
  //   both places closed: f2 = fs + (1 - fs) fl^2.
  // Standard error of one renewal process's closed fraction over T (delta method on the mean
  // cycle C = U + D): sd = D sd(U) / (E[C]^1.5 sqrt(T)); with mean-200 spells (c = 0.5):
  // 20 x 200 / (220^1.5 x 2000) = 6.1e-4, with mean-100 spells (c = 0 or 1): 7.6e-4. A union or
  // intersection of two independent processes has at most about sqrt(2) of that: under 1.1e-3,
  // so the bands below (4 sd) are 0.0045 for single places and for c = 0.5 pairs.
  const T = 4_000_000;

  it('c = 0.5: closed fraction 21/121 per place, 131/1331 for both', () => {
    const { fractions, together } = storms(0.5, 100, 20, 2, 11).run(T);
    // fs = fl = 20 / 220 = 1/11: f = 1 - (10/11)^2 = 21/121 = 0.1736; f2 = 1/11 + (10/11)(1/121).
    for (const f of fractions) expect(Math.abs(f - 21 / 121)).toBeLessThan(0.0045);
    expect(Math.abs(together - 131 / 1331)).toBeLessThan(0.0045);
    // Not independent (that would be f^2 = 0.030) and not identical (f = 0.174).
    expect(together).toBeGreaterThan(0.08);
    expect(together).toBeLessThan(0.12);
  });

  it('c = 0: closed fraction 1/6 per place, (1/6)^2 for both', () => {
    const { fractions, together } = storms(0, 100, 20, 2, 12).run(T);
    for (const f of fractions) expect(Math.abs(f - 1 / 6)).toBeLessThan(0.0045);
    // Product of two independent fractions: sd about 2 x (1/6) x 7.6e-4 = 2.5e-4; band 0.001.
    expect(Math.abs(together - 1 / 36)).toBeLessThan(0.001);
  });

  it('c = 1: closed fraction 1/6, and both closed whenever one is', () => {
    const { fractions, together } = storms(1, 100, 20, 2, 13).run(T);
    expect(Math.abs((fractions[0] as number) - 1 / 6)).toBeLessThan(0.0045);
    expect(fractions[1]).toBe(fractions[0]);
    expect(together).toBeCloseTo(fractions[0] as number, 12);
  });
});
