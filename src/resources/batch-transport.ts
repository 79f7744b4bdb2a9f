/**
 * Batch transport: a fleet of vehicles that each carry up to K items at once from end A to end
 * B — block trains of 62 FEU, Caspian feeders of 175 FEU. Capacity is in items; the caller
 * converts TEU to FEU or wagons as its items require.
 *
 * Cycle of one vehicle: waiting at A; the load closes (departure policy, batch-policy.ts) and is
 * loaded for `loadTime` hours (one draw per departure, whatever the load size: it stands for the
 * final loading and formalities once the load is settled); leaves A (held at A while the route's
 * closure is closed); travels `travelTime`; unloads for `unloadTime`, at the end of which every
 * item's `board` event succeeds; returns empty in `returnTime`; waits at A again.
 *
 * Same-instant order: timetable slots and max-wait deadlines run at LATE priority, after the
 * arrivals, returns and closure changes of that instant, so a vehicle returning exactly at a slot
 * makes it and an item joining exactly at a slot (with cutoff 0) goes on it.
 */
import { LATE, NORMAL, type Firable } from '../engine/event-queue.ts';
import type { SimEvent } from '../engine/event.ts';
import type { Simulation } from '../engine/simulation.ts';
import { RandomStreams, type RandomStream } from '../random/index.ts';
import { checkHours, drawHours, type Hours } from './batch-duration.ts';
import { TimetableSlots, validatePolicy, type DeparturePolicy } from './batch-policy.ts';
import { HeadIndexQueue } from './batch-queue.ts';
import type { BatchRecord, BatchTransportOptions } from './batch-types.ts';
import type { Closure } from './closure.ts';
import { checkedUsableItems } from './load-factor.ts';

export type { DeparturePolicy, FullOrMaxWaitPolicy, TimetablePolicy, WhenFullPolicy } from './batch-policy.ts';
export type { BatchRecord, BatchTransportOptions } from './batch-types.ts';

/**
 * An item's place on a batch transport: waiting at A, then aboard, and its record once delivered.
 * `board` makes one per item; state-machine code may keep one per rider and pass it to every
 * `ride` (a container has one for all its legs), so that riding allocates nothing.
 */
export class BatchSeat<T> implements BatchRecord<T> {
  item: T = undefined as T;
  joined = Number.NaN;
  /** Opportunities that had happened when it joined (for `missed`). */
  mark = 0;
  /** Which join this is, unique within a transport (a seat may ride again). */
  serial = 0;
  departed = Number.NaN;
  arrived = Number.NaN;
  delivered = Number.NaN;
  vehicle = -1;
  departure = 0;
  missed = 0;
  /** Succeeds with a record of the delivery (`board`), or null (`ride`). */
  event: SimEvent<BatchRecord<T>> | null = null;
  /** Fired with `step` at the delivery (`ride`), or null (`board`). */
  rider: Firable | null = null;
  step = 0;
}

/** A fleet of capacity-K vehicles cycling between A and B under a departure policy. */
export class BatchTransport<T = unknown> {
  /** Loads that closed (including empty timetable departures). */
  departures = 0;
  /** Items that went on a departure. */
  itemsCarried = 0;
  /** Items unloaded at B. */
  itemsDelivered = 0;
  /** Timetable slots that fell while the closure was closed. */
  cancelledDepartures = 0;
  /** Timetable slots with no vehicle at A. */
  missedSlots = 0;
  /** Timetable slots skipped because nothing eligible was waiting (and `departEmpty` is off). */
  emptySlots = 0;
  /** Label for messages; prefix of the stream names when given a `RandomStreams`. */
  readonly name: string;
  /** K, items. */
  readonly capacity: number;
  /** N. */
  readonly vehicles: number;
  private effective: number;
  private factor: number;
  private opportunities = 0;
  private readonly queue = new HeadIndexQueue<BatchSeat<T>>();
  private readonly policy: DeparturePolicy;
  private readonly closure: Closure | undefined;
  private readonly times: { load: Hours; travel: Hours; unload: Hours; return: Hours };
  private readonly rng: { load: RandomStream; travel: RandomStream; unload: RandomStream; return: RandomStream };
  private readonly onChangeHook: ((now: number) => void) | undefined;
  // Idle vehicles at A, first returned first out, as a ring of vehicle ids.
  private readonly idle: Int32Array;
  private idleHead = 0;
  private idleCount: number;
  // The trip of each vehicle (a vehicle makes one trip at a time), indexed by vehicle id.
  private readonly tripEntries: Array<BatchSeat<T>[] | null>;
  private readonly tripNumber: Float64Array;
  private readonly tripOpportunity: Float64Array;
  private readonly tripDeparted: Float64Array;
  private readonly tripArrived: Float64Array;
  private heldByClosure: number[] = [];
  // fullOrMaxWait: the entry whose deadline is scheduled, and the one whose deadline has fired.
  // By the seats' join serials, not by the seats: a seat may ride again.
  private timerSerial = 0;
  private expiredSerial = 0;
  private joins = 0;
  private timerGeneration = 0;
  private readonly slots: TimetableSlots | null;

  /** @param sim the simulation. @param options see `BatchTransportOptions`. */
  constructor(readonly sim: Simulation, options: BatchTransportOptions) {
    this.name = options.name ?? 'batch';
    const { capacity, vehicles = 1 } = options;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`BatchTransport "${this.name}": capacity must be a positive integer of items, got ${capacity}`);
    if (!Number.isInteger(vehicles) || vehicles < 1) throw new RangeError(`BatchTransport "${this.name}": vehicles must be a positive integer, got ${vehicles}`);
    this.capacity = capacity;
    this.vehicles = vehicles;
    validatePolicy(options.policy, capacity, `BatchTransport "${this.name}"`);
    this.policy = options.policy;
    this.times = { load: options.loadTime ?? 0, travel: options.travelTime, unload: options.unloadTime ?? 0, return: options.returnTime ?? options.travelTime };
    for (const [phase, hours] of Object.entries(this.times)) checkHours(hours, `BatchTransport "${this.name}": ${phase}Time`);
    const { random } = options;
    const stream = (phase: string): RandomStream => (random instanceof RandomStreams ? random.stream(`${this.name}/${phase}`) : random);
    this.rng = { load: stream('load'), travel: stream('travel'), unload: stream('unload'), return: stream('return') };
    this.factor = options.loadFactor ?? 1;
    this.effective = this.effectiveFor(this.factor);
    this.closure = options.closure;
    this.onChangeHook = options.onChange;
    this.idle = Int32Array.from({ length: vehicles }, (_, v) => v);
    this.idleCount = vehicles;
    this.tripEntries = new Array<BatchSeat<T>[] | null>(vehicles).fill(null);
    this.tripNumber = new Float64Array(vehicles);
    this.tripOpportunity = new Float64Array(vehicles);
    this.tripDeparted = new Float64Array(vehicles);
    this.tripArrived = new Float64Array(vehicles);
    this.closure?.onChange((isOpen) => {
      if (isOpen) this.reopened();
    });
    this.slots = this.policy.kind === 'timetable' ? new TimetableSlots(this.policy, sim.now) : null;
    this.planSlot();
  }

  /**
   * An item joins the queue at A. The event succeeds with its record when it has been unloaded
   * at B; items leave A in the order they joined.
   */
  board(item: T): SimEvent<BatchRecord<T>> {
    const event = this.sim.event<BatchRecord<T>>(`${this.name} delivery`);
    const seat = new BatchSeat<T>();
    seat.event = event;
    this.join(seat, item);
    return event;
  }

  /**
   * The callback form of `board`, for state-machine model code: `rider.fire(step)` is called
   * through an entry made exactly where `board`'s event would have succeeded, so the order of
   * events is the same. Returns the seat, whose record fields are filled in by then (NaN before);
   * pass the seat of an earlier, delivered ride to reuse it, else a new one is made.
   */
  ride(item: T, rider: Firable, step: number, seat: BatchSeat<T> = new BatchSeat<T>()): BatchSeat<T> {
    seat.event = null;
    seat.rider = rider;
    seat.step = step;
    seat.departed = seat.arrived = seat.delivered = Number.NaN;
    seat.vehicle = -1;
    seat.departure = 0;
    seat.missed = 0;
    this.join(seat, item);
    return seat;
  }

  private join(entry: BatchSeat<T>, item: T): void {
    entry.item = item;
    entry.joined = this.sim.now;
    entry.mark = this.opportunities;
    entry.serial = ++this.joins;
    this.queue.push(entry);
    this.tryDispatch();
    this.changed();
  }

  /** Items waiting at A. */
  get queueLength(): number {
    return this.queue.length;
  }

  /** Vehicles idle at A, ready for the next load. */
  get vehiclesAtA(): number {
    return this.idleCount;
  }

  /** Vehicles loading, held by a closure, travelling, unloading or returning. */
  get vehiclesInUse(): number {
    return this.vehicles - this.idleCount;
  }

  /** Items a vehicle may take now: floor(loadFactor * K), at least 1. */
  get effectiveCapacity(): number {
    return this.effective;
  }

  /** The current share of K a vehicle may carry. */
  get loadFactor(): number {
    return this.factor;
  }

  /** Mean of (items on a departure) / K over all departures so far (0 before the first). */
  get meanLoadFactor(): number {
    return this.departures > 0 ? this.itemsCarried / (this.departures * this.capacity) : 0;
  }

  /**
   * Change the share of K a vehicle may carry from now on (a seasonal water level); loads
   * already closed keep their size.
   */
  setLoadFactor(loadFactor: number): void {
    this.effective = this.effectiveFor(loadFactor);
    this.factor = loadFactor;
    const before = this.departures;
    this.tryDispatch();
    if (this.departures !== before) this.changed();
  }

  private effectiveFor(loadFactor: number): number {
    return checkedUsableItems(this.capacity, loadFactor, `BatchTransport "${this.name}"`);
  }

  private get routeOpen(): boolean {
    return this.closure === undefined || this.closure.isOpen;
  }

  private changed(): void {
    if (this.onChangeHook !== undefined) this.onChangeHook(this.sim.now);
  }

  /** Close loads while the policy, the vehicles and the closure allow (whenFull, fullOrMaxWait). */
  private tryDispatch(): void {
    const policy = this.policy;
    if (policy.kind === 'timetable') return;
    while (this.idleCount > 0 && this.routeOpen) {
      const waiting = this.queue.length;
      if (waiting >= this.effective) this.dispatch(this.effective);
      else if (policy.kind === 'fullOrMaxWait' && waiting >= (policy.minLoad ?? 1) && this.frontExpired(policy.maxWait)) this.dispatch(waiting);
      else break;
    }
    if (policy.kind === 'fullOrMaxWait') this.armDeadline(policy.maxWait);
  }

  private frontExpired(maxWait: number): boolean {
    const front = this.queue.at(0);
    // The fired-timer check guards against the deadline time not round-tripping exactly
    // through the event list's `now + delay` arithmetic.
    return front !== undefined && (front.serial === this.expiredSerial || this.sim.now >= front.joined + maxWait);
  }

  /** Schedule the front item's max-wait deadline unless it is scheduled or already past. */
  private armDeadline(maxWait: number): void {
    const front = this.queue.at(0);
    if (front === undefined || front.serial === this.timerSerial || this.frontExpired(maxWait)) return;
    this.timerSerial = front.serial;
    this.sim.scheduleAt(front.joined + maxWait, this.onDeadline, ++this.timerGeneration, LATE);
  }

  private readonly onDeadline = (generation: number): void => {
    if (generation !== this.timerGeneration) return;
    this.expiredSerial = this.timerSerial;
    const before = this.departures;
    this.tryDispatch();
    if (this.departures !== before) this.changed();
  };

  private planSlot(): void {
    const time = this.slots?.next();
    if (time !== undefined) this.sim.scheduleAt(time, this.onSlot, 0, LATE);
  }

  private readonly onSlot = (): void => {
    const policy = this.policy;
    if (policy.kind !== 'timetable') return;
    if (!this.routeOpen) {
      this.opportunities++;
      this.cancelledDepartures++;
    } else if (this.idleCount === 0) {
      this.opportunities++;
      this.missedSlots++;
    } else {
      // Eligible items are a prefix of the FIFO, since join times only grow along it.
      const latest = this.sim.now - (policy.cutoff ?? 0);
      let count = 0;
      while (count < this.effective && (this.queue.at(count)?.joined ?? Infinity) <= latest) count++;
      if (count > 0 || policy.departEmpty === true) {
        this.dispatch(count);
      } else {
        this.opportunities++;
        this.emptySlots++;
      }
    }
    this.planSlot();
    this.changed();
  };

  /** Close a load of the first `count` waiting items on the longest-idle vehicle. */
  private dispatch(count: number): void {
    const vehicle = this.idle[this.idleHead] as number;
    this.idleHead = (this.idleHead + 1) % this.vehicles;
    this.idleCount--;
    const entries = this.queue.take(count);
    this.tripOpportunity[vehicle] = ++this.opportunities;
    this.tripNumber[vehicle] = ++this.departures;
    this.itemsCarried += entries.length;
    this.tripEntries[vehicle] = entries;
    this.sim.schedule(drawHours(this.times.load, this.rng.load, `${this.name} loadTime`), this.onLoaded, vehicle);
  }

  private readonly onLoaded = (vehicle: number): void => {
    if (this.routeOpen) this.leave(vehicle);
    else this.heldByClosure.push(vehicle);
  };

  private reopened(): void {
    const held = this.heldByClosure;
    this.heldByClosure = [];
    for (const vehicle of held) {
      // Another listener may have closed the route again at this instant.
      if (this.routeOpen) this.leave(vehicle);
      else this.heldByClosure.push(vehicle);
    }
    const before = this.departures;
    this.tryDispatch();
    if (this.departures !== before) this.changed();
  }

  private leave(vehicle: number): void {
    this.tripDeparted[vehicle] = this.sim.now;
    this.sim.schedule(drawHours(this.times.travel, this.rng.travel, `${this.name} travelTime`), this.onArrived, vehicle);
  }

  private readonly onArrived = (vehicle: number): void => {
    this.tripArrived[vehicle] = this.sim.now;
    this.sim.schedule(drawHours(this.times.unload, this.rng.unload, `${this.name} unloadTime`), this.onUnloaded, vehicle);
  };

  private readonly onUnloaded = (vehicle: number): void => {
    const entries = this.tripEntries[vehicle] ?? [];
    this.tripEntries[vehicle] = null;
    const departed = this.tripDeparted[vehicle] as number;
    const arrived = this.tripArrived[vehicle] as number;
    const departure = this.tripNumber[vehicle] as number;
    const opportunity = this.tripOpportunity[vehicle] as number;
    const delivered = this.sim.now;
    for (const e of entries) {
      const missed = opportunity - 1 - e.mark;
      if (e.event !== null) {
        e.event.succeed({ item: e.item, joined: e.joined, departed, arrived, delivered, vehicle, departure, missed });
      } else {
        e.departed = departed;
        e.arrived = arrived;
        e.delivered = delivered;
        e.vehicle = vehicle;
        e.departure = departure;
        e.missed = missed;
        this.sim.enqueue(e.rider as Firable, 0, NORMAL, e.step);
      }
    }
    this.itemsDelivered += entries.length;
    this.sim.schedule(drawHours(this.times.return, this.rng.return, `${this.name} returnTime`), this.onReturned, vehicle);
  };

  private readonly onReturned = (vehicle: number): void => {
    this.idle[(this.idleHead + this.idleCount) % this.vehicles] = vehicle;
    this.idleCount++;
    this.tryDispatch();
    this.changed();
  };
}
