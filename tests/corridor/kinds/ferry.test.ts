/**
 * Ferry leg on tiny deterministic models: boxes load one by one as they arrive (the wait for a
 * vessel vs the time at the berth), a vessel anchors off a closed destination (the
 * anchor_berthing phase), the FEU delivered over a horizon when both ports share one
 * deterministic storm schedule versus when only the loading port closes (hand-counted vessel
 * cycles), and `repair` taking one of two vessels out. Expected numbers are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledDisruption, CompiledFerryLeg, CompiledModel } from '../../../src/corridor/compiled.ts';
import { model, route } from '../fixtures-compiled.ts';
import { ferryLeg, fixedWeather, handNetwork, runLogged, studyBox, term, weatherClosure, windowed, type FerryTimes, visitAt } from './kit.ts';

// Port a (terminal, `servers` x `handling` h) -- ferry f --> port b (never a constraint).
function crossing(f: CompiledFerryLeg, opts: { handling?: number; a?: CompiledDisruption[]; b?: CompiledDisruption[] } = {}): CompiledModel {
  const a = term('a', 1, opts.handling ?? 0, { disruptions: opts.a ?? [] });
  const b = term('b', 100, 0, { disruptions: opts.b ?? [] });
  return model([a, b], [f], [route('r', ['a', 'f', 'b'], new Set(['f']))]);
}

describe('ferry: loading, sailing, anchoring', () => {
  it('loads boxes as they arrive and splits their time into phases', () => {
    // 2-FEU vessel, 1 h loading and 0.5 h unloading per FEU, 10 h each way. Boxes reach the
    // ferry at 1, 4, 7, 8 (arrivals 0, 3, 6, 6.5 at a, 1 h handling). The vessel is at the
    // berth from 0: box 0 loads 1-2, box 1 4-5 (full), it sails 5-15 and unloads 15-15.5 and
    // 15.5-16, returns 16-26. Box 2 loads 26-27, box 3 27-28, sail 28-38, unload 38-38.5, 38.5-39.
    // wait_vessel 0, 0, 19, 19 (mean 9.5); at_berth 4, 1, 2, 1 (mean 2); sailing 10;
    // anchor 0; unloading 0.5, 1, 0.5, 1 (mean 0.75).
    const f = ferryLeg('f', 'a', 'b', 2, 1, { loadPerFeu: 1, sailing: 10, unloadPerFeu: 0.5, return: 10 });
    const run = runLogged(crossing(f, { handling: 1 }), [0, 3, 6, 6.5].map((time) => ({ time, route: 'r' })), 100);
    expect(run.at('f')).toEqual([
      [0, 1, 1, 15.5],
      [1, 4, 4, 16],
      [2, 7, 26, 38.5],
      [3, 8, 27, 39],
    ]);
    expect(run.stage('f').phases).toEqual({ wait_vessel: 9.5, at_berth: 2, sailing: 10, anchor_berthing: 0, unloading: 0.75 });
    expect(run.stage('f').meanWaitHours).toBe(9.5);
  });

  it('anchors off a closed destination and measures it', () => {
    // b's waterside closed [3, 9). Two boxes at 0 load 0-0.5 and 0.5-1 (the second waits 0.5
    // for the vessel), the 2-FEU vessel sails 1-5, anchors off b 5-9 and unloads 9-9.5, 9.5-10.
    // wait_vessel 0, 0.5; at_berth 1, 0.5; sailing 4; anchor 4; unloading 0.5, 1.
    const f = ferryLeg('f', 'a', 'b', 2, 1, { loadPerFeu: 0.5, sailing: 4, unloadPerFeu: 0.5, return: 4 });
    const run = runLogged(crossing(f, { b: [windowed('closed', 3, 9, { scope: 'waterside' })] }), [{ time: 0, route: 'r', lot: 2 }], 50);
    expect(run.at('f').map((r) => r[3])).toEqual([9.5, 10]);
    expect(run.stage('f').phases).toEqual({ wait_vessel: 0.25, at_berth: 0.75, sailing: 4, anchor_berthing: 4, unloading: 0.75 });
    // The landside of b keeps working: its own closed share is that of its waterside, 6 / 50 h.
    expect(run.stage('b').closedShare).toBe(0.12);
  });
});

describe('ferry: capacity lost to closures, hand-counted over 200 h', () => {
  // One 8-FEU vessel, 0.125 h per FEU to load and unload (1 h per call), 4 h each way: a 10 h
  // round trip. 300 FEU wait at a from t=0, so the vessel always sails full. A storm driver with
  // fixed 12 h open spells and 8 h storms, correlation 1, closes the ports' waterside
  // [12, 20), [32, 40), ... i.e. [20k + 12, 20k + 20).
  const times: FerryTimes = { loadPerFeu: 0.125, sailing: 4, unloadPerFeu: 0.125, return: 4 };
  const saturated = [{ time: 0, route: 'r', lot: 300 }];
  function stormy(a: boolean, b: boolean): CompiledModel {
    const m = crossing(ferryLeg('f', 'a', 'b', 8, 1, times), { a: a ? [weatherClosure('caspian')] : [], b: b ? [weatherClosure('caspian')] : [] });
    return { ...m, weather: new Map([['caspian', fixedWeather('caspian', 12, 8, 1)]]) };
  }

  it('delivers 8 FEU per 10 h cycle without storms: 160 FEU', () => {
    // Loads at 0, 10, ..., 190; each unloads 5-6 h after its load starts, the last 195-196.
    const run = runLogged(stormy(false, false), saturated, 200);
    expect(run.result.routes[0]?.delivered).toBe(160);
  });

  it('loses a quarter with both ports closed together: 120 FEU', () => {
    // Load 0-1, sail 1-5, unload 5-6 (b open), back at a at 10 (open): load 10-11, off b at 15
    // in the storm [12, 20): anchor to 20, unload 20-21, back at 25: load 25-26, unload 30-31,
    // back at a at 35 in the storm [32, 40): anchor to 40, load at 40, as at 0 (40 is a
    // multiple of the storm period 20). So 3 loads per 40 h instead of 4: 15 loads in 200 h,
    // the last unloading 190-191: 15 x 8 = 120 FEU. One load in three anchors 5 h off b.
    const run = runLogged(stormy(true, true), saturated, 200);
    expect(run.result.routes[0]?.delivered).toBe(120);
    expect(run.stage('f').phases.anchor_berthing).toBeCloseTo(5 / 3, 12);
    // Each port is closed 8 h in every 20: 80 of the 200 h.
    expect([run.stage('a').closedShare, run.stage('b').closedShare]).toEqual([0.4, 0.4]);
  });

  it('loses nothing when only the loading port closes on this schedule: 160 FEU', () => {
    // The vessel is back at a at 10, 20, 30, ...: 20k + 10 is before the storm and 20k + 20 is
    // its end (a window is closed [start, end)), and loading 20k + 10 to 20k + 11 ends before
    // the storm begins at 20k + 12. a is closed 40% of the time yet no cycle is lost.
    const run = runLogged(stormy(true, false), saturated, 200);
    expect(run.result.routes[0]?.delivered).toBe(160);
    expect(run.stage('f').phases.anchor_berthing).toBe(0);
    expect(run.stage('a').closedShare).toBe(0.4);
  });
});

describe('ferry: repair', () => {
  it('takes one of two vessels out of service for the first 50 h', () => {
    // Two 8-FEU vessels, one berth, 10 h round trip, saturated. Healthy: loads at 10k and
    // 10k + 1 (the second berths when the first leaves), 20 loads unloaded by 97 -> 160 FEU.
    // Repair of 1 vessel in [0, 50): loads at 0, 10, ..., 40 by one vessel; at 50 the second
    // comes back and the first returns: loads at 50, 51, ..., 90, 91. 5 + 10 = 15 loads -> 120.
    const times: FerryTimes = { loadPerFeu: 0.125, sailing: 4, unloadPerFeu: 0.125, return: 4 };
    const lot = [{ time: 0, route: 'r', lot: 300 }];
    const healthy = runLogged(crossing(ferryLeg('f', 'a', 'b', 8, 2, times)), lot, 100);
    expect(healthy.result.routes[0]?.delivered).toBe(160);
    const repaired = runLogged(crossing(ferryLeg('f', 'a', 'b', 8, 2, times, { disruptions: [windowed('repair', 0, 50, { units: 1 })] })), lot, 100);
    expect(repaired.result.routes[0]?.delivered).toBe(120);
    // Boxes whose loading began before 50: 5 loads x 8 FEU, by the one vessel left.
    expect(repaired.at('f').filter((r) => (r[2] as number) < 50)).toHaveLength(5 * 8);
  });
});

describe('ferry: background units', () => {
  it('take deck slots and berth time, but the queue and wait figures count only study boxes', () => {
    // One 2-FEU vessel, 1 h loading and 1 h unloading per FEU, 10 h each way. Three background
    // units board at 0 and a study box at 0.5. The vessel loads units 0-1 and 1-2 (full), sails
    // 2-12, unloads 12-14, returns 14-24; the third unit loads 24-25 and the box 25-26 (full),
    // sails 26-36, the box unloads 37-38. The box waited 24.5 h for a vessel; the queue figure
    // holds only the box, 1 FEU from 0.5 to 25: 24.5 FEU-hours over 50 h = 0.49.
    const f = ferryLeg('f', 'a', 'b', 2, 1, { loadPerFeu: 1, sailing: 10, unloadPerFeu: 1, return: 10 });
    const { sim, network } = handNetwork(crossing(f));
    const leg = network.byId.get('f');
    if (leg === undefined) throw new Error('no stage f');
    for (let i = 0; i < 3; i++) leg.admitBackground(1, 'westbound');
    const box = studyBox(0, 0.5);
    const visit = visitAt(sim, leg, box, 0.5);
    sim.run(50);
    expect([box.started, box.departed, visit.left]).toEqual([25, 26, 38]);
    const m = leg.monitor;
    expect([m.wait.count, m.wait.mean, m.backgroundFeu]).toEqual([1, 24.5, 3]);
    expect(m.queue.mean(50)).toBeCloseTo(24.5 / 50, 12);
    expect(m.queue.max).toBe(1);
  });
});
