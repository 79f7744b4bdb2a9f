/**
 * Background traffic in FEU-equivalents at a stage that handles single units (a terminal's
 * other boxes and trucks, a ferry's wagons and trucks): containers that are never measured,
 * reused from a pool, since tens of thousands pass a year.
 */
import type { Simulation } from '../../engine/index.ts';
import { Container, startAt, type Itinerary } from './container.ts';
import type { Stage } from './stage.ts';

/**
 * The background units (FEU-equivalents of other boxes, wagons or trucks) of one stage: each
 * enters, takes capacity like a container but is never measured as one, and on leaving calls
 * its `left` and returns to the pool for the next unit.
 */
export class BackgroundUnits implements Itinerary {
  private readonly free: Container[] = [];

  /** A unit arrives at `stage` now (starting in an URGENT entry, as a journey does); `left` is called as it leaves. */
  admit(sim: Simulation, stage: Stage, left: () => void): void {
    startAt(sim, this.take(sim.now, left), stage);
  }

  private take(now: number, left: () => void): Container {
    let unit = this.free.pop();
    if (unit === undefined) unit = new Container(-1, -1, now, false, true, this);
    else unit.reuse(-1, -1, now, false);
    unit.afterLeave = left;
    return unit;
  }

  /** The unit leaves: back to the pool, then its `left`. */
  left(unit: Container): void {
    const after = unit.afterLeave;
    unit.retire();
    this.free.push(unit);
    after();
  }
}
