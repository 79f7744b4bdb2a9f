/**
 * A readable summary of one corridor replication: routes (volume and transit times in days),
 * then the busiest stages with their queues, utilization, closed time, background traffic and
 * share of all waiting, the phases of stages that split their time (a ferry's wait for a vessel
 * apart from its time at the berth), and a warning for each capacity the model assumed
 * non-binding that bound.
 */
import type { ReplicationResult, RouteResult, StageResult } from '../corridor/runtime/result.ts';
import { fixed, textTable } from './text-table.ts';

const days = (hours: number): string => fixed(hours / 24, 1);

/** Format `result` as text; `topStages` limits the stage table to the largest waiting shares. */
export function formatReplicationSummary(result: ReplicationResult, topStages = 12): string {
  const routes = textTable<RouteResult>(
    [
      { header: 'route', align: 'left', value: (r) => r.id },
      { header: 'mode', align: 'left', value: (r) => r.mode },
      { header: 'FEU/week', value: (r) => fixed(r.feuPerWeek, 1) },
      { header: 'transit mean d', value: (r) => days(r.transit.mean) },
      { header: 'p10', value: (r) => days(r.transit.p10) },
      { header: 'p50', value: (r) => days(r.transit.p50) },
      { header: 'p90', value: (r) => days(r.transit.p90) },
      { header: 'p95', value: (r) => days(r.transit.p95) },
    ],
    result.routes,
  );
  const ranked = [...result.stages].sort((a, b) => b.waitShare - a.waitShare || a.id.localeCompare(b.id)).slice(0, topStages);
  const stages = textTable<StageResult>(
    [
      { header: 'stage', align: 'left', value: (s) => s.id },
      { header: 'kind', align: 'left', value: (s) => s.kind },
      { header: 'FEU/week', value: (s) => fixed(s.feuPerWeek, 1) },
      { header: 'mean wait h', value: (s) => fixed(s.meanWaitHours, 1) },
      { header: 'mean queue FEU', value: (s) => fixed(s.meanQueueFeu, 1) },
      { header: 'max queue', value: (s) => fixed(s.maxQueueFeu, 0) },
      { header: 'utilization', value: (s) => fixed(s.utilization, 2) },
      { header: 'closed', value: (s) => `${fixed(100 * s.closedShare, 1)}%` },
      { header: 'background FEU-eq/week', value: (s) => (s.backgroundFeuPerWeek > 0 ? fixed(s.backgroundFeuPerWeek, 1) : '') },
      { header: 'share of waiting', value: (s) => `${fixed(100 * s.waitShare, 1)}%` },
    ],
    ranked,
  );
  const phased = result.stages.filter((s) => Object.values(s.phases).some((hours) => Number.isFinite(hours)));
  const phaseLines = phased.map((s) => `  ${s.id}: ${Object.entries(s.phases).map(([name, hours]) => `${name.replaceAll('_', ' ')} ${fixed(hours, 1)} h`).join(', ')}`);
  const bound = result.stages.filter((s) => s.bindingWarning);
  const warnings = bound.map((s) => `Warning: ${s.id} is marked capacityAssumption: non-binding but bound in this run (utilization ${fixed(s.utilization, 2)}, mean queue ${fixed(s.meanQueueFeu, 1)} FEU): its assumed capacity drives the result.`);
  const c = result.containers;
  return [
    `Model ${result.model}, seed ${result.seed}: ${fixed(result.horizonHours / 24, 0)} days measured after ${fixed(result.warmupHours / 24, 0)} days of warm-up, ${result.events.toLocaleString('en-US')} events.`,
    `Containers (FEU): ${c.entered} entered, ${c.delivered} delivered, ${c.inSystem} still in the network at the end; ${fixed(result.meanInSystem, 0)} in the network on average.`,
    '',
    'Routes (transit times in days, containers that entered after warm-up)',
    routes,
    '',
    `Bottlenecks: stages ranked by their share of all waiting time (top ${ranked.length}); utilization includes background traffic`,
    stages,
    ...(phaseLines.length > 0 ? ['', 'Where the time goes (mean hours per container)', ...phaseLines] : []),
    ...(warnings.length > 0 ? ['', ...warnings] : []),
  ].join('\n');
}
