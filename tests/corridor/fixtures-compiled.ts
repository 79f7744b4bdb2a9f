/**
 * Hand-built compiled models for runtime tests: deterministic times, so transit times can be
 * computed by hand. Built directly (not from YAML) so these tests do not depend on the loader.
 */
import { deterministic, exponentialFromMean } from '../../src/distributions/index.ts';
import type { CompiledDemand, CompiledLeg, CompiledModel, CompiledNode, CompiledRoute, RouteStage } from '../../src/corridor/compiled.ts';

const fixed = (hours: number) => deterministic(hours);

export function terminal(id: string, servers: number, handlingHours: number): CompiledNode {
  return { kind: 'terminal', id, name: id, country: undefined, position: undefined, disruptions: [], capacityAssumption: undefined, servers, handling: fixed(handlingHours), dwell: undefined, customs: undefined, gateHeadway: undefined };
}

export function yard(id: string, tracks: number, processingHours: number): CompiledNode {
  const p = fixed(processingHours);
  return { kind: 'yard', id, name: id, country: undefined, position: undefined, disruptions: [], capacityAssumption: undefined, tracks, processing: { westbound: p, eastbound: p }, minHeadway: undefined };
}

export function rail(id: string, from: string, to: string, trainFeu: number, runningHours: number, pathsPerDay = 24): CompiledLeg {
  return { kind: 'rail', id, name: id, from, to, direction: 'westbound', disruptions: [], capacityAssumption: undefined, capacityFeu: trainFeu, policy: { kind: 'whenFull' }, pathHeadway: 24 / pathsPerDay, line: id, running: fixed(runningHours), fleet: undefined };
}

export function route(id: string, stageIds: string[], legIds: ReadonlySet<string>): CompiledRoute {
  const stages: RouteStage[] = stageIds.map((s) => ({ kind: legIds.has(s) ? 'leg' : 'node', id: s }));
  return { id, name: id, mode: 'middle-corridor', stages, origin: stageIds[0] ?? '', destination: stageIds[stageIds.length - 1] ?? '', freightRateUsdPerFeu: undefined, riskPremiumUsdPerFeu: undefined, constantUsdPerFeu: 0, closed: false, probeFeuPerWeek: undefined };
}

export function poisson(id: string, routeId: string, feuPerWeek: number): CompiledDemand {
  return { id, route: routeId, choices: [{ route: routeId, share: 1 }], valueOfTimeUsdPerFeuDay: undefined, feuPerHour: feuPerWeek / 168, seasonality: undefined, lotSize: undefined };
}

export function model(nodes: CompiledNode[], legs: CompiledLeg[], routes: CompiledRoute[], demand: CompiledDemand[] = []): CompiledModel {
  return {
    id: 'test',
    title: 'test',
    startDate: '2025-01-01',
    nodes: new Map(nodes.map((n) => [n.id, n])),
    legs: new Map(legs.map((l) => [l.id, l])),
    routes: new Map(routes.map((r) => [r.id, r])),
    demand,
    weather: new Map(),
    background: [],
    assignment: undefined,
    source: { files: [], sha256: '' },
  };
}

export { exponentialFromMean };
