/**
 * Background traffic end to end, from a YAML model: unit conversion to FEU-equivalents (a truck
 * is 46/50 = 0.92 FEU-eq, a TEU 0.5, a train its trainFeu), that background never enters the
 * route statistics or the container balance, and that each stage's backgroundFeuPerWeek matches
 * the flow's rate over a long horizon within a Poisson 4-sigma band (fixed seed).
 */
import { describe, expect, it } from 'vitest';
import { loadModelText } from '../../../src/corridor/load-model.ts';
import { runReplication } from '../../../src/corridor/runtime/run-replication.ts';

// No demand: only background. Capacities are far above the background loads, so nothing queues.
const TEXT = `
model: background-test
title: Background only
startDate: 2025-01-01
nodes:
  a:
    kind: terminal
    name: A
    handling: { servers: 100, time: { dist: deterministic, value: 0.1, unit: hours } }
  y:
    kind: yard
    name: Y
    tracks: 20
    processing: { westbound: { dist: deterministic, value: 1, unit: hours } }
  b:
    kind: terminal
    name: B
    handling: { servers: 4, time: { dist: deterministic, value: 0.1, unit: hours } }
legs:
  ay:
    kind: rail
    name: A to Y
    from: a
    to: y
    train: { capacityFeu: 10 }
    departure: { policy: whenFull }
    pathsPerDay: 24
    running: { dist: deterministic, value: 1, unit: hours }
  yb:
    kind: rail
    name: Y to B
    from: y
    to: b
    train: { capacityFeu: 10 }
    departure: { policy: whenFull }
    pathsPerDay: 24
    running: { dist: deterministic, value: 1, unit: hours }
routes:
  r: { name: R, mode: other, stages: [a, ay, y, yb, b] }
background:
  - { id: trucks, at: a, volume: { perYear: 87600, unit: truck } }
  - { id: boxes, at: b, volume: { perYear: 17520, unit: teu } }
  - { id: border-trains, at: y, volume: { perYear: 365, unit: train }, trainFeu: 50, direction: eastbound }
  - { id: line-trains, at: yb, volume: { perYear: 730, unit: train }, trainFeu: 40 }
`;
const compiled = loadModelText(TEXT, 'background-test.yaml');
const flow = (id: string) => compiled.background.find((b) => b.id === id);

describe('background traffic', () => {
  it('converts units to FEU-equivalent arrivals per hour', () => {
    // 87600 trucks a year = 10 an hour, x 46/50 FEU-eq each = 9.2 FEU-eq per hour, counted as
    // 9.2 single-FEU arrivals. 17520 TEU a year = 8760 FEU = 1 per hour. Trains keep their count
    // (365 a year = 1/24 per hour) and carry trainFeu each.
    expect(flow('trucks')?.arrivalsPerHour).toBeCloseTo(9.2, 12);
    expect(flow('trucks')?.feuPerArrival).toBe(1);
    expect(flow('boxes')?.arrivalsPerHour).toBeCloseTo(1, 12);
    expect([flow('border-trains')?.arrivalsPerHour, flow('border-trains')?.feuPerArrival, flow('border-trains')?.direction]).toEqual([1 / 24, 50, 'eastbound']);
    expect([flow('line-trains')?.arrivalsPerHour, flow('line-trains')?.feuPerArrival]).toEqual([730 / 8760, 40]);
  });

  // Four years measured after a week of warm-up.
  const horizon = 4 * 8760;
  const weeks = horizon / 168;
  const result = runReplication(compiled, { seed: 2025, warmupHours: 168, horizonHours: horizon });
  const stage = (id: string) => {
    const s = result.stages.find((x) => x.id === id);
    if (s === undefined) throw new Error(`no stage ${id}`);
    return s;
  };

  it('never enters the routes, the container balance or the study figures', () => {
    expect(result.containers).toEqual({ entered: 0, delivered: 0, inSystem: 0 });
    expect([result.routes[0]?.entered, result.routes[0]?.delivered, result.routes[0]?.transit.count]).toEqual([0, 0, 0]);
    for (const id of ['a', 'y', 'yb', 'b']) {
      const s = stage(id);
      expect([s.containers, s.feuPerWeek, s.meanWaitHours, s.meanQueueFeu, s.totalWaitHours]).toEqual([0, 0, 0, 0, 0]);
      expect(s.backgroundFeuPerWeek).toBeGreaterThan(0);
    }
    // But it takes capacity: a's 100 servers are busy 9.2 x 0.1 = 0.92 on average (0.0092).
    expect(stage('a').utilization).toBeCloseTo(0.0092, 3);
    expect(result.bottlenecks).toEqual([]);
  });

  it('matches each flow\'s rate within a Poisson 4-sigma band', () => {
    // Count N ~ Poisson(rate x horizon) arrivals (units or trains); FEU-eq per week is
    // N x feuPerArrival / weeks, so mean rate x 168 x feu and sd sqrt(rate x horizon) x feu / weeks.
    // The few units in service at the two ends of the horizon are well inside the band.
    const cases: Array<[string, string]> = [['a', 'trucks'], ['b', 'boxes'], ['y', 'border-trains'], ['yb', 'line-trains']];
    for (const [at, id] of cases) {
      const f = flow(id);
      if (f === undefined) throw new Error(`no flow ${id}`);
      const expected = f.arrivalsPerHour * 168 * f.feuPerArrival;
      const sd = (Math.sqrt(f.arrivalsPerHour * horizon) * f.feuPerArrival) / weeks;
      // e.g. trucks: 1545.6 +- 4 x 2.72 per week; border trains: 350 +- 4 x 9.16.
      expect(Math.abs(stage(at).backgroundFeuPerWeek - expected), `${id} at ${at}`).toBeLessThan(4 * sd);
    }
  });
});
