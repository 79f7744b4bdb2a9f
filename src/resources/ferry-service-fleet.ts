/**
 * The base of `FerryService` (ferry-service.ts): options validated, random streams, per-vessel
 * typed arrays, counters and their getters, and the far end of the cycle (off B, anchoring,
 * berthing, unloading item by item, leaving B). The subclass holds port A, the departure policies
 * and the public commands; semantics are in its file comment. Times are hours, sizes are items.
 */
import { NORMAL, type Firable } from '../engine/event-queue.ts';
import type { Simulation } from '../engine/simulation.ts';
import { RandomStreams, type RandomStream } from '../random/index.ts';
import { checkHours, drawHours, type Hours } from './batch-duration.ts';
import { validatePolicy, type DeparturePolicy } from './batch-policy.ts';
import type { Closure } from './closure.ts';
import { HeadIndexQueue } from './batch-queue.ts';
import { checkedUsableItems } from './load-factor.ts';
import type { FerrySeat, FerryServiceOptions } from './ferry-service-types.ts';

/** The timed activities of a vessel's cycle, each with its own option and random stream. */
export type Activity = 'berthing' | 'load' | 'close' | 'sail' | 'unload' | 'unloadCall' | 'return';
const OPTION: Record<Activity, string> = { berthing: 'berthingTime', load: 'loadPerItem', close: 'callCloseTime', sail: 'sailingTime', unload: 'unloadPerItem', unloadCall: 'unloadCallTime', return: 'returnTime' };
/** Vessel states (values of `FerryFleet.state`). */
export const IDLE = 0, ANCHOR_A = 1, BERTHING_A = 2, LOADING = 3, CLOSING = 4, HELD_A = 5, SAILING = 6, ANCHOR_B = 7;
/** Vessel states, continued. */
export const BERTHING_B = 8, UNLOADING = 9, UNLOAD_CALL = 10, HELD_B = 11, RETURNING = 12, OUT_OF_SERVICE = 13;
/** True when `closure` is absent or open. */
export const open = (closure: Closure | undefined): boolean => closure === undefined || closure.isOpen;

/** State, counters, getters and port-B operations of a ferry fleet; see `FerryService`. */
export abstract class FerryFleet<T> {
  /** Vessels that left A (including empty timetable departures). */
  departures = 0;
  /** Items that left A aboard a vessel. */
  itemsCarried = 0;
  /** Items whose unloading at B ended. */
  itemsDelivered = 0;
  /** Timetable slots that fell while A was closed. */
  cancelledSlots = 0;
  /** Timetable slots with no vessel open for loading at A. */
  missedSlots = 0;
  /** Timetable slots skipped: nothing aboard the vessel and `departEmpty` off. */
  emptySlots = 0;
  /** Vessel calls at A that anchored because A was closed on arrival. */
  anchoredCallsAtOrigin = 0;
  /** Vessel calls at B that anchored because B was closed on arrival. */
  anchoredCallsAtDestination = 0;
  /** Label for messages; prefix of the stream names when given a `RandomStreams`. */
  readonly name: string;
  /** K, items. */
  readonly capacity: number;
  /** N. */
  readonly vessels: number;
  /** Berths at A. */
  readonly berths: number;
  protected effective: number;
  protected factor: number;
  protected readonly owner: string;
  protected readonly queue = new HeadIndexQueue<FerrySeat<T>>();
  protected readonly policy: DeparturePolicy;
  protected readonly origin: Closure | undefined;
  protected readonly destination: Closure | undefined;
  protected readonly crossing: Closure | undefined;
  protected readonly times: Record<Activity, Hours>;
  protected readonly rng: Record<Activity, RandomStream>;
  protected readonly labels: Record<Activity, string>;
  protected readonly onChangeHook: ((now: number) => void) | undefined;
  protected readonly onLoadStartHook: ((item: T, now: number) => void) | undefined;
  // Idle vessels at A as a ring of ids, first idle first to berth.
  protected readonly idle: Int32Array;
  protected idleHead = 0;
  protected idleCount: number;
  protected readonly out: number[] = [];
  protected outTarget = 0;
  /** Vessels occupying a berth at A; vessels open for loading, earliest first. */
  protected readonly berthed: number[] = [];
  protected readonly loading: number[] = [];
  protected anchoredA: number[] = [];
  protected heldA: number[] = [];
  protected readonly state: Uint8Array;
  protected readonly busy: Uint8Array;
  protected readonly expired: Uint8Array;
  protected readonly call: Float64Array;
  protected readonly since: Float64Array;
  protected readonly departedAt: Float64Array;
  protected readonly arrivedAt: Float64Array;
  protected readonly berthedAt: Float64Array;
  protected readonly departureNo: Float64Array;
  protected readonly unloadIndex: Int32Array;
  protected readonly cargo: Array<Array<FerrySeat<T>>>;
  protected anchorA = 0;
  protected anchorB = 0;
  protected held = 0;
  protected atOrigin = 0;
  protected aboard = 0;
  protected reportedQueue = -1;
  protected reportedInUse = -1;
  protected reportedWorking = -1;

  /** @param sim the simulation. @param options see `FerryServiceOptions` (hours, items). */
  constructor(readonly sim: Simulation, options: FerryServiceOptions) {
    this.name = options.name ?? 'ferry';
    const owner = (this.owner = `FerryService "${this.name}"`);
    const { capacity, vessels = 1, berths = 1 } = options;
    for (const [option, value] of [['capacity', capacity], ['vessels', vessels], ['berths', berths]] as const) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${owner}: ${option} must be a positive integer, got ${value}`);
    }
    this.capacity = capacity;
    this.vessels = vessels;
    this.berths = berths;
    validatePolicy(options.policy, capacity, owner);
    this.policy = options.policy;
    this.times = {
      berthing: options.berthingTime ?? 0, load: options.loadPerItem, close: options.callCloseTime ?? 0, sail: options.sailingTime,
      unload: options.unloadPerItem, unloadCall: options.unloadCallTime ?? 0, return: options.returnTime ?? options.sailingTime,
    };
    const { random } = options;
    const activities = Object.keys(OPTION) as Activity[];
    const table = <V>(f: (a: Activity) => V): Record<Activity, V> => Object.fromEntries(activities.map((a) => [a, f(a)])) as Record<Activity, V>;
    this.labels = table((a) => `${owner}: ${OPTION[a]}`);
    for (const a of activities) checkHours(this.times[a], this.labels[a]);
    this.rng = table((a) => (random instanceof RandomStreams ? random.stream(`${this.name}/${a}`) : random));
    this.factor = options.loadFactor ?? 1;
    this.effective = this.effectiveFor(this.factor);
    this.origin = options.originPort;
    this.destination = options.destinationPort;
    this.crossing = options.crossingClosure;
    this.onChangeHook = options.onChange;
    this.onLoadStartHook = options.onLoadStart;
    this.idle = Int32Array.from({ length: vessels }, (_, v) => v);
    this.idleCount = vessels;
    this.state = new Uint8Array(vessels);
    this.busy = new Uint8Array(vessels);
    this.expired = new Uint8Array(vessels);
    this.call = new Float64Array(vessels);
    this.since = new Float64Array(vessels);
    this.departedAt = new Float64Array(vessels);
    this.arrivedAt = new Float64Array(vessels);
    this.berthedAt = new Float64Array(vessels);
    this.departureNo = new Float64Array(vessels);
    this.unloadIndex = new Int32Array(vessels);
    this.cargo = Array.from({ length: vessels }, () => []);
  }

  /** Items waiting at A whose loading has not started. */
  get queueLength(): number {
    return this.queue.length;
  }

  /** Items loading or loaded at A whose vessel has not left. */
  get itemsAtOrigin(): number {
    return this.atOrigin;
  }

  /** Items aboard vessels that left A, not yet unloaded at B (itemsCarried = itemsDelivered + itemsAboard). */
  get itemsAboard(): number {
    return this.aboard;
  }

  /** Vessels neither idle at A (waiting for a berth) nor out of service: berthed, at sea, at B, anchored. */
  get vesselsInUse(): number {
    return this.vessels - this.idleCount - this.out.length;
  }

  /**
   * Vessels in use that are working: in use, less those at A's berth open for loading with room
   * aboard and nothing to load (waiting for cargo). The share of the fleet a flow keeps busy.
   */
  get vesselsWorking(): number {
    let waiting = 0;
    if (this.queue.length === 0) {
      for (let v = 0; v < this.vessels; v++) {
        if (this.state[v] === LOADING && this.busy[v] === 0 && (this.cargo[v] as unknown[]).length < this.effective) waiting++;
      }
    }
    return this.vesselsInUse - waiting;
  }

  /** Vessels out of service (in repair). */
  get vesselsOutOfService(): number {
    return this.out.length;
  }

  /** Items a vessel may take now: floor(loadFactor * K), at least 1. */
  get effectiveCapacity(): number {
    return this.effective;
  }

  /** The current share of K a vessel may carry. */
  get loadFactor(): number {
    return this.factor;
  }

  /** Mean of (items on a departure) / K over all departures so far (0 before the first). */
  get meanLoadFactor(): number {
    return this.departures > 0 ? this.itemsCarried / (this.departures * this.capacity) : 0;
  }

  /** Vessel-hours spent anchored off A because A was closed, including spells in progress. */
  get anchorHoursAtOrigin(): number {
    return this.anchorA + this.ongoing(ANCHOR_A);
  }

  /** Vessel-hours spent anchored off B because B was closed, including spells in progress. */
  get anchorHoursAtDestination(): number {
    return this.anchorB + this.ongoing(ANCHOR_B);
  }

  /** Vessel-hours ready to leave a berth but held by a closure (A or crossing at A; B at B). */
  get heldHours(): number {
    return this.held + this.ongoing(HELD_A) + this.ongoing(HELD_B);
  }

  protected effectiveFor(loadFactor: number): number {
    return checkedUsableItems(this.capacity, loadFactor, this.owner);
  }

  protected draw(a: Activity): number {
    return drawHours(this.times[a], this.rng[a], this.labels[a]);
  }

  protected ongoing(state: number): number {
    let hours = 0;
    for (let v = 0; v < this.vessels; v++) if (this.state[v] === state) hours += this.sim.now - (this.since[v] as number);
    return hours;
  }

  /** Run at the end of every entry point: tell the hook if queueLength, vesselsInUse or vesselsWorking changed. */
  protected after(): void {
    const hook = this.onChangeHook;
    if (hook === undefined) return;
    const queue = this.queue.length;
    const inUse = this.vesselsInUse;
    const working = this.vesselsWorking;
    if (queue === this.reportedQueue && inUse === this.reportedInUse && working === this.reportedWorking) return;
    this.reportedQueue = queue;
    this.reportedInUse = inUse;
    this.reportedWorking = working;
    hook(this.sim.now);
  }

  /** Called when vessel `v` is back off A after its return passage. */
  protected abstract readonly onReturnedA: (v: number) => void;

  // ---- Port B: arrival, berthing, unloading item by item, leaving ----

  protected readonly onArrivedB = (v: number): void => {
    this.arrivedAt[v] = this.sim.now;
    if (open(this.destination)) {
      this.berthB(v);
    } else {
      this.state[v] = ANCHOR_B;
      this.since[v] = this.sim.now;
      this.anchoredCallsAtDestination++;
    }
  };

  protected berthB(v: number): void {
    this.state[v] = BERTHING_B;
    this.sim.schedule(this.draw('berthing'), this.onBerthedB, v);
  }

  protected readonly onBerthedB = (v: number): void => {
    this.berthedAt[v] = this.sim.now;
    this.state[v] = UNLOADING;
    this.unloadIndex[v] = 0;
    this.unloadNext(v);
  };

  /** Start the next item's unloading, or the call time after the last, while B is open. */
  protected unloadNext(v: number): void {
    if (!open(this.destination)) return;
    if ((this.unloadIndex[v] as number) < (this.cargo[v] as Array<FerrySeat<T>>).length) {
      this.busy[v] = 1;
      this.sim.schedule(this.draw('unload'), this.onItemUnloaded, v);
    } else {
      this.state[v] = UNLOAD_CALL;
      this.sim.schedule(this.draw('unloadCall'), this.onUnloadCallDone, v);
    }
  }

  protected readonly onItemUnloaded = (v: number): void => {
    this.busy[v] = 0;
    const index = this.unloadIndex[v] as number;
    this.unloadIndex[v] = index + 1;
    const e = (this.cargo[v] as Array<FerrySeat<T>>)[index] as FerrySeat<T>;
    this.itemsDelivered++;
    this.aboard--;
    if (e.event !== null) {
      e.event.succeed({
        item: e.item, joined: e.joined, loadStarted: e.loadStarted, loaded: e.loaded, departed: this.departedAt[v] as number, arrivedOffB: this.arrivedAt[v] as number,
        berthedB: this.berthedAt[v] as number, delivered: this.sim.now, vessel: v, departure: this.departureNo[v] as number,
      });
    } else {
      e.departed = this.departedAt[v] as number;
      e.arrivedOffB = this.arrivedAt[v] as number;
      e.berthedB = this.berthedAt[v] as number;
      e.delivered = this.sim.now;
      e.vessel = v;
      e.departure = this.departureNo[v] as number;
      this.sim.enqueue(e.rider as Firable, 0, NORMAL, e.step);
    }
    this.unloadNext(v);
  };

  protected readonly onUnloadCallDone = (v: number): void => {
    if (open(this.destination)) {
      this.startReturn(v);
    } else {
      this.state[v] = HELD_B;
      this.since[v] = this.sim.now;
    }
  };

  protected startReturn(v: number): void {
    (this.cargo[v] as Array<FerrySeat<T>>).length = 0;
    this.state[v] = RETURNING;
    this.sim.schedule(this.draw('return'), this.onReturnedA, v);
  }

  protected readonly destinationOpened = (): void => {
    for (let v = 0; v < this.vessels && open(this.destination); v++) {
      const state = this.state[v];
      if (state === ANCHOR_B) {
        this.anchorB += this.sim.now - (this.since[v] as number);
        this.berthB(v);
      } else if (state === UNLOADING && this.busy[v] === 0) {
        this.unloadNext(v);
      } else if (state === HELD_B) {
        this.held += this.sim.now - (this.since[v] as number);
        this.startReturn(v);
      }
    }
  };
}
