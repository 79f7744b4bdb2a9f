/**
 * A container's journey as one process that runs its route's stage visits one after another.
 *
 * Written as a generator that delegates with `yield*`, every resumption of a visit would pass
 * through the journey's frame as well; chaining the visits inside one process (see
 * `Process.continueWith`) resumes the visit directly and allocates nothing between stages.
 */
import { Process, type Simulation } from '../../engine/index.ts';
import type { Container } from './container.ts';
import type { RuntimeRoute } from './network.ts';
import type { Stage } from './stage.ts';

/** What a replication does as containers move on: shared by all its journeys. */
export interface JourneyHooks {
  /** `container` left `stage` now, having arrived there at `arrived` (hours); for the journey log. */
  readonly stageLeft: ((container: Container, route: RuntimeRoute, stage: Stage, arrived: number) => void) | null;
  /** `container` reached the end of its route now. */
  readonly delivered: (container: Container) => void;
}

/** One container's passage through the stages of its route. */
export class Journey extends Process<void> {
  private stageIndex = 0;
  // When the container arrived at the stage it is in now, hours.
  private arrived: number;

  /**
   * @param sim the simulation. @param container the container (its route has at least one
   * stage). @param route its route. @param hooks the replication's bookkeeping.
   */
  constructor(
    sim: Simulation,
    private readonly container: Container,
    private readonly route: RuntimeRoute,
    private readonly hooks: JourneyHooks,
  ) {
    container.departed = Number.NaN;
    super(sim, (route.stages[0] as Stage).visit(container), 'container');
    // The first visit starts when the process does, at the current time.
    this.arrived = sim.now;
  }

  protected override continueWith(): ReturnType<Stage['visit']> | null {
    const { container, route, hooks } = this;
    const stages = route.stages;
    if (hooks.stageLeft !== null) hooks.stageLeft(container, route, stages[this.stageIndex] as Stage, this.arrived);
    const next = ++this.stageIndex;
    if (next === stages.length) {
      hooks.delivered(container);
      return null;
    }
    this.arrived = this.sim.now;
    container.departed = Number.NaN;
    return (stages[next] as Stage).visit(container);
  }
}

/**
 * One background unit's passage through one stage (another operator's train, a truck): a
 * process that calls `left` as its visit returns. Nobody waits for it, so its end takes no
 * entry on the future-event list (a callback on the process's end would need one).
 */
export class BackgroundPass extends Process<void> {
  /** @param sim the simulation. @param visit the stage's background visit. @param name for traces. @param left called when the unit leaves the stage. */
  constructor(
    sim: Simulation,
    visit: ReturnType<Stage['backgroundVisit']>,
    name: string,
    private readonly left: () => void,
  ) {
    super(sim, visit, name);
  }

  protected override continueWith(): null {
    this.left();
    return null;
  }
}
