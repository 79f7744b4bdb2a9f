import { describe, expect, it } from 'vitest';
import { loadScenarioModel } from '../../src/corridor/load-scenario.ts';
import { runReplication } from '../../src/corridor/runtime/run-replication.ts';
import { canonicalValue, flattenReplication, mayKeepStageMetrics, metricFilter, patternRegExp, unmatchedPatterns } from '../../src/experiments/metrics.ts';

const model = loadScenarioModel({ model: 'tests/corridor/fixtures/small-corridor.yaml' });
const result = runReplication(model, { seed: 3, warmupHours: 24 * 5, horizonHours: 24 * 30 });
const metrics = flattenReplication(result);
const value = (name: string): number | null | undefined => metrics.find((m) => m.metric === name)?.value;

describe('flattenReplication', () => {
  it('names every metric stably: routes, modes (alphabetical), stages (nodes, then legs), network', () => {
    const stages = ['xian', 'dostyk', 'aktau', 'baku', 'shanghai', 'rotterdam', 'xian-dostyk', 'dostyk-aktau', 'caspian', 'suez-loop'];
    expect(metrics.map((m) => m.metric)).toEqual([
      ...['middle', 'suez'].flatMap((r) => ['transit_mean_h', 'transit_p50_h', 'transit_p95_h', 'feu_per_week'].map((s) => `route.${r}.${s}`)),
      'mode.middle-corridor.feu_per_week',
      'mode.sea-suez.feu_per_week',
      ...stages.flatMap((s) => [
        ...['mean_wait_h', 'mean_queue_feu', 'max_queue_feu', 'utilization', 'wait_share', 'feu_per_week', 'closed_share', 'background_feu_per_week', 'binding_warning'].map((m) => `stage.${s}.${m}`),
        // The ferry leg splits its time into phases.
        ...(s === 'caspian' ? ['wait_vessel_h', 'at_berth_h', 'sailing_h', 'anchor_berthing_h', 'unloading_h'].map((m) => `stage.${s}.${m}`) : []),
      ]),
      'network.entered_feu',
      'network.delivered_feu',
      'network.backlog_feu',
      'network.mean_in_system_feu',
    ]);
  });

  it('takes the values from the result, with null where a value is not defined', () => {
    const middle = result.routes.find((r) => r.id === 'middle');
    expect(value('route.middle.transit_mean_h')).toBe(middle?.transit.mean);
    expect(value('route.middle.transit_p95_h')).toBe(middle?.transit.p95);
    expect(value('mode.middle-corridor.feu_per_week')).toBe(middle?.feuPerWeek);
    // Sea transit is 33-37 days: nothing that entered after the warm-up arrives within 30 days.
    expect(value('route.suez.transit_mean_h')).toBeNull();
    const caspian = result.stages.find((s) => s.id === 'caspian');
    expect(value('stage.caspian.mean_wait_h')).toBe(caspian?.meanWaitHours);
    expect(value('stage.caspian.wait_vessel_h')).toBe(caspian?.phases['wait_vessel']);
    expect(value('stage.aktau.closed_share')).toBe(result.stages.find((s) => s.id === 'aktau')?.closedShare);
    expect(value('stage.dostyk.background_feu_per_week')).toBe(result.stages.find((s) => s.id === 'dostyk')?.backgroundFeuPerWeek);
    expect(value('network.entered_feu')).toBe(result.routes.reduce((sum, r) => sum + r.entered, 0));
    expect(value('network.delivered_feu')).toBe(result.routes.reduce((sum, r) => sum + r.delivered, 0));
    expect(value('network.backlog_feu')).toBe(result.containers.inSystem);
    expect(value('network.mean_in_system_feu')).toBe(result.meanInSystem);
  });

  it('stores -0 as 0 and non-finite numbers as null', () => {
    expect(Object.is(canonicalValue(-0), 0)).toBe(true);
    expect([canonicalValue(Number.NaN), canonicalValue(Infinity), canonicalValue(1.5)]).toEqual([null, null, 1.5]);
  });
});

describe('metric patterns', () => {
  it('tell whether they may keep a stage metric (conservatively) for every pattern the filter would let one through', () => {
    const stageNames = metrics.map((m) => m.metric).filter((name) => name.startsWith('stage.'));
    const patterns = ['route.**', 'route.*.transit_mean_h', 'network.**', 'mode.*.feu_per_week', '**', '*.aktau.*', 'stage.**', 'stage.aktau.mean_wait_h', 'st*', 'stage', 'stages.x', 'flow.**'];
    for (const pattern of patterns) {
      // Whenever the filter keeps a stage metric of this model, the check must say it may.
      if (stageNames.some(metricFilter([pattern]))) expect(mayKeepStageMetrics([pattern]), pattern).toBe(true);
    }
    expect(mayKeepStageMetrics(['route.**', 'network.**', 'mode.*.feu_per_week', 'flow.**'])).toBe(false);
    expect(mayKeepStageMetrics(['route.**', '*.aktau.*'])).toBe(true);
    expect(mayKeepStageMetrics(['stage'])).toBe(true);
    expect(mayKeepStageMetrics([])).toBe(false);
  });

  it('reads * as one dotted part and ** as anything', () => {
    expect(patternRegExp('route.*.transit_mean_h').test('route.mc-xian-baku.transit_mean_h')).toBe(true);
    expect(patternRegExp('route.*.transit_mean_h').test('route.a.b.transit_mean_h')).toBe(false);
    expect(patternRegExp('stage.caspian-*.**').test('stage.caspian-feeder-aktau-alat.mean_wait_h')).toBe(true);
    expect(patternRegExp('network.backlog_feu').test('network_backlog_feu')).toBe(false);
    const keep = metricFilter(['route.*.transit_mean_h', 'network.**']);
    expect(metrics.filter((m) => keep(m.metric)).map((m) => m.metric)).toEqual([
      'route.middle.transit_mean_h',
      'route.suez.transit_mean_h',
      'network.entered_feu',
      'network.delivered_feu',
      'network.backlog_feu',
      'network.mean_in_system_feu',
    ]);
  });

  it('finds the patterns that match nothing', () => {
    expect(unmatchedPatterns(['route.**', 'routes.**', 'stage.*.utilisation'], metrics.map((m) => m.metric))).toEqual(['routes.**', 'stage.*.utilisation']);
  });
});
