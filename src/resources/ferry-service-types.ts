/**
 * The option and record types of `FerryService` (ferry-service.ts), kept apart so that the
 * service file holds only behaviour. Times are hours, sizes are items (FEU).
 */
import type { SimEvent } from '../engine/event.ts';
import type { Firable } from '../engine/event-queue.ts';
import type { RandomStream, RandomStreams } from '../random/index.ts';
import type { Hours } from './batch-duration.ts';
import type { DeparturePolicy } from './batch-policy.ts';
import type { Closure } from './closure.ts';

/** Options of a `FerryService`. Times are hours (a number or a Distribution drawn per use), sizes are items. */
export interface FerryServiceOptions {
  /** Used in messages and as the prefix of stream names (default `"ferry"`). */
  readonly name?: string;
  /** K: nominal items per vessel, a positive integer. */
  readonly capacity: number;
  /** N: vessels in the fleet, all idle at A at the start (default 1). */
  readonly vessels?: number;
  /** Berths at A: vessels that may berth and load at once (default 1). B has unlimited berths. */
  readonly berths?: number;
  /** When a vessel's load closes (whenFull, fullOrMaxWait, timetable; see batch-policy.ts). */
  readonly policy: DeparturePolicy;
  /** Berthing, per call, at A and at B; starts only while that port is open (default 0). */
  readonly berthingTime?: Hours;
  /** Loading one item at A, drawn per item. */
  readonly loadPerItem: Hours;
  /** From the load closing to being ready to leave A (lashing, documents), per call (default 0). */
  readonly callCloseTime?: Hours;
  /** A to B, drawn per trip. */
  readonly sailingTime: Hours;
  /** Unloading one item at B, drawn per item. */
  readonly unloadPerItem: Hours;
  /** At B after the last item is unloaded (return cargo, formalities), per call (default 0). */
  readonly unloadCallTime?: Hours;
  /** B back to A (default: `sailingTime`, drawn afresh). */
  readonly returnTime?: Hours;
  /** Port A's closure: nothing berths, loads or leaves at A while closed; returning vessels anchor. */
  readonly originPort?: Closure;
  /** Port B's closure: nothing berths, unloads or leaves at B while closed; arriving vessels anchor. */
  readonly destinationPort?: Closure;
  /** The sea: holds departures from A (loaded, at berth) while closed; vessels under way continue. */
  readonly crossingClosure?: Closure;
  /** Share of K a vessel may carry, in (0, 1] (e.g. 0.7 at low Caspian water; default 1). */
  readonly loadFactor?: number;
  /**
   * Source of the time draws: one stream for all, or a family from which the streams
   * `<name>/berthing`, `/load`, `/close`, `/sail`, `/unload`, `/unloadCall` and `/return` are
   * taken (common random numbers: changing one activity leaves the others' draws alone).
   */
  readonly random: RandomStream | RandomStreams;
  /** Called after each change of `queueLength` or `vesselsInUse` (for time-weighted stats). */
  readonly onChange?: (now: number) => void;
  /** Called when an item's own loading begins (it stops waiting for a vessel). */
  readonly onLoadStart?: (item: unknown, now: number) => void;
}

/** What an item's `board` event succeeds with, when its own unloading at B ends. Times in hours. */
export interface FerryRecord<T> {
  /** The item passed to `board`. */
  readonly item: T;
  /** When it joined the queue at A. */
  readonly joined: number;
  /** When its own loading began (wait for a vessel = loadStarted - joined). */
  readonly loadStarted: number;
  /** When its own loading ended. */
  readonly loaded: number;
  /** When its vessel left A's berth (loading and waiting aboard = departed - loadStarted). */
  readonly departed: number;
  /** When its vessel reached B's anchorage (sailing = arrivedOffB - departed). */
  readonly arrivedOffB: number;
  /** When unloading could start at B, after any anchoring and berthing. */
  readonly berthedB: number;
  /** When its own unloading ended: the item is at B. */
  readonly delivered: number;
  /** The vessel, 0 to N-1. */
  readonly vessel: number;
  /** Sequence number of its vessel's departure from A (1 = the first). */
  readonly departure: number;
}

/**
 * An item's place on a ferry service: at A or aboard, and its record, filled in as it goes
 * (hours). `board` makes one per item; state-machine code may keep one per rider and pass it to
 * every `ride`, so that riding allocates nothing.
 */
export class FerrySeat<T> implements FerryRecord<T> {
  item: T = undefined as T;
  joined = Number.NaN;
  loadStarted = Number.NaN;
  loaded = Number.NaN;
  departed = Number.NaN;
  arrivedOffB = Number.NaN;
  berthedB = Number.NaN;
  delivered = Number.NaN;
  vessel = -1;
  departure = 0;
  /** Succeeds with a record of the delivery (`board`), or null (`ride`). */
  event: SimEvent<FerryRecord<T>> | null = null;
  /** Fired with `step` when its unloading ends (`ride`), or null (`board`). */
  rider: Firable | null = null;
  step = 0;

  /** Make ready for a new passage of `item`, joining at `now` (hours). */
  reset(item: T, now: number): void {
    this.item = item;
    this.joined = now;
    this.loadStarted = this.loaded = this.departed = this.arrivedOffB = this.berthedB = this.delivered = Number.NaN;
    this.vessel = -1;
    this.departure = 0;
  }
}
