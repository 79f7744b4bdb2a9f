/**
 * The network of one replication: one stage object per node and leg of the model, made by its
 * kind and shared by every route that passes through it (so routes contend for the same cranes,
 * tracks, paths and vessels), and each route as its list of stages.
 */
import type { CompiledModel, CompiledRoute } from '../compiled.ts';
import type { BuildContext } from '../kinds/kind.ts';
import { legKind, nodeKind } from '../kinds/registry.ts';
import type { RunContext } from './container.ts';
import type { Stage } from './stage.ts';

/** A route resolved to its stage objects. */
export interface RuntimeRoute {
  readonly spec: CompiledRoute;
  readonly stages: readonly Stage[];
}

/** Every stage of the model, in model order (nodes, then legs), and the routes over them. */
export interface Network {
  readonly stages: readonly Stage[];
  readonly byId: ReadonlyMap<string, Stage>;
  readonly routes: readonly RuntimeRoute[];
  readonly routeIndex: ReadonlyMap<string, number>;
}

/** Build the stages of `model` for one replication: nodes first, so legs can find their ports. */
export function buildNetwork(model: CompiledModel, ctx: RunContext): Network {
  const byId = new Map<string, Stage>();
  const build: BuildContext = {
    run: ctx,
    stage(id) {
      const found = byId.get(id);
      if (found === undefined) throw new Error(`No stage "${id}" has been built (legs are built after the nodes they join)`);
      return found;
    },
  };
  for (const node of model.nodes.values()) byId.set(node.id, nodeKind(node.kind).createStage(node, build));
  for (const leg of model.legs.values()) byId.set(leg.id, legKind(leg.kind).createStage(leg, build));
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
  return { stages: [...byId.values()], byId, routes, routeIndex };
}
