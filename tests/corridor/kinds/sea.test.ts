/**
 * Sea leg on tiny deterministic models: timetabled sailings with a cut-off, the allocation per
 * sailing, transit, sailings cancelled while the loading port's waterside (or the leg) is closed
 * but not while the destination is, and `reduced` scaling the allocation. Expected numbers are
 * worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledDisruption, CompiledModel, CompiledSeaLeg } from '../../../src/corridor/compiled.ts';
import { model, route } from '../fixtures-compiled.ts';
import { runLogged, seaLeg, term, windowed } from './kit.ts';

// Port a (1 server, `handling` h) -- sea leg s --> port b (never a constraint).
function lane(s: CompiledSeaLeg, opts: { handling?: number; a?: CompiledDisruption[]; b?: CompiledDisruption[] } = {}): CompiledModel {
  const a = term('a', 1, opts.handling ?? 1, { disruptions: opts.a ?? [] });
  return model([a, term('b', 100, 0, { disruptions: opts.b ?? [] })], [s], [route('r', ['a', 's', 'b'], new Set(['s']))]);
}

describe('sea: liner timetable', () => {
  it('takes boxes that make the cut-off and carries them for the transit time', () => {
    // A sailing every 24 h from 0, cut-off 6 h, 100 h transit. Box 0 (at a 16, on the quay 17)
    // makes the 24 h sailing (17 <= 24 - 6) and arrives at 124; box 1 (at a 17.5, quay 18.5)
    // misses that cut-off, sails at 48 and arrives at 148. Transit 108 and 130.5 h.
    const run = runLogged(lane(seaLeg('s', 'a', 'b', 10, 24, 6, 100)), [16, 17.5].map((time) => ({ time, route: 'r' })), 200);
    expect(run.at('s')).toEqual([
      [0, 17, 24, 124],
      [1, 18.5, 48, 148],
    ]);
    expect(run.result.routes[0]?.transit.mean).toBe((108 + 130.5) / 2);
    expect(run.stage('s').meanWaitHours).toBe((7 + 29.5) / 2);
  });

  it('carries at most the allocation per sailing', () => {
    // 2 FEU per sailing; three boxes on the quay at 1, 2, 3: two sail at 24, the third at 48.
    const run = runLogged(lane(seaLeg('s', 'a', 'b', 2, 24, 6, 100)), [{ time: 0, route: 'r', lot: 3 }], 200);
    expect(run.at('s').map((r) => r[2])).toEqual([24, 24, 48]);
  });
});

describe('sea: closures and reduced allocation', () => {
  // A box on the quay at 31 would take the 48 h sailing; a closure over [40, 50) decides.
  const oneBox = [{ time: 30, route: 'r' }];
  const closedWindow = [windowed('closed', 40, 50, { scope: 'waterside' })];

  it('cancels a sailing while the loading port\'s waterside is closed', () => {
    // The 48 h sailing falls in a's closure: cancelled; the box sails at 72 (waited 41 h).
    const run = runLogged(lane(seaLeg('s', 'a', 'b', 10, 24, 0, 100), { a: closedWindow }), oneBox, 200);
    expect(run.at('s')).toEqual([[0, 31, 72, 172]]);
    expect(run.stage('a').closedShare).toBe(10 / 200);
  });

  it('cancels a sailing while the leg itself is closed', () => {
    const run = runLogged(lane(seaLeg('s', 'a', 'b', 10, 24, 0, 100, { disruptions: [windowed('closed', 40, 50)] })), oneBox, 200);
    expect(run.at('s').map((r) => r[2])).toEqual([72]);
  });

  it('keeps the sailing when only the destination port is closed', () => {
    const run = runLogged(lane(seaLeg('s', 'a', 'b', 10, 24, 0, 100), { b: closedWindow }), oneBox, 200);
    expect(run.at('s').map((r) => r[2])).toEqual([48]);
  });

  it('delivers a hand count of FEU when every other sailing is cancelled', () => {
    // 2 FEU per sailing, every 24 h from 0, 10 h transit, 30 FEU on the quay from 0 (handling
    // 0 h). Sailings that arrive before 200: 0, 24, ..., 168 (8 sailings, 16 FEU). a's
    // waterside closed [20, 30) every 48 h cancels those at 24, 72, 120, 168: 4 x 2 = 8 FEU.
    const lot = [{ time: 0, route: 'r', lot: 30 }];
    const open = runLogged(lane(seaLeg('s', 'a', 'b', 2, 24, 0, 10), { handling: 0 }), lot, 200);
    expect(open.result.routes[0]?.delivered).toBe(16);
    const closed = runLogged(lane(seaLeg('s', 'a', 'b', 2, 24, 0, 10), { handling: 0, a: [windowed('closed', 20, 30, { scope: 'waterside', repeatEvery: 48 })] }), lot, 200);
    expect(closed.result.routes[0]?.delivered).toBe(8);
    expect(closed.at('s').map((r) => r[2])).toEqual([0, 0, 48, 48, 96, 96, 144, 144]);
  });

  it('scales the allocation per sailing by a reduced factor', () => {
    // 4 FEU per sailing at factor 0.5: 2 per sailing, 8 sailings arrive before 200 -> 16 FEU.
    const lot = [{ time: 0, route: 'r', lot: 40 }];
    const reduced = runLogged(lane(seaLeg('s', 'a', 'b', 4, 24, 0, 10, { disruptions: [windowed('reduced', 0, 500, { factor: 0.5 })] }), { handling: 0 }), lot, 200);
    expect(reduced.result.routes[0]?.delivered).toBe(16);
  });
});
