/**
 * Rail leg on tiny deterministic models: whenFull block-train assembly, two legs sharing a line
 * contending for its paths, a trainset fleet limiting departures by its return time, a leg
 * closure window holding a formed train, `reduced` stretching the path headway, and background
 * trains taking paths. Expected numbers are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledRailLeg } from '../../../src/corridor/compiled.ts';
import { model, route } from '../fixtures-compiled.ts';
import { fixed, handNetwork, railLeg, runLogged, studyBox, term, windowed, visitAt } from './kit.ts';

// a (`servers` servers, `handling` h) -- leg l --> b (never a constraint).
function corridor(l: CompiledRailLeg, servers = 1, handling = 1) {
  return model([term('a', servers, handling), term('b', 100, 0)], [l], [route('r', ['a', 'l', 'b'], new Set(['l']))]);
}

describe('rail: assembly, paths, trainsets, closures', () => {
  it('assembles a whenFull train of 3 FEU', () => {
    // Boxes at 0, 2, 5 are handled 0.5 h each at a: on the leg at 0.5, 2.5, 5.5. The train is
    // full at 5.5, takes the free path and runs 10 h: all three leave at 15.5. Waits 5, 3, 0
    // (mean 8/3). A fourth box at 6 has no train: still in the network at the end.
    const run = runLogged(corridor(railLeg('l', 'a', 'b', 3, 10, 24), 1, 0.5), [0, 2, 5, 6].map((time) => ({ time, route: 'r' })), 100);
    expect(run.at('l')).toEqual([
      [0, 0.5, 5.5, 15.5],
      [1, 2.5, 5.5, 15.5],
      [2, 5.5, 5.5, 15.5],
    ]);
    expect(run.stage('l').meanWaitHours).toBeCloseTo(8 / 3, 12);
    expect(run.result.containers).toEqual({ entered: 4, delivered: 3, inSystem: 1 });
  });

  it('makes two legs on one line wait for each other\'s paths', () => {
    // Line "main", 4 paths a day = one train every 6 h; 1-FEU trains, 10 h running.
    // Route 1 (a: 1 server, 1 h): boxes at 0 and 3 reach l1 at 1 and 4. Route 2 (c: 1 server,
    // 2 h): a box at 0 reaches l2 at 2. Paths in request order: l1 at 1 (line busy to 7), l2 at
    // 7 (waited 5), l1's second train at 13 (waited 9). On separate lines: l2 at 2, and l1's
    // second train at 7 (its own line is busy 1-7).
    const legsOn = (line2: string) => [railLeg('l1', 'a', 'b', 1, 10, 4, { line: 'main' }), railLeg('l2', 'c', 'd', 1, 10, 4, { line: line2 })];
    const nodes = [term('a', 1, 1), term('b', 100, 0), term('c', 1, 2), term('d', 100, 0)];
    const ids = new Set(['l1', 'l2']);
    const routes = [route('r1', ['a', 'l1', 'b'], ids), route('r2', ['c', 'l2', 'd'], ids)];
    const arrivals = [{ time: 0, route: 'r1' }, { time: 0, route: 'r2' }, { time: 3, route: 'r1' }];
    const shared = runLogged(model(nodes, legsOn('main'), routes), arrivals, 100);
    expect(shared.at('l1')).toEqual([
      [0, 1, 1, 11],
      [2, 4, 13, 23],
    ]);
    expect(shared.at('l2')).toEqual([[1, 2, 7, 17]]);
    const apart = runLogged(model(nodes, legsOn('other'), routes), arrivals, 100);
    expect(apart.at('l1').map((r) => r[2])).toEqual([1, 7]);
    expect(apart.at('l2').map((r) => r[2])).toEqual([2]);
  });

  it('lets a single trainset leave again only after running and returning', () => {
    // One trainset, 10 h running + 5 h return: back at a 15 h after it left. Two boxes leave a
    // at 1 (2 servers); 1-FEU trains. Train 1 leaves at 1; train 2 must wait for the trainset
    // until 16 and arrives at 26. Without a fleet it takes the next path, at 2.
    const fleet = { trainsets: 1, return: fixed(5) };
    const limited = runLogged(corridor(railLeg('l', 'a', 'b', 1, 10, 24, { fleet }), 2), [{ time: 0, route: 'r', lot: 2 }], 100);
    expect(limited.at('l')).toEqual([
      [0, 1, 1, 11],
      [1, 1, 16, 26],
    ]);
    const unlimited = runLogged(corridor(railLeg('l', 'a', 'b', 1, 10, 24), 2), [{ time: 0, route: 'r', lot: 2 }], 100);
    expect(unlimited.at('l').map((r) => r[2])).toEqual([1, 2]);
  });

  it('holds a formed train before its path while the leg is closed', () => {
    // Leg closed [0.5, 8). A box reaches the leg at 1 and its 1-FEU train forms at once, but
    // asks for a path only at the reopening, 8; it arrives at 18. Closed share 7.5 / 100 h.
    const l = railLeg('l', 'a', 'b', 1, 10, 24, { disruptions: [windowed('closed', 0.5, 8)] });
    const run = runLogged(corridor(l), [{ time: 0, route: 'r' }], 100);
    expect(run.at('l')).toEqual([[0, 1, 8, 18]]);
    expect(run.stage('l').closedShare).toBe(0.075);
  });

  it('lets no train leave while the leg is closed, even one already queued for a path', () => {
    // 4 paths a day (6 h), leg closed [3, 10). Boxes reach the leg at 1 and 2: train 1 takes
    // the path at 1 (line busy to 7); train 2 asks at 2, before the closure, and would get the
    // path at 7, inside it: it leaves at the reopening, 10, and arrives at 20.
    const l = railLeg('l', 'a', 'b', 1, 10, 4, { disruptions: [windowed('closed', 3, 10)] });
    const run = runLogged(corridor(l), [{ time: 0, route: 'r', lot: 2 }], 100);
    expect(run.at('l')).toEqual([
      [0, 1, 1, 11],
      [1, 2, 10, 20],
    ]);
  });

  it('does not let a closed leg block the line for an open leg', () => {
    // Line "main" (6 h headway); l1 closed [3, 10), l2 open. l1's trains ask at 1 and 2, l2's
    // at 4 (c: 4 h handling). l1's first goes at 1 (line busy to 7). At 7 the path would pass
    // to l1's second train, but l1 is closed: it gives the path up and l2's train goes at 7
    // (line busy to 13); l1's second train asks again at 10 and goes at 13.
    const legs = [railLeg('l1', 'a', 'b', 1, 10, 4, { line: 'main', disruptions: [windowed('closed', 3, 10)] }), railLeg('l2', 'c', 'd', 1, 10, 4, { line: 'main' })];
    const nodes = [term('a', 1, 1), term('b', 100, 0), term('c', 1, 4), term('d', 100, 0)];
    const ids = new Set(['l1', 'l2']);
    const m = model(nodes, legs, [route('r1', ['a', 'l1', 'b'], ids), route('r2', ['c', 'l2', 'd'], ids)]);
    const run = runLogged(m, [{ time: 0, route: 'r1', lot: 2 }, { time: 0, route: 'r2' }], 100);
    expect(run.at('l1').map((r) => r[2])).toEqual([1, 13]);
    expect(run.at('l2').map((r) => r[2])).toEqual([7]);
  });

  it('doubles this leg\'s path headway at reduced factor 0.5', () => {
    // 4 paths a day: a train holds the line 6 h, 12 h at factor 0.5 (active [0, 50)). Boxes
    // reach the leg at 1 and 2 (1 server, 1 h): train 2 gets its path at 1 + 12 = 13, vs 7.
    const lot = [{ time: 0, route: 'r', lot: 2 }];
    const reduced = runLogged(corridor(railLeg('l', 'a', 'b', 1, 10, 4, { disruptions: [windowed('reduced', 0, 50, { factor: 0.5 })] })), lot, 100);
    expect(reduced.at('l').map((r) => r[2])).toEqual([1, 13]);
    const normal = runLogged(corridor(railLeg('l', 'a', 'b', 1, 10, 4)), lot, 100);
    expect(normal.at('l').map((r) => r[2])).toEqual([1, 7]);
  });

  it('lets a background train take a path, measured apart', () => {
    // 4 paths a day (6 h headway). A background train of 60 FEU-eq takes the path at 0; a study
    // box on the leg at 1 forms a train that gets the path at 6 (waited 5) and arrives at 16.
    const { sim, network } = handNetwork(corridor(railLeg('l', 'a', 'b', 1, 10, 4)));
    const l = network.byId.get('l');
    if (l === undefined) throw new Error('no stage l');
    l.admitBackground(60, 'westbound');
    const box = studyBox(0, 1);
    const visit = visitAt(sim, l, box, 1);
    sim.run(30);
    expect([box.started, visit.left]).toEqual([6, 16]);
    expect([l.monitor.throughput.total, l.monitor.wait.mean]).toEqual([1, 5]);
    expect([l.monitor.backgroundFeu, l.monitor.backgroundWait.mean]).toEqual([60, 0]);
  });
});
