/**
 * Identical servers for state-machine model code: the callback form of `Resource` (cranes at a
 * terminal, tracks at a yard, a line's train paths), first come first served.
 *
 * A user asks with `request(who, step)` instead of yielding a `Request`: when a server is granted,
 * the engine calls `who.fire(step)` through an entry at the current instant, made exactly where
 * `Resource` would have succeeded the request's event. So a model written either way processes
 * its grants in the same order, while this form allocates nothing per request: the queue holds
 * the waiting users and their step numbers in ring buffers, and a held server is a count.
 *
 * No priorities and no preemption (use `Resource` for those); capacity may change over time.
 */
import { NORMAL, type Firable, type Simulation } from '../engine/index.ts';
import { checkCapacity } from './resource.ts';

const INITIAL_CAPACITY = 16;

/** `capacity` identical servers with a FIFO queue of state machines waiting for one. */
export class Servers {
  /**
   * Called with the current time (hours) after each operation that changed `users`,
   * `queueLength` or `capacity`, once settled; feed time-weighted statistics from it.
   */
  onChange: ((now: number) => void) | undefined = undefined;
  private cap: number;
  private held = 0;
  // Waiting users and their step numbers, a ring buffer whose size is a power of two.
  private waiting: Array<Firable | undefined> = new Array<Firable | undefined>(INITIAL_CAPACITY);
  private steps = new Float64Array(INITIAL_CAPACITY);
  private head = 0;
  private size = 0;

  /**
   * @param sim the simulation.
   * @param capacity number of servers: an integer >= 0, or Infinity; default 1.
   * @param name used in error messages.
   */
  constructor(
    readonly sim: Simulation,
    capacity = 1,
    readonly name = 'servers',
  ) {
    this.cap = checkCapacity(capacity, `Servers "${name}"`);
  }

  /** Number of servers currently in service. */
  get capacity(): number {
    return this.cap;
  }

  /** Number of servers held (granted, not yet released); may exceed `capacity` after a cut. */
  get users(): number {
    return this.held;
  }

  /** Number of users waiting for a server. */
  get queueLength(): number {
    return this.size;
  }

  /** Ask for a server: `who.fire(step)` is called in an entry at the instant it is granted. */
  request(who: Firable, step: number): void {
    if (this.held < this.cap && this.size === 0) {
      this.grant(who, step);
    } else {
      this.push(who, step);
      this.serve();
    }
    this.changed();
  }

  /** Give back one server held by a user. */
  release(): void {
    if (this.held === 0) throw new Error(`Servers "${this.name}": release() with no server held`);
    this.held--;
    this.serve();
    this.changed();
  }

  /**
   * Change the number of servers. An increase grants waiting users at once; a decrease never
   * interrupts: users above the new capacity finish, and no one is granted until `users < capacity`.
   */
  setCapacity(capacity: number): void {
    this.cap = checkCapacity(capacity, `Servers "${this.name}".setCapacity`);
    this.serve();
    this.changed();
  }

  private serve(): void {
    while (this.size > 0 && this.held < this.cap) {
      const at = this.head;
      const who = this.waiting[at] as Firable;
      const step = this.steps[at] as number;
      this.waiting[at] = undefined;
      this.head = (at + 1) & (this.steps.length - 1);
      this.size--;
      this.grant(who, step);
    }
  }

  private grant(who: Firable, step: number): void {
    this.held++;
    this.sim.enqueue(who, 0, NORMAL, step);
  }

  private push(who: Firable, step: number): void {
    if (this.size === this.steps.length) this.grow();
    const at = (this.head + this.size) & (this.steps.length - 1);
    this.waiting[at] = who;
    this.steps[at] = step;
    this.size++;
  }

  private grow(): void {
    const old = this.steps.length;
    const waiting = new Array<Firable | undefined>(old * 2);
    const steps = new Float64Array(old * 2);
    for (let i = 0; i < this.size; i++) {
      const from = (this.head + i) & (old - 1);
      waiting[i] = this.waiting[from];
      steps[i] = this.steps[from] as number;
    }
    this.waiting = waiting;
    this.steps = steps;
    this.head = 0;
  }

  private changed(): void {
    if (this.onChange !== undefined) this.onChange(this.sim.now);
  }
}
