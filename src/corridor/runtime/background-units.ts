/**
 * Background traffic in FEU-equivalents at a stage that handles single units (a terminal's
 * other boxes and trucks, a ferry's wagons and trucks): containers that are never measured,
 * reused from a pool, since tens of thousands pass a year.
 */
import { Container, type Itinerary } from './container.ts';

/**
 * The background units (FEU-equivalents of other boxes, wagons or trucks) of one stage: each
 * enters, takes capacity like a container but is never measured as one, and on leaving calls
 * its `left` and returns to the pool for the next unit.
 */
export class BackgroundUnits implements Itinerary {
  private readonly free: Container[] = [];

  /** A unit entering at `now` (hours); `left` is called as it leaves. */
  take(now: number, left: () => void): Container {
    let unit = this.free.pop();
    if (unit === undefined) unit = new Container(-1, -1, now, false, true, this);
    else unit.reuse(-1, -1, now, false);
    unit.afterLeave = left;
    return unit;
  }

  /** The unit leaves: back to the pool, then its `left`. */
  left(unit: Container): void {
    const after = unit.afterLeave;
    this.free.push(unit);
    after();
  }
}
