/**
 * Where the map draws each node and leg. With a position on every node the layout is
 * geographic (x = longitude, y = latitude), which puts Vietnam and China on the right and Europe
 * on the left, as on any map. A model without positions gets a schematic layout instead: x is a
 * node's step along the legs (origins on the right, like the east on a map), y spreads the nodes
 * of one step. Legs between the same two nodes (the Suez and Cape sailings) are bowed apart so
 * that each stays visible.
 */
import type { CompiledModel, LegKindName, NodeKindName } from '../corridor/compiled.ts';

/** A node on the map, in layout units (degrees when geographic). */
export interface NodePlace {
  readonly id: string;
  readonly name: string;
  readonly kind: NodeKindName;
  readonly x: number;
  readonly y: number;
}

/** A leg as a three-point path: start, (possibly bowed) middle, end. */
export interface LegPath {
  readonly id: string;
  readonly name: string;
  readonly kind: LegKindName;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** The laid-out network. */
export interface NetworkLayout {
  /** True for longitude/latitude, false for the schematic fallback. */
  readonly geographic: boolean;
  readonly nodes: readonly NodePlace[];
  readonly legs: readonly LegPath[];
}

/** Steps from the nearest origin along the legs (longest path, so a branch sits after its trunk). */
function steps(model: CompiledModel): Map<string, number> {
  const step = new Map([...model.nodes.keys()].map((id) => [id, 0]));
  // Bellman-Ford style relaxation, capped so that a cycle (an eastbound leg) cannot loop forever.
  for (let round = 0; round < model.nodes.size; round++) {
    let changed = false;
    for (const leg of model.legs.values()) {
      const next = (step.get(leg.from) ?? 0) + 1;
      if (next > (step.get(leg.to) ?? 0)) {
        step.set(leg.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return step;
}

function nodePlaces(model: CompiledModel): { geographic: boolean; nodes: NodePlace[] } {
  const all = [...model.nodes.values()];
  if (all.every((n) => n.position !== undefined)) {
    return { geographic: true, nodes: all.map((n) => ({ id: n.id, name: n.name, kind: n.kind, x: n.position?.lon ?? 0, y: n.position?.lat ?? 0 })) };
  }
  const step = steps(model);
  const last = Math.max(0, ...step.values());
  const seen = new Map<number, number>();
  const nodes = all.map((n): NodePlace => {
    const s = step.get(n.id) ?? 0;
    const row = seen.get(s) ?? 0;
    seen.set(s, row + 1);
    return { id: n.id, name: n.name, kind: n.kind, x: last - s, y: -row };
  });
  return { geographic: false, nodes };
}

/** Lay out `model` for the map. */
export function layoutNetwork(model: CompiledModel): NetworkLayout {
  const { geographic, nodes } = nodePlaces(model);
  const at = new Map(nodes.map((n) => [n.id, n]));
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  // Bow by a small share of the drawing's size, so the offset reads the same in degrees or steps.
  const bow = 0.04 * Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const parallel = new Map<string, number>();
  for (const leg of model.legs.values()) parallel.set(pairKey(leg.from, leg.to), (parallel.get(pairKey(leg.from, leg.to)) ?? 0) + 1);
  const drawn = new Map<string, number>();
  const legs = [...model.legs.values()].flatMap((leg): LegPath[] => {
    const a = at.get(leg.from);
    const b = at.get(leg.to);
    if (a === undefined || b === undefined) return [];
    const key = pairKey(leg.from, leg.to);
    const total = parallel.get(key) ?? 1;
    const index = drawn.get(key) ?? 0;
    drawn.set(key, index + 1);
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const offset = (index - (total - 1) / 2) * bow;
    // Perpendicular to the leg, so parallel legs separate sideways.
    const mid = { x: (a.x + b.x) / 2 - ((b.y - a.y) / length) * offset, y: (a.y + b.y) / 2 + ((b.x - a.x) / length) * offset };
    return [{ id: leg.id, name: leg.name, kind: leg.kind, points: [{ x: a.x, y: a.y }, mid, { x: b.x, y: b.y }] }];
  });
  return { geographic, nodes, legs };
}
