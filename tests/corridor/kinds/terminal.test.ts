/**
 * Terminal stage on tiny deterministic models: the handling queue (servers x handling time, then
 * dwell), the gate headway, a closure window that stops handling, `repair` taking one of two
 * servers out in a saturated window, and background units that take servers but are measured
 * apart. Every expected number is worked out by hand in the comment above it.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledNode } from '../../../src/corridor/compiled.ts';
import { model, rail, route } from '../fixtures-compiled.ts';
import { fixed, handNetwork, runLogged, studyBox, term, windowed, visitAt } from './kit.ts';

// Terminal `a` under test, then a 1-FEU train to a terminal `b` that is never a constraint.
function corridor(a: CompiledNode) {
  const legs = [rail('l', 'a', 'b', 1, 1)];
  return model([a, term('b', 100, 0)], legs, [route('r', ['a', 'l', 'b'], new Set(['l']))]);
}

describe('terminal: handling servers, dwell and gate', () => {
  it('queues boxes for one server and adds the dwell', () => {
    // 3 boxes at 0, 1 server, 2 h each: handled 0-2, 2-4, 4-6; a 1 h dwell -> leave at 3, 5, 7.
    // Waits for the server 0, 2, 4 (mean 2); time after the wait 3 h each.
    const run = runLogged(corridor(term('a', 1, 2, { dwell: fixed(1) })), [{ time: 0, route: 'r', lot: 3 }], 100);
    expect(run.at('a')).toEqual([
      [0, 0, 0, 3],
      [1, 0, 2, 5],
      [2, 0, 4, 7],
    ]);
    expect(run.stage('a').containers).toBe(3);
    expect(run.stage('a').meanWaitHours).toBe(2);
    expect(run.stage('a').meanServiceHours).toBe(3);
  });

  it('lets boxes through the gate one headway apart', () => {
    // 3 servers, 1 h handling: all three are handled 0-1. The gate takes 12 per day, a 2 h
    // headway: through the gate 1-3, 3-5, 5-7. Gate waits 0, 2, 4 count as waiting (mean 2).
    const run = runLogged(corridor(term('a', 3, 1, { gateHeadway: 24 / 12 })), [{ time: 0, route: 'r', lot: 3 }], 100);
    expect(run.at('a').map((r) => r[3])).toEqual([3, 5, 7]);
    expect(run.at('a').map((r) => r[2])).toEqual([0, 0, 0]);
    expect(run.stage('a').meanWaitHours).toBe(2);
  });

  it('starts no handling while closed; the box in hand finishes', () => {
    // Closed [0.5, 5). Box 0 (t=0) is handled 0-1 across the close. Box 1 (t=1) and box 2
    // (t=2) wait for the reopening: handled 5-6 and 6-7. Closed share 4.5 / 50 h = 0.09.
    const a = term('a', 1, 1, { disruptions: [windowed('closed', 0.5, 5)] });
    const run = runLogged(corridor(a), [0, 1, 2].map((time) => ({ time, route: 'r' })), 50);
    expect(run.at('a')).toEqual([
      [0, 0, 0, 1],
      [1, 1, 5, 6],
      [2, 2, 6, 7],
    ]);
    expect(run.stage('a').closedShare).toBe(4.5 / 50);
  });

  it('halves throughput while one of two servers is in repair', () => {
    // 40 boxes at 0, 2 servers, 1 h each. Repair of 1 server in [0, 10): 1 box per hour, so 10
    // boxes have left by t=10 (vs 20 with both servers), and the other 30 take 15 h on two
    // servers: the last leaves at 25 (vs 20).
    const lot = [{ time: 0, route: 'r', lot: 40 }];
    const leftBy = (rows: number[][], t: number) => rows.filter((r) => (r[3] as number) <= t).length;
    const lastLeft = (rows: number[][]) => Math.max(...rows.map((r) => r[3] as number));
    const healthy = runLogged(corridor(term('a', 2, 1)), lot, 100).at('a');
    const repaired = runLogged(corridor(term('a', 2, 1, { disruptions: [windowed('repair', 0, 10, { units: 1 })] })), lot, 100).at('a');
    expect([leftBy(healthy, 10), lastLeft(healthy)]).toEqual([20, 20]);
    expect([leftBy(repaired, 10), lastLeft(repaired)]).toEqual([10, 25]);
  });

  it('gives background units a server without counting them as study traffic', () => {
    // 1 server, 1 h each. Two background units at 0 take the server 0-1 and 1-2 (waits 0 and 1,
    // mean 0.5). A study box arriving at 0.5 waits 1.5 h, is handled 2-3 and is the only
    // container the stage counts; the background appears only as 2 FEU-equivalents.
    const { sim, network } = handNetwork(corridor(term('a', 1, 1)));
    const a = network.byId.get('a');
    if (a === undefined) throw new Error('no stage a');
    a.admitBackground(1, 'westbound');
    a.admitBackground(1, 'westbound');
    const box = studyBox(0, 0.5);
    const visit = visitAt(sim, a, box, 0.5);
    sim.run(10);
    expect([box.started, visit.left]).toEqual([2, 3]);
    const m = a.monitor;
    expect([m.throughput.total, m.wait.count, m.wait.mean]).toEqual([1, 1, 1.5]);
    expect([m.backgroundFeu, m.backgroundWait.count, m.backgroundWait.mean]).toEqual([2, 2, 0.5]);
    // The busy server counts background too: busy 0-3 out of 10 h on 1 server.
    expect(m.busy.mean(10)).toBeCloseTo(0.3, 12);
  });

  it('names each step of a visit in the event trace', () => {
    // 1 server, 1 h handling, 2 h dwell, a gate of 0.5 h: a box arriving at 0 is handled 0-1,
    // dwells 1-3, passes the gate 3-3.5. The trace names the steps in that order.
    const { sim, network } = handNetwork(corridor(term('a', 1, 1, { dwell: fixed(2), gateHeadway: 0.5 })));
    const a = network.byId.get('a');
    if (a === undefined) throw new Error('no stage a');
    const box = studyBox(7, 0);
    const lines: string[] = [];
    sim.tracer = (time, target, data) => {
      if (target === box) lines.push(`${time} ${box.describe(data)}`);
    };
    const visit = visitAt(sim, a, box, 0);
    sim.run(10);
    expect(visit.left).toBe(3.5);
    expect(lines).toEqual(['0 container 7 at a: arrive', '0 container 7 at a: handling', '1 container 7 at a: handled', '3 container 7 at a: dwelt', '3 container 7 at a: at gate', '3.5 container 7 at a: through gate']);
  });
});
