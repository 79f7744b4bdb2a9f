/**
 * Containers' journeys: each container visits its route's stages one after another. A stage
 * tells the container's itinerary when it leaves; the journey logs the visit and moves the
 * container into the next stage at once, so passing from one stage to the next costs no entry
 * on the future-event list and allocates nothing.
 */
import type { Simulation } from '../../engine/index.ts';
import { Container, startAt, type Itinerary } from './container.ts';
import type { RuntimeRoute } from './network.ts';
import type { Stage } from './stage.ts';

/** What a replication does as containers move on: shared by all its journeys. */
export interface JourneyHooks {
  /** `container` left `stage` now, having arrived there at `arrived` (hours); for the journey log. */
  readonly stageLeft: ((container: Container, route: RuntimeRoute, stage: Stage, arrived: number) => void) | null;
  /** `container` reached the end of its route now. */
  readonly delivered: (container: Container) => void;
}

/**
 * The itinerary of every container of one replication: its route's stages in order. Delivered
 * containers are kept and reused for new ones (see `Container.reuse`).
 */
export class Journeys implements Itinerary {
  private readonly free: Container[] = [];

  /**
   * @param sim the simulation. @param routes the replication's routes, by index (each has at
   * least one stage). @param hooks the replication's bookkeeping.
   */
  constructor(
    private readonly sim: Simulation,
    private readonly routes: readonly RuntimeRoute[],
    private readonly hooks: JourneyHooks,
  ) {}

  /**
   * A new container entering route `routeIndex` now, numbered `id`; `measured` if it entered
   * after the warm-up. Start it with `start`.
   */
  create(id: number, routeIndex: number, measured: boolean): Container {
    const now = this.sim.now;
    const container = this.free.pop();
    if (container === undefined) return new Container(id, routeIndex, now, measured, false, this);
    container.reuse(id, routeIndex, now, measured);
    return container;
  }

  /** Start `container` (made by `create`, so at stage index 0) at its route's first stage, now. */
  start(container: Container): void {
    startAt(this.sim, container, (this.routes[container.routeIndex] as RuntimeRoute).stages[0] as Stage);
  }

  /** The container leaves its stage now: log it, then enter the next stage or be delivered. */
  left(container: Container): void {
    const route = this.routes[container.routeIndex] as RuntimeRoute;
    const stages = route.stages;
    const hooks = this.hooks;
    if (hooks.stageLeft !== null) hooks.stageLeft(container, route, container.at as Stage, container.arrived);
    const next = ++container.stageIndex;
    if (next === stages.length) {
      hooks.delivered(container);
      container.retire();
      this.free.push(container);
      return;
    }
    const stage = stages[next] as Stage;
    container.at = stage;
    container.arrived = this.sim.now;
    container.departed = Number.NaN;
    stage.arrive(container);
  }
}
