/**
 * The option and record types of `BatchTransport` (batch-transport.ts), kept apart so that the
 * transport file holds only behaviour. Times are hours, sizes are items.
 */
import type { RandomStream, RandomStreams } from '../random/index.ts';
import type { Hours } from './batch-duration.ts';
import type { DeparturePolicy } from './batch-policy.ts';
import type { Closure } from './closure.ts';

/** Options of a `BatchTransport`. Times are hours, sizes are items. */
export interface BatchTransportOptions {
  /** Used in messages and as the prefix of stream names (default `"batch"`). */
  readonly name?: string;
  /** K: nominal items per vehicle, a positive integer. */
  readonly capacity: number;
  /** N: vehicles in the fleet, all at A at the start (default 1). */
  readonly vehicles?: number;
  /** When a load closes. */
  readonly policy: DeparturePolicy;
  /** From the load closing to leaving A, per departure (default 0). */
  readonly loadTime?: Hours;
  /** A to B. */
  readonly travelTime: Hours;
  /** At B, per departure; items are delivered at its end (default 0). */
  readonly unloadTime?: Hours;
  /** B back to A, empty (default: `travelTime`, drawn afresh). */
  readonly returnTime?: Hours;
  /** The route's closure: nothing leaves A while it is closed; vehicles under way continue. */
  readonly closure?: Closure;
  /** Share of K a vehicle may carry, in (0, 1] (e.g. 0.7 at low Caspian water; default 1). */
  readonly loadFactor?: number;
  /**
   * Source of the time draws: one stream for all, or a family from which the streams
   * `<name>/load`, `<name>/travel`, `<name>/unload` and `<name>/return` are taken (better for
   * common random numbers: changing one activity leaves the others' draws alone).
   */
  readonly random: RandomStream | RandomStreams;
  /** Called after each change of the queue at A or of the vehicles in use (for time-weighted stats). */
  readonly onChange?: (now: number) => void;
}

/** What an item's `board` event succeeds with, at the end of unloading at B. Times in hours. */
export interface BatchRecord<T> {
  /** The item passed to `board`. */
  readonly item: T;
  /** When it joined the queue at A. */
  readonly joined: number;
  /** When its vehicle left A (after loading, and after any closure holding it). */
  readonly departed: number;
  /** When its vehicle reached B. */
  readonly arrived: number;
  /** When unloading ended: the item is at B. */
  readonly delivered: number;
  /** The vehicle, 0 to N-1. */
  readonly vehicle: number;
  /** Sequence number of its departure (1 = the first load of this transport). */
  readonly departure: number;
  /**
   * Departure opportunities it waited through without going: departures it did not fit on,
   * timetable slots cancelled by a closure, missed for want of a vehicle, skipped as empty, or
   * whose cutoff it missed.
   */
  readonly missed: number;
}
