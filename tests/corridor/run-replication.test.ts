import { describe, expect, it } from 'vitest';
import { loadScenarioModel } from '../../src/corridor/load-scenario.ts';
import { runReplication } from '../../src/corridor/runtime/run-replication.ts';
import type { JourneyRow } from '../../src/corridor/runtime/container.ts';
import { model, poisson, rail, route, terminal, yard } from './fixtures-compiled.ts';

// A -- rail1 (train of 2 FEU, 10 h) --> Y (yard, 5 h per train) -- rail2 (2 FEU, 4 h) --> B
const legs = [rail('rail1', 'a', 'y', 2, 10), rail('rail2', 'y', 'b', 2, 4)];
const legIds = new Set(['rail1', 'rail2']);
const line = route('r', ['a', 'rail1', 'y', 'rail2', 'b'], legIds);
const small = model([terminal('a', 1, 1), yard('y', 1, 5), terminal('b', 1, 0.5)], legs, [line]);

describe('runReplication on a deterministic model', () => {
  it('gives the hand-computed transit times', () => {
    // c0 arrives 0, handled 0-1; c1 arrives 0.5, waits for the crane, handled 1-2. The train is
    // full at 2 and runs 2-12; the yard processes it 12-17; the second train runs 17-21;
    // B handles c0 21-21.5 and c1 21.5-22. Transit: c0 21.5 h, c1 22 - 0.5 = 21.5 h.
    const rows: JourneyRow[] = [];
    const result = runReplication(small, {
      seed: 1,
      warmupHours: 0,
      horizonHours: 100,
      scriptedArrivals: [{ time: 0, route: 'r' }, { time: 0.5, route: 'r' }],
      journeyLog: (row) => rows.push(row),
    });
    const r = result.routes[0];
    expect(r?.transit.count).toBe(2);
    expect(r?.transit.mean).toBe(21.5);
    expect(r?.transit.max).toBe(21.5);
    expect(result.containers).toEqual({ entered: 2, delivered: 2, inSystem: 0 });
    const c1 = rows.filter((row) => row.container === 1).map((row) => [row.stage, row.arrived, row.started, row.left]);
    expect(c1).toEqual([
      ['a', 0.5, 1, 2],
      ['rail1', 2, 2, 12],
      ['y', 12, 12, 17],
      ['rail2', 17, 17, 21],
      ['b', 21, 21.5, 22],
    ]);
    const stage = (id: string) => result.stages.find((s) => s.id === id);
    // Waits: at A, c1 waited 0.5 h; on rail1, c0 waited 1 h for the train to fill; at B c1 0.5 h.
    expect(stage('a')?.totalWaitHours).toBe(0.5);
    expect(stage('rail1')?.totalWaitHours).toBe(1);
    expect(stage('y')?.totalWaitHours).toBe(0);
    expect(stage('b')?.totalWaitHours).toBe(0.5);
    expect(stage('rail1')?.waitShare).toBeCloseTo(0.5, 12);
    expect(result.bottlenecks).toEqual(['rail1', 'a', 'b']);
    // Daily mean queues over 100 h: four complete days. At A, c1 waited 0.5 h on day 1.
    expect(stage('a')?.dailyQueue).toEqual([0.5 / 24, 0, 0, 0]);
    // rail1: c0 waited 1-2 h for the train to fill (1 FEU-hour on day 1).
    expect(stage('rail1')?.dailyQueue).toEqual([1 / 24, 0, 0, 0]);
    expect(r?.transit.quantiles).toHaveLength(21);
    expect(r?.transit.quantiles.every((x) => Math.abs(x - 21.5) <= 21.5 * 0.005)).toBe(true);
  });

  it('holds a train in the yard while another occupies the only track', () => {
    // A lot of four at t=0: A handles one FEU per hour, c0..c3 over 0-4. Train 1 (c0, c1) leaves
    // at 2 and reaches Y at 12; train 2 (c2, c3) leaves at 4 (its path is free: 24 paths a day)
    // and reaches Y at 14, where it waits for the only track until train 1 is done at 17.
    const rows: JourneyRow[] = [];
    runReplication(small, {
      seed: 1,
      warmupHours: 0,
      horizonHours: 100,
      scriptedArrivals: [{ time: 0, route: 'r', lot: 4 }],
      journeyLog: (row) => rows.push(row),
    });
    const atYard = rows.filter((row) => row.stage === 'y').map((row) => [row.container, row.arrived, row.started, row.left]);
    expect(atYard).toEqual([
      [0, 12, 12, 17],
      [1, 12, 12, 17],
      [2, 14, 17, 22],
      [3, 14, 17, 22],
    ]);
  });

  it('conserves containers: entered = delivered + in system', () => {
    const busy = model([terminal('a', 1, 1), yard('y', 1, 5), terminal('b', 1, 0.5)], legs, [line], [poisson('d', 'r', 100)]);
    const result = runReplication(busy, { seed: 7, warmupHours: 168, horizonHours: 4 * 168 });
    const { entered, delivered, inSystem } = result.containers;
    expect(entered).toBeGreaterThan(300);
    expect(entered).toBe(delivered + inSystem);
    expect(inSystem).toBeGreaterThan(0);
  });

  it('lets two routes that share a node see each other\'s load', () => {
    // Route r2 enters at C and shares terminal B (1 crane, 0.5 h per FEU) with route r.
    // Alone, B sees r's trains of 2 FEU (utilization about 40/168 * 0.5 = 0.12); with r2's
    // 200 FEU/week it is about 0.71 busy, and r's containers queue behind r2's.
    const nodes = [terminal('a', 1, 1), yard('y', 1, 5), terminal('b', 1, 0.5), terminal('c', 1, 0.1)];
    const legs2 = [...legs, rail('feeder', 'c', 'b', 1, 1)];
    const ids = new Set(['rail1', 'rail2', 'feeder']);
    const routes = [line, route('r2', ['c', 'feeder', 'b'], ids)];
    const alone = runReplication(model(nodes, legs2, routes, [poisson('d1', 'r', 40)]), { seed: 3, warmupHours: 168, horizonHours: 8 * 168 });
    const shared = runReplication(model(nodes, legs2, routes, [poisson('d1', 'r', 40), poisson('d2', 'r2', 200)]), { seed: 3, warmupHours: 168, horizonHours: 8 * 168 });
    const totalWaitAtB = (r: typeof alone) => r.stages.find((s) => s.id === 'b')?.totalWaitHours ?? Number.NaN;
    const transit = (r: typeof alone) => r.routes[0]?.transit.mean ?? Number.NaN;
    expect(totalWaitAtB(shared)).toBeGreaterThan(2 * totalWaitAtB(alone));
    expect(transit(shared)).toBeGreaterThan(transit(alone) + 0.1);
    expect(shared.stages.find((s) => s.id === 'b')?.utilization).toBeGreaterThan(alone.stages.find((s) => s.id === 'b')?.utilization ?? 1);
  });

  it('is reproducible from its seed', () => {
    const busy = model([terminal('a', 2, 1), yard('y', 1, 5), terminal('b', 1, 0.5)], legs, [line], [poisson('d', 'r', 150)]);
    const a = runReplication(busy, { seed: 11, warmupHours: 100, horizonHours: 1000 });
    const b = runReplication(busy, { seed: 11, warmupHours: 100, horizonHours: 1000 });
    const c = runReplication(busy, { seed: 12, warmupHours: 100, horizonHours: 1000 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('without stage statistics simulates the same run: the same route, flow and network figures, no stages', () => {
    // The shipped corridor (ferry berths, closures, trains, background traffic): monitors sit on
    // every kind's hot path, so any effect they had on the run would show in the routes.
    const corridor = loadScenarioModel({ model: 'models/middle-corridor.yaml' });
    const options = { seed: 5, warmupHours: 24 * 20, horizonHours: 24 * 120 };
    const full = runReplication(corridor, options);
    const routesOnly = runReplication(corridor, { ...options, stageStatistics: false });
    expect(full.stages.length).toBeGreaterThan(10);
    expect(full.routes.some((r) => r.transit.count > 100)).toBe(true);
    expect(routesOnly.stages).toEqual([]);
    expect(routesOnly.bottlenecks).toEqual([]);
    const same = (r: typeof full): string => JSON.stringify([r.routes, r.flows, r.containers, r.meanInSystem]);
    expect(same(routesOnly)).toBe(same(full));
  });
});
