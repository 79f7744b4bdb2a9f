/**
 * The network of one replication: one stage object per node and leg of the model, shared by
 * every route that passes through it (so routes contend for the same cranes, tracks, paths and
 * vessels), and each route as its list of stages.
 */
import type { CompiledModel, CompiledRoute } from '../compiled.ts';
import type { RunContext } from './container.ts';
import { Line, RailLegStage } from './rail-leg-stage.ts';
import type { Stage } from './stage.ts';
import { TerminalStage } from './terminal-stage.ts';
import { TransportLegStage } from './transport-leg-stage.ts';
import { YardStage } from './yard-stage.ts';

/** A route resolved to its stage objects. */
export interface RuntimeRoute {
  readonly spec: CompiledRoute;
  readonly stages: readonly Stage[];
}

/** Every stage of the model, in model order (nodes, then legs), and the routes over them. */
export interface Network {
  readonly stages: readonly Stage[];
  readonly routes: readonly RuntimeRoute[];
  readonly routeIndex: ReadonlyMap<string, number>;
}

/** Build the stages of `model` for one replication. */
export function buildNetwork(model: CompiledModel, ctx: RunContext): Network {
  const byId = new Map<string, Stage>();
  for (const node of model.nodes.values()) {
    byId.set(node.id, node.kind === 'terminal' ? new TerminalStage(node, ctx) : new YardStage(node, ctx));
  }
  const lines = new Map<string, Line>();
  for (const leg of model.legs.values()) {
    if (leg.kind === 'rail') {
      let line = lines.get(leg.line);
      if (line === undefined) {
        line = new Line(leg.line, ctx);
        lines.set(leg.line, line);
      }
      byId.set(leg.id, new RailLegStage(leg, line, ctx));
    } else {
      byId.set(leg.id, new TransportLegStage(leg, ctx));
    }
  }
  const routes: RuntimeRoute[] = [];
  const routeIndex = new Map<string, number>();
  for (const route of model.routes.values()) {
    const stages = route.stages.map((stage) => {
      const found = byId.get(stage.id);
      // The loader checks references; this guards against a hand-built compiled model.
      if (found === undefined) throw new Error(`Route "${route.id}" names stage "${stage.id}", which the model does not define`);
      return found;
    });
    routeIndex.set(route.id, routes.length);
    routes.push({ spec: route, stages });
  }
  return { stages: [...byId.values()], routes, routeIndex };
}
