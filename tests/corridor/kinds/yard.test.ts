/**
 * Yard stage on tiny deterministic models: a train's boxes wait together for a track and leave
 * together, `trainsPerDay` is a minimum headway between train starts, a closure window delays a
 * train start exactly, and background trains take tracks (measured apart). Expected numbers are
 * worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledYard } from '../../../src/corridor/compiled.ts';
import { model, rail, route } from '../fixtures-compiled.ts';
import { handNetwork, runLogged, studyBox, term, visitAt, windowed, yardNode } from './kit.ts';

// a (4 servers, 1 h) -- rail1: 2-FEU trains, 10 h, a path an hour --> y -- rail2 (2 FEU, 1 h) --> b.
// A lot of 4 at t=0 is handled 0-1 at a; train 1 takes the path at 1 and train 2 at 2 (one path
// per hour), so the two trains reach y at 11 and 12.
function corridor(y: CompiledYard) {
  const legs = [rail('rail1', 'a', 'y', 2, 10), rail('rail2', 'y', 'b', 2, 1)];
  return model([term('a', 4, 1), y, term('b', 100, 0)], legs, [route('r', ['a', 'rail1', 'y', 'rail2', 'b'], new Set(['rail1', 'rail2']))]);
}
const lotOf4 = [{ time: 0, route: 'r', lot: 4 }];

describe('yard: whole trains on tracks', () => {
  it('keeps a train\'s boxes together while they wait for the only track', () => {
    // One track, 5 h per train: train 1 (boxes 0, 1) is processed 11-16; train 2 (boxes 2, 3)
    // arrives at 12, waits for the track until 16 and leaves at 21. Waits 0, 0, 4, 4: mean 2.
    const run = runLogged(corridor(yardNode('y', 1, 5)), lotOf4, 100);
    expect(run.at('y')).toEqual([
      [0, 11, 11, 16],
      [1, 11, 11, 16],
      [2, 12, 16, 21],
      [3, 12, 16, 21],
    ]);
    expect(run.stage('y').meanWaitHours).toBe(2);
    expect(run.stage('y').containers).toBe(4);
  });

  it('spaces train starts by 24 / trainsPerDay hours', () => {
    // Two tracks, 1 h per train, 4 trains per day = a start every 6 h. Train 1 starts at 11;
    // train 2 has a free track at 12 but may start only at 11 + 6 = 17, and leaves at 18.
    // Without the cap it would start at 12.
    const capped = runLogged(corridor(yardNode('y', 2, 1, { minHeadway: 24 / 4 })), lotOf4, 100);
    expect(capped.at('y').map((r) => [r[2], r[3]])).toEqual([[11, 12], [11, 12], [17, 18], [17, 18]]);
    const free = runLogged(corridor(yardNode('y', 2, 1)), lotOf4, 100);
    expect(free.at('y').map((r) => r[2])).toEqual([11, 11, 12, 12]);
  });

  it('starts no train while closed', () => {
    // Closed [10, 14): train 1 (at 11) starts at the reopening, 14, and leaves at 19; train 2
    // (at 12) then waits for the track until 19 and leaves at 24. Closed share 4 / 100 h.
    const y = yardNode('y', 1, 5, { disruptions: [windowed('closed', 10, 14)] });
    const run = runLogged(corridor(y), lotOf4, 100);
    expect(run.at('y')).toEqual([
      [0, 11, 14, 19],
      [1, 11, 14, 19],
      [2, 12, 19, 24],
      [3, 12, 19, 24],
    ]);
    expect(run.stage('y').closedShare).toBe(0.04);
  });

  it('starts no train while closed, even one that already holds a track', () => {
    // Two tracks, 1 h per train, a start every 6 h, closed [14, 20). Train 1 starts at 11.
    // Train 2 takes the free track at 12 and waits for its start slot, free at 17, inside the
    // closure: it starts at the reopening, 20, and leaves at 21.
    const y = yardNode('y', 2, 1, { minHeadway: 6, disruptions: [windowed('closed', 14, 20)] });
    const run = runLogged(corridor(y), lotOf4, 100);
    expect(run.at('y').map((r) => [r[2], r[3]])).toEqual([[11, 12], [11, 12], [20, 21], [20, 21]]);
  });

  it('lets background trains take tracks, measured apart', () => {
    // One track, 5 h per train. A background train of 50 FEU-eq at 0 holds the track 0-5. A
    // study train of 2 boxes arrives at 1, starts at 5 (wait 4 each) and leaves at 10. A second
    // background train at 2 waits for the track until 10 (wait 8): background waits 0 and 8.
    const { sim, network } = handNetwork(corridor(yardNode('y', 1, 5)));
    const y = network.byId.get('y');
    if (y === undefined) throw new Error('no stage y');
    y.admitBackground(50, 'westbound');
    sim.scheduleAt(2, () => y.admitBackground(50, 'eastbound'));
    const boxes = [studyBox(0, 1), studyBox(1, 1)];
    // Both came on one train (a yard groups the boxes of one arriving train).
    const train = { size: 2, started: 0, serial: -1 };
    for (const box of boxes) box.group = train;
    const visits = boxes.map((box) => visitAt(sim, y, box, 1));
    sim.run(30);
    expect(boxes.map((b) => b.started)).toEqual([5, 5]);
    expect(visits.map((v) => v.left)).toEqual([10, 10]);
    const m = y.monitor;
    expect([m.throughput.total, m.wait.mean]).toEqual([2, 4]);
    expect([m.backgroundFeu, m.backgroundWait.count, m.backgroundWait.mean]).toEqual([100, 2, 4]);
  });
});
