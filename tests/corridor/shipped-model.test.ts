import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/corridor/load-model.ts';
import type { CompiledModel } from '../../src/corridor/compiled.ts';
import { runReplication } from '../../src/corridor/runtime/run-replication.ts';
import type { ReplicationResult } from '../../src/corridor/runtime/result.ts';

// A plausibility check of the shipped Middle Corridor model at the 2024 volume (56,500 TEU on
// the corridor, TITR Association via Astana Times, 6 Mar 2025). No published end-to-end figure
// is a test target: the bounds below are wide sanity ranges, each with its reason.
describe('models/middle-corridor.yaml, one seeded year at the 2024 volume', () => {
  let model: CompiledModel;
  let result: ReplicationResult;
  const days = (id: string): number => (result.routes.find((r) => r.id === id)?.transit.mean ?? Number.NaN) / 24;

  beforeAll(() => {
    model = loadModel('models/middle-corridor.yaml');
    result = runReplication(model, { seed: 2024, warmupHours: 60 * 24, horizonHours: 365 * 24 });
  });

  it('conserves containers and delivers what enters (a stable network)', () => {
    const { entered, delivered, inSystem } = result.containers;
    expect(entered).toBe(delivered + inSystem);
    // Per route, what is simulated on it: the assigned volume, or the probe on an uncongested route.
    const simulated = new Map<string, number>();
    for (const demand of model.demand) {
      for (const c of demand.choices) {
        const probe = model.routes.get(c.route)?.probeFeuPerWeek;
        simulated.set(c.route, (simulated.get(c.route) ?? 0) + (probe !== undefined ? (c.share > 0 ? probe : 0) : demand.feuPerHour * 168 * c.share));
      }
    }
    for (const [id, perWeek] of simulated) {
      const route = result.routes.find((r) => r.id === id);
      // Delivered per week within 15% of what enters per week: no route is overloaded at 2024 volume.
      expect(route?.feuPerWeek, id).toBeGreaterThan(perWeek * 0.85);
      expect(route?.feuPerWeek, id).toBeLessThan(perWeek * 1.15);
    }
  });

  it('carries about the 2024 corridor volume across the Caspian', () => {
    // 56,500 TEU/year = 28,250 FEU/year = 543 FEU/week crossing the Caspian (both crossings).
    const caspian = result.stages.filter((s) => s.kind === 'ferry').reduce((sum, s) => sum + s.feuPerWeek, 0);
    expect(caspian).toBeGreaterThan(543 * 0.9);
    expect(caspian).toBeLessThan(543 * 1.1);
  });

  it('gives transit times in plausible ranges and the right order between routes', () => {
    // Sea Shanghai-Rotterdam: 27 d theoretical to ~35 d typical via Suez; the Cape adds 7-14 d.
    expect(days('sea-suez-shanghai-rotterdam')).toBeGreaterThan(27);
    expect(days('sea-suez-shanghai-rotterdam')).toBeLessThan(45);
    expect(days('sea-cape-shanghai-rotterdam') - days('sea-suez-shanghai-rotterdam')).toBeGreaterThan(7);
    // Northern rail Xi'an-Malaszewicze is 12-14 d (Navis); to Duisburg a few days more.
    expect(days('northern-xian-duisburg')).toBeGreaterThan(12);
    expect(days('northern-xian-duisburg')).toBeLessThan(30);
    // The Middle Corridor to Europe is slower than the Northern route and not slower than 60 d.
    expect(days('mc-xian-aktau-duisburg')).toBeGreaterThan(days('northern-xian-duisburg'));
    expect(days('mc-xian-aktau-duisburg')).toBeLessThan(60);
    // Vietnam by rail through China takes 25-35 d to Europe (Ratraco); allow the Caspian on top.
    expect(days('mc-haiphong-rail-duisburg')).toBeGreaterThan(25);
    expect(days('mc-haiphong-rail-duisburg')).toBeLessThan(60);
  });

  it('finds the queues at the Caspian crossing, as published accounts describe', () => {
    // CPMM 2020: the Caspian crossing "could account for half of the total journey time".
    const top3 = result.bottlenecks.slice(0, 3);
    expect(top3).toContain('caspian-feeder-aktau-alat');
    for (const stage of result.stages) {
      expect(stage.meanWaitHours).toBeGreaterThanOrEqual(0);
      if (!Number.isNaN(stage.utilization)) {
        expect(stage.utilization).toBeGreaterThanOrEqual(0);
        expect(stage.utilization).toBeLessThanOrEqual(1);
      }
    }
  });
});
