/**
 * Ferry service: a Caspian ferry or feeder crossing modelled as berth operations at two ports A
 * (origin) and B (destination), with a fleet of N vessels of K items (FEU) each. Times are hours.
 *
 * - Capacity: a vessel takes floor(loadFactor * K) items, at least 1 (as BatchTransport).
 * - Ports: A and B may each have a `Closure`. While a port is closed nothing starts there (no
 *   berthing, no item loading or unloading, no departure); an activity in progress (berthing, one
 *   item, a call time) finishes. A vessel arriving at a closed port anchors until it opens (anchor
 *   hours and anchored calls are counted per port). The `crossingClosure` holds departures from A
 *   (the loaded vessel stays at berth); vessels at sea continue, departures from B ignore it.
 * - Call at A: vessels start idle at A; an idle vessel berths (`berthingTime`) when a berth is free
 *   (`berths`, default 1) and A is open, then is open for loading, even with nothing waiting.
 *   Items queue FIFO and are loaded one at a time per vessel (`loadPerItem`, drawn per item): an
 *   item that arrives while a vessel is free at berth starts loading at once. With several vessels
 *   open for loading each loads in parallel; a waiting item goes to the earliest-opened vessel that
 *   is not busy with an item and has room.
 * - Load closing (DeparturePolicy): `whenFull` when the effective capacity is aboard;
 *   `fullOrMaxWait` when full, or at or after `maxWait` hours from the vessel's first item having
 *   finished loading with at least `minLoad` aboard (below minLoad it keeps loading until minLoad);
 *   `timetable` at each slot (LATE priority) the earliest-opened vessel closes with what is aboard
 *   if at least 1 item or `departEmpty` (else the slot is empty); a slot with A closed is cancelled,
 *   one with no vessel open for loading is missed. Under a timetable the earliest-opened vessel
 *   only takes items that joined at or before (next slot - cutoff); later items wait for the next
 *   vessel (other vessels at berth take them). An item in progress when the load closes goes too.
 *   A load may close while A is closed (a decision); its departure then waits.
 * - Departure: `callCloseTime` passes at berth, then the vessel leaves if A and the crossing are
 *   open, otherwise it is held at berth (`heldHours`). Leaving frees the berth.
 * - At B: `sailingTime` after leaving the vessel is off B (anchors while B is closed), berths
 *   (`berthingTime`), unloads one item at a time (`unloadPerItem`); each item's `board` event
 *   succeeds when its own unloading ends. Then `unloadCallTime`, then it leaves B (held while B is
 *   closed, counted in `heldHours`), returns in `returnTime`, anchors off A while A is closed and
 *   becomes idle at A.
 * - Fleet: `setVesselsOutOfService(k)` removes idle vessels at A first (latest idle first) and
 *   withholds the next vessels coming into port A (on return, or off anchor when A reopens) until
 *   k are out; lowering k returns vessels idle at A. Loading, sea and B vessels are not affected.
 *
 * Same-instant order: closure changes are URGENT (closure.ts), activities NORMAL, timetable slots
 * and max-wait deadlines LATE. The fleet's first berthing is at NORMAL priority at creation time,
 * after closures that start at that instant.
 */
import { LATE, type Firable } from '../engine/event-queue.ts';
import type { SimEvent } from '../engine/event.ts';
import type { Simulation } from '../engine/simulation.ts';
import { TimetableSlots } from './batch-policy.ts';
import { ANCHOR_A, BERTHING_A, CLOSING, FerryFleet, HELD_A, IDLE, LOADING, OUT_OF_SERVICE, SAILING, open } from './ferry-service-fleet.ts';
import { FerrySeat, type FerryRecord, type FerryServiceOptions } from './ferry-service-types.ts';

export { FerrySeat, type FerryRecord, type FerryServiceOptions } from './ferry-service-types.ts';

/** A fleet of K-item vessels running berth operations between ports A and B (see the file comment). */
export class FerryService<T = unknown> extends FerryFleet<T> {
  private readonly slots: TimetableSlots | null;
  private nextSlot = Infinity;

  /** @param sim the simulation. @param options see `FerryServiceOptions` (hours, items). */
  constructor(sim: Simulation, options: FerryServiceOptions) {
    super(sim, options);
    this.origin?.onChange((isOpen) => this.reopened(isOpen, this.originOpened));
    this.destination?.onChange((isOpen) => this.reopened(isOpen, this.destinationOpened));
    this.crossing?.onChange((isOpen) => this.reopened(isOpen, this.releaseHeldA));
    this.slots = this.policy.kind === 'timetable' ? new TimetableSlots(this.policy, sim.now) : null;
    this.planSlot();
    sim.schedule(0, () => {
      this.berthNext();
      this.after();
    });
  }

  /** An item joins the FIFO at A; the event succeeds with its record when its own unloading at B ends. */
  board(item: T): SimEvent<FerryRecord<T>> {
    const event = this.sim.event<FerryRecord<T>>(`${this.name} delivery`);
    const seat = new FerrySeat<T>();
    seat.reset(item, this.sim.now);
    seat.event = event;
    this.join(seat);
    return event;
  }

  /**
   * The callback form of `board`, for state-machine model code: `rider.fire(step)` is called
   * through an entry made exactly where `board`'s event would have succeeded, so the order of
   * events is the same. Returns the seat, whose record fields are filled in by then; pass the
   * seat of an earlier, delivered ride to reuse it, else a new one is made.
   */
  ride(item: T, rider: Firable, step: number, seat: FerrySeat<T> = new FerrySeat<T>()): FerrySeat<T> {
    seat.reset(item, this.sim.now);
    seat.event = null;
    seat.rider = rider;
    seat.step = step;
    this.join(seat);
    return seat;
  }

  private join(entry: FerrySeat<T>): void {
    this.queue.push(entry);
    this.feed();
    this.after();
  }

  /** Change the share of K a vessel may carry; loads already closed keep their size. */
  setLoadFactor(loadFactor: number): void {
    this.effective = this.effectiveFor(loadFactor);
    this.factor = loadFactor;
    for (const v of this.loading.slice()) if (this.busy[v] === 0) this.checkClose(v);
    this.feed();
    this.after();
  }

  /** Keep `count` vessels out of service (0 to N): idle vessels at A go first, then the next to return. */
  setVesselsOutOfService(count: number): void {
    if (!Number.isInteger(count) || count < 0 || count > this.vessels) throw new RangeError(`${this.owner}: vessels out of service must be an integer from 0 to ${this.vessels}, got ${count}`);
    this.outTarget = count;
    while (this.out.length > count) this.makeIdle(this.out.pop() as number);
    while (this.out.length < count && this.idleCount > 0) {
      const v = this.idle[(this.idleHead + --this.idleCount) % this.vessels] as number;
      this.state[v] = OUT_OF_SERVICE;
      this.out.push(v);
    }
    this.berthNext();
    this.after();
  }

  private reopened(isOpen: boolean, handler: () => void): void {
    if (!isOpen) return;
    handler();
    this.after();
  }

  // ---- Port A ----

  private berthNext(): void {
    while (open(this.origin) && this.idleCount > 0 && this.berthed.length < this.berths) {
      const v = this.idle[this.idleHead] as number;
      this.idleHead = (this.idleHead + 1) % this.vessels;
      this.idleCount--;
      this.berthed.push(v);
      this.state[v] = BERTHING_A;
      this.sim.schedule(this.draw('berthing'), this.onBerthedA, v);
    }
  }

  private readonly onBerthedA = (v: number): void => {
    this.state[v] = LOADING;
    this.call[v] = (this.call[v] as number) + 1;
    this.expired[v] = 0;
    this.loading.push(v);
    this.feed();
    this.after();
  };

  /** Start loading waiting items on free vessels at berth, while A is open. */
  private feed(): void {
    if (!open(this.origin)) return;
    const order = this.loading;
    for (let i = 0; i < order.length && this.queue.length > 0; i++) {
      const v = order[i] as number;
      const cargo = this.cargo[v] as Array<FerrySeat<T>>;
      if (this.busy[v] === 1 || cargo.length >= this.effective) continue;
      const policy = this.policy;
      if (i === 0 && policy.kind === 'timetable' && (this.queue.at(0) as FerrySeat<T>).joined > this.nextSlot - (policy.cutoff ?? 0)) continue;
      const entry = this.queue.shift() as FerrySeat<T>;
      entry.loadStarted = this.sim.now;
      this.onLoadStartHook?.(entry.item, this.sim.now);
      cargo.push(entry);
      this.atOrigin++;
      this.busy[v] = 1;
      this.sim.schedule(this.draw('load'), this.onItemLoaded, v);
    }
  }

  private readonly onItemLoaded = (v: number): void => {
    this.busy[v] = 0;
    const cargo = this.cargo[v] as Array<FerrySeat<T>>;
    (cargo[cargo.length - 1] as FerrySeat<T>).loaded = this.sim.now;
    if (this.state[v] === CLOSING) {
      this.startClosing(v);
    } else {
      if (cargo.length === 1 && this.policy.kind === 'fullOrMaxWait') this.sim.schedule(this.policy.maxWait, this.onDeadline, (this.call[v] as number) * this.vessels + v, LATE);
      this.checkClose(v);
    }
    this.feed();
    this.after();
  };

  private readonly onDeadline = (data: number): void => {
    const v = data % this.vessels;
    if (this.state[v] !== LOADING || this.call[v] !== Math.floor(data / this.vessels)) return;
    this.expired[v] = 1;
    if (this.busy[v] === 0) this.checkClose(v);
    this.feed();
    this.after();
  };

  /** whenFull and fullOrMaxWait: close the load of vessel `v` (open for loading, no item in progress) if due. */
  private checkClose(v: number): void {
    const policy = this.policy;
    if (policy.kind === 'timetable') return;
    const aboard = (this.cargo[v] as Array<FerrySeat<T>>).length;
    if (aboard >= this.effective || (policy.kind === 'fullOrMaxWait' && this.expired[v] === 1 && aboard >= (policy.minLoad ?? 1))) this.closeLoad(v);
  }

  private planSlot(): void {
    const time = this.slots?.next();
    this.nextSlot = time ?? Infinity;
    if (time !== undefined) this.sim.scheduleAt(time, this.onSlot, 0, LATE);
  }

  private readonly onSlot = (): void => {
    const policy = this.policy;
    const v = this.loading[0];
    if (!open(this.origin)) this.cancelledSlots++;
    else if (v === undefined) this.missedSlots++;
    else if ((this.cargo[v] as Array<FerrySeat<T>>).length > 0 || (policy.kind === 'timetable' && policy.departEmpty === true)) this.closeLoad(v);
    else this.emptySlots++;
    this.planSlot();
    this.feed();
    this.after();
  };

  private closeLoad(v: number): void {
    this.state[v] = CLOSING;
    this.loading.splice(this.loading.indexOf(v), 1);
    // An item in progress goes too: closing starts when it is loaded (onItemLoaded).
    if (this.busy[v] === 0) this.startClosing(v);
  }

  private startClosing(v: number): void {
    this.sim.schedule(this.draw('close'), this.onClosed, v);
  }

  private readonly onClosed = (v: number): void => {
    if (open(this.origin) && open(this.crossing)) {
      this.leave(v);
    } else {
      this.state[v] = HELD_A;
      this.since[v] = this.sim.now;
      this.heldA.push(v);
    }
    this.after();
  };

  private readonly releaseHeldA = (): void => {
    const held = this.heldA;
    this.heldA = [];
    for (const v of held) {
      // Another listener may have closed a closure again at this instant.
      if (open(this.origin) && open(this.crossing)) {
        this.held += this.sim.now - (this.since[v] as number);
        this.leave(v);
      } else {
        this.heldA.push(v);
      }
    }
  };

  private leave(v: number): void {
    const count = (this.cargo[v] as Array<FerrySeat<T>>).length;
    this.departedAt[v] = this.sim.now;
    this.departureNo[v] = ++this.departures;
    this.itemsCarried += count;
    this.atOrigin -= count;
    this.aboard += count;
    this.berthed.splice(this.berthed.indexOf(v), 1);
    this.state[v] = SAILING;
    this.sim.schedule(this.draw('sail'), this.onArrivedB, v);
    this.berthNext();
  }

  private readonly originOpened = (): void => {
    const anchored = this.anchoredA;
    this.anchoredA = [];
    for (const v of anchored) {
      if (open(this.origin)) {
        this.anchorA += this.sim.now - (this.since[v] as number);
        this.inPortA(v);
      } else {
        this.anchoredA.push(v);
      }
    }
    this.releaseHeldA();
    this.berthNext();
    this.feed();
  };

  /** A returning vessel is in port A: withheld for repair if vessels are due out of service, else idle. */
  private inPortA(v: number): void {
    if (this.out.length < this.outTarget) {
      this.state[v] = OUT_OF_SERVICE;
      this.out.push(v);
    } else {
      this.makeIdle(v);
    }
  }

  private makeIdle(v: number): void {
    this.state[v] = IDLE;
    this.idle[(this.idleHead + this.idleCount) % this.vessels] = v;
    this.idleCount++;
    this.berthNext();
  }

  protected readonly onReturnedA = (v: number): void => {
    if (open(this.origin)) {
      this.inPortA(v);
    } else {
      this.state[v] = ANCHOR_A;
      this.since[v] = this.sim.now;
      this.anchoredCallsAtOrigin++;
      this.anchoredA.push(v);
    }
    this.feed();
    this.after();
  };
}
