/**
 * The world map of a finished run: the network from its compiled model, each scenario's stage
 * means from summary.csv (the same aggregation as the rest of the report, aggregate.ts).
 */
import type { CompiledModel } from '../../corridor/compiled.ts';
import { metricMean, rankBottlenecks, stageFacts } from '../aggregate.ts';
import type { RunFolder } from '../run-folder.ts';
import { worldMapSvg } from './compose.ts';
import type { MapNode, MapScenario, StageValues, WorldMapInput } from './types.ts';

/** How to read the map, one paragraph for the report page. */
export const WORLD_MAP_READING =
  'Each line is a leg, drawn along the waypoints the model gives it (sea lanes through Suez or round the Cape, crossings of the Caspian and Black Sea, rail lines), else along a great circle; each circle is a port or rail hub, each square a border or gauge-change yard. ' +
  'Line width is the FEU per week the leg carried; colour is its mean utilization, the share of its train paths, vessels or cranes that was busy (grey: no capacity measure, e.g. liner sailings). ' +
  'The ring marks the bottleneck: the stage with the largest share of all waiting time. The large map is the baseline; the small maps below show every scenario on the same scales. Hover for values.';

/** The map's input for `model` and summary rows, or null when a node has no position. */
export function worldMapInput(model: CompiledModel, summary: RunFolder['summary'], scenarios: readonly string[], baseline: string): WorldMapInput | null {
  const nodes: MapNode[] = [];
  for (const n of model.nodes.values()) {
    if (n.position === undefined) return null;
    nodes.push({ id: n.id, name: n.name, kind: n.kind, position: n.position });
  }
  const legs = [...model.legs.values()].map((l) => ({ id: l.id, name: l.name, kind: l.kind, from: l.from, to: l.to, waypoints: l.waypoints ?? [] }));
  const ids = [...model.nodes.keys(), ...model.legs.keys()];
  const perScenario = scenarios.map((scenario): MapScenario => {
    const facts = stageFacts(summary, scenario, ids);
    const stages = new Map<string, StageValues>(
      facts.map((f) => [f.id, { utilization: f.utilization, waitShare: f.waitShare, meanWaitHours: f.meanWaitHours, feuPerWeek: metricMean(summary, scenario, `stage.${f.id}.feu_per_week`) }]),
    );
    return { id: scenario, stages, bottleneck: rankBottlenecks(facts)[0]?.id ?? null };
  });
  return { title: model.title, nodes, legs, scenarios: perScenario, baseline };
}

/**
 * The world map of `run` as a standalone SVG with its reading, or null when the model gives no
 * positions (the report then keeps its schematic map).
 */
export function worldMapFigure(run: RunFolder): { readonly svg: string; readonly reading: string } | null {
  const input = worldMapInput(run.model, run.summary, run.experiment.scenarios.map((s) => s.id), run.experiment.baseline);
  return input === null ? null : { svg: worldMapSvg(input), reading: WORLD_MAP_READING };
}
