/**
 * Identical servers shared by many users: berths at a port, gantry cranes at a terminal,
 * gauge-change tracks at a border station. A user asks with `request`, yields the request until
 * a server is granted, and gives it back with `release`. Times are in hours.
 */
import { SimEvent, URGENT, type Process, type Simulation } from '../engine/index.ts';
import { HeadQueue } from './store.ts';

/** Where a request is in its life: queued, holding a server, or finished one way or another. */
export type RequestStatus = 'waiting' | 'granted' | 'released' | 'cancelled' | 'preempted';

/** How a user asks for a server. */
export interface RequestOptions {
  /** Lower is served first (e.g. 0 for a block train, 5 for a wagonload); finite; default 0. */
  readonly priority?: number;
  /** Whether this request may displace a user of strictly worse priority; default false. */
  readonly preempt?: boolean;
}

/**
 * The cause a preempted user's process is interrupted with (as `Interrupt.cause`): a priority
 * train took its gauge-change track, an urgent vessel its berth.
 */
export class Preempted {
  /**
   * @param by the process whose request displaced the user (null if made outside a process).
   * @param usageSince when the displaced user had been granted the server, hours.
   * @param resource the resource the server belongs to.
   */
  constructor(readonly by: Process<unknown> | null, readonly usageSince: number, readonly resource: Resource) {}

  // Keeps `Interrupt`'s message short: without it the message would serialise the whole model.
  toJSON(): { preemptedBy: string | null; usageSince: number; resource: string } {
    return { preemptedBy: this.by?.name ?? null, usageSince: this.usageSince, resource: this.resource.name };
  }
}

/**
 * A claim on one server of a `Resource`: an event that succeeds when the server is granted (a
 * ship's berth assignment, a train's slot on a transfer track).
 */
export class Request extends SimEvent<undefined> {
  /** Where the request is in its life; maintained by the resource, read it, never set it. */
  status: RequestStatus = 'waiting';
  /** When the server was granted, hours; undefined until then. Maintained by the resource. */
  usageSince: number | undefined = undefined;
  /** @internal Position in the resource's priority heap, -1 when not in it. */
  heapIndex = -1;
  /** @internal Order of the grant among all grants, to preempt the most recent user first. */
  grantOrder = -1;

  /**
   * @param resource the resource asked.
   * @param priority lower is served first.
   * @param preempt whether this request may displace a user of strictly worse priority.
   * @param process the process that asked, interrupted if the request is preempted.
   * @param sequence the request's rank in asking order: breaks ties between equal priorities.
   */
  constructor(
    readonly resource: Resource,
    readonly priority: number,
    readonly preempt: boolean,
    readonly process: Process<unknown> | null,
    readonly sequence: number,
  ) {
    super(resource.sim);
  }
}

// The options of a plain request, shared: a default `{}` would be a new object per request.
const DEFAULT_REQUEST: RequestOptions = Object.freeze({});

/**
 * `capacity` identical servers (berths, cranes, tracks) with a FIFO or priority queue and
 * optional preemption. Capacity may change over time (`setCapacity`, `capacitySchedule`).
 */
export class Resource {
  /**
   * Called with the current time (hours) after each operation that changed `users`,
   * `queueLength` or `capacity`, once the resource has settled; feed time-weighted statistics
   * from it. Several calls may share an instant.
   */
  onChange?: ((now: number) => void) | undefined;
  private cap: number;
  private readonly holders: Request[] = [];
  // FIFO until the first request with a non-zero priority arrives; then a heap for good. Both
  // order by (priority, sequence), so switching never changes who is served next.
  private readonly fifo = new HeadQueue<Request>();
  private heap: RequestHeap | null = null;
  private nextSequence = 0;
  private grants = 0;

  /**
   * @param sim the simulation.
   * @param capacity number of servers: an integer >= 0, or Infinity; default 1.
   * @param name used in error messages and traces.
   */
  constructor(readonly sim: Simulation, capacity = 1, readonly name = 'resource') {
    this.cap = checkCapacity(capacity, `Resource "${name}"`);
  }

  /** Number of servers currently in service. */
  get capacity(): number {
    return this.cap;
  }

  /** Number of servers held (granted and not yet released); may exceed `capacity` after a cut. */
  get users(): number {
    return this.holders.length;
  }

  /** Number of requests waiting for a server. */
  get queueLength(): number {
    return this.heap !== null ? this.heap.size : this.fifo.size;
  }

  /** Ask for a server; yield the returned request to wait until it is granted. */
  request(options: RequestOptions = DEFAULT_REQUEST): Request {
    const priority = options.priority ?? 0;
    if (typeof priority !== 'number' || !Number.isFinite(priority)) {
      throw new RangeError(`Resource "${this.name}": request priority must be a finite number, got ${String(priority)}`);
    }
    const request = new Request(this, priority, options.preempt === true, this.sim.activeProcess, this.nextSequence++);
    if (this.holders.length < this.cap && this.queueLength === 0) {
      this.grant(request);
    } else {
      if (priority !== 0 && this.heap === null) this.switchToHeap();
      if (this.heap !== null) this.heap.push(request);
      else this.fifo.push(request);
      this.serve();
    }
    this.changed();
    return request;
  }

  /**
   * Give a server back (a waiting request is cancelled instead). Releasing a preempted request
   * is accepted once and does nothing, so `finally { release(req) }` stays safe.
   */
  release(request: Request): void {
    this.checkOwn(request, 'release');
    switch (request.status) {
      case 'granted': {
        const holders = this.holders;
        const at = holders.indexOf(request);
        holders[at] = holders[holders.length - 1] as Request;
        holders.pop();
        request.status = 'released';
        this.serve();
        this.changed();
        return;
      }
      case 'waiting':
        this.withdraw(request);
        return;
      case 'preempted':
        request.status = 'released';
        return;
      default:
        throw new Error(`Resource "${this.name}": ${describeRequest(request)} has already been ${request.status}`);
    }
  }

  /** Withdraw a request that is still waiting (a truck that stops queueing at the gate). */
  cancel(request: Request): void {
    this.checkOwn(request, 'cancel');
    if (request.status !== 'waiting') {
      const hint = request.status === 'granted' ? '; use release() to give the server back' : '';
      throw new Error(`Resource "${this.name}": cannot cancel ${describeRequest(request)}: it is ${request.status}${hint}`);
    }
    this.withdraw(request);
  }

  /**
   * Change the number of servers (a crane breaks down, a night shift starts). An increase grants
   * waiting requests at once. A decrease never preempts: users above the new capacity finish
   * their work, and no request is granted until `users < capacity` again.
   */
  setCapacity(capacity: number): void {
    this.cap = checkCapacity(capacity, `Resource "${this.name}".setCapacity`);
    this.serve();
    this.changed();
  }

  private withdraw(request: Request): void {
    if (this.heap !== null) this.heap.remove(request);
    else this.fifo.remove(request);
    request.status = 'cancelled';
    // The request behind it may be a preemptive one that can now act.
    this.serve();
    this.changed();
  }

  // Grants while servers are free; a preemptive request at the head of the queue may also take
  // the server of a worse user, but only when that frees a server below capacity for it.
  private serve(): void {
    for (;;) {
      const head = this.heap !== null ? this.heap.peek() : this.fifo.peek();
      if (head === undefined) return;
      if (this.holders.length >= this.cap) {
        if (!head.preempt || this.holders.length !== this.cap) return;
        const victim = this.findVictim(head.priority);
        if (victim === undefined) return;
        this.evict(victim, head);
      }
      if (this.heap !== null) this.heap.pop();
      else this.fifo.shift();
      this.grant(head);
    }
  }

  private grant(request: Request): void {
    request.status = 'granted';
    request.usageSince = this.sim.now;
    request.grantOrder = this.grants++;
    this.holders.push(request);
    request.succeed(undefined);
  }

  // The worst-priority user strictly worse than `priority`; among equals the latest granted.
  private findVictim(priority: number): Request | undefined {
    let victim: Request | undefined;
    for (const user of this.holders) {
      if (user.priority <= priority) continue;
      if (victim === undefined || user.priority > victim.priority || (user.priority === victim.priority && user.grantOrder > victim.grantOrder)) {
        victim = user;
      }
    }
    return victim;
  }

  private evict(victim: Request, by: Request): void {
    const holders = this.holders;
    holders[holders.indexOf(victim)] = holders[holders.length - 1] as Request;
    holders.pop();
    victim.status = 'preempted';
    const target = victim.process;
    if (target === null || !target.isAlive) return;
    const cause = new Preempted(by.process, victim.usageSince ?? this.sim.now, this);
    if (target !== this.sim.activeProcess) {
      target.interrupt(cause);
      return;
    }
    // The victim's own process is running (it released or cancelled another request of its own),
    // and a process cannot interrupt itself: deliver the interrupt right after it yields.
    this.sim.schedule(0, () => {
      if (target.isAlive) target.interrupt(cause);
    }, 0, URGENT);
  }

  private switchToHeap(): void {
    const heap = new RequestHeap();
    for (let request = this.fifo.shift(); request !== undefined; request = this.fifo.shift()) heap.push(request);
    this.heap = heap;
  }

  private checkOwn(request: Request, action: string): void {
    if (!(request instanceof Request)) throw new TypeError(`Resource "${this.name}".${action} requires a Request, got ${String(request)}`);
    if (request.resource !== this) {
      throw new Error(`Resource "${this.name}": cannot ${action} ${describeRequest(request)}, which was made to resource "${request.resource.name}"`);
    }
  }

  private changed(): void {
    if (this.onChange !== undefined) this.onChange(this.sim.now);
  }
}

function describeRequest(request: Request): string {
  return `request #${request.sequence}${request.process !== null ? ` of process "${request.process.name}"` : ''}`;
}

/** Validate a server count: an integer >= 0, or Infinity. `what` names the caller for messages. */
export function checkCapacity(capacity: number, what: string): number {
  if (typeof capacity !== 'number' || !(capacity >= 0) || (!Number.isInteger(capacity) && capacity !== Infinity)) {
    throw new RangeError(`${what}: capacity must be an integer >= 0 (or Infinity), got ${String(capacity)}`);
  }
  return capacity;
}

/** One change of a shift pattern: from `at` hours on, `capacity` servers. */
export interface CapacityEntry {
  /** Hours after the schedule starts (within the period when it repeats). */
  readonly at: number;
  /** Servers in service from then on: an integer >= 0, or Infinity. */
  readonly capacity: number;
}

/**
 * Drive `resource.setCapacity` from a shift pattern, e.g. 4 cranes from 06 h to 22 h and 2 at
 * night: `[{ at: 0, capacity: 2 }, { at: 6, capacity: 4 }, { at: 22, capacity: 2 }]` with
 * `repeatEvery = 24`. Times `at` count from now (call at t = 0 to align them with the clock of
 * day); entries at 0 take effect immediately. With `repeatEvery` (hours) the pattern recurs
 * forever, so run the simulation with an end time. Returns a handle whose `stop()` ends it.
 */
export function capacitySchedule(
  sim: Simulation,
  resource: Resource,
  entries: readonly CapacityEntry[],
  repeatEvery?: number,
): { stop(): void } {
  const where = `capacitySchedule for resource "${resource.name}"`;
  if (repeatEvery !== undefined && !(Number.isFinite(repeatEvery) && repeatEvery > 0)) {
    throw new RangeError(`${where}: repeatEvery must be a finite number of hours > 0, got ${String(repeatEvery)}`);
  }
  if (entries.length === 0) throw new RangeError(`${where}: needs at least one entry`);
  let previous = -Infinity;
  entries.forEach((entry, i) => {
    const { at } = entry;
    if (!(Number.isFinite(at) && at >= 0)) throw new RangeError(`${where}: entries[${i}].at must be a finite number of hours >= 0, got ${String(at)}`);
    if (repeatEvery !== undefined && at >= repeatEvery) throw new RangeError(`${where}: entries[${i}].at = ${at} h must be below repeatEvery = ${repeatEvery} h`);
    if (at <= previous) throw new RangeError(`${where}: entries[${i}].at = ${at} h must be later than entries[${i - 1}].at = ${previous} h`);
    checkCapacity(entry.capacity, `${where}, entries[${i}]`);
    previous = at;
  });
  const start = sim.now;
  const count = entries.length;
  let stopped = false;
  // Occurrence j is entry j % count of period floor(j / count); each time is computed from the
  // start rather than accumulated, so a long repetition does not drift.
  const timeOf = (j: number): number => start + Math.floor(j / count) * (repeatEvery ?? 0) + (entries[j % count] as CapacityEntry).at;
  const apply = (j: number): void => {
    if (stopped) return;
    resource.setCapacity((entries[j % count] as CapacityEntry).capacity);
    const next = j + 1;
    if (next < count || repeatEvery !== undefined) sim.scheduleAt(timeOf(next), apply, next);
  };
  if ((entries[0] as CapacityEntry).at === 0) apply(0);
  else sim.scheduleAt(timeOf(0), apply, 0);
  return { stop: () => void (stopped = true) };
}

/** Waiting requests ordered by (priority, sequence), with removal of any entry in O(log n). */
class RequestHeap {
  private readonly items: Request[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Request | undefined {
    return this.items[0];
  }

  push(request: Request): void {
    this.items.push(request);
    this.up(this.items.length - 1, request);
  }

  pop(): Request | undefined {
    const top = this.items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  remove(request: Request): void {
    const items = this.items;
    const at = request.heapIndex;
    request.heapIndex = -1;
    const last = items.pop() as Request;
    if (last === request) return;
    if (at > 0 && before(last, items[(at - 1) >> 1] as Request)) this.up(at, last);
    else this.down(at, last);
  }

  private up(at: number, request: Request): void {
    const items = this.items;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = items[parent] as Request;
      if (!before(request, above)) break;
      items[at] = above;
      above.heapIndex = at;
      at = parent;
    }
    items[at] = request;
    request.heapIndex = at;
  }

  private down(at: number, request: Request): void {
    const items = this.items;
    const n = items.length;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      const right = items[child + 1];
      if (right !== undefined && before(right, items[child] as Request)) child++;
      const below = items[child] as Request;
      if (!before(below, request)) break;
      items[at] = below;
      below.heapIndex = at;
      at = child;
    }
    items[at] = request;
    request.heapIndex = at;
  }
}

function before(a: Request, b: Request): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.sequence < b.sequence);
}
