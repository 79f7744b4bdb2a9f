/**
 * The event-list floor of a model: record every push and pop its future-event list makes in one
 * run, then replay exactly those operations on a fresh `EventQueue` whose entries fire small
 * stand-in targets that do nothing but touch themselves. The replay costs what the corridor's
 * events cost the engine alone (its list of a few hundred entries, its lanes, one dispatch per
 * entry to an object among some ten thousand), without any of the model's own work: the part of
 * a corridor event no change to the model's logic can remove. Not a public entry point.
 *
 * It is a floor, optimistic on purpose: every target is one small object of one class (the real
 * ones are containers, trains and callbacks of many shapes, among their seats and statistics),
 * so its dispatch stays monomorphic and its targets sit close together in memory.
 */
import { EventQueue, type Callback, type Firable } from '../src/engine/event-queue.ts';

/** The operations of one run on its event list, in order (parallel arrays, `count` used). */
export interface RecordedEvents {
  /** Number of operations. */
  readonly count: number;
  /** 1: a push, 0: a pop. */
  readonly push: Uint8Array;
  /** A push's time (hours). */
  readonly time: Float64Array;
  readonly priority: Uint16Array;
  /** A push's target, numbered in order of first appearance. */
  readonly target: Int32Array;
  readonly data: Float64Array;
  /** Distinct targets (containers, trains, callbacks, ...). */
  readonly targets: number;
  /** Entries popped (the run's events). */
  readonly pops: number;
}

/** Growable columns for `recordEvents`. */
class Recorder {
  count = 0;
  pops = 0;
  push = new Uint8Array(1 << 16);
  time = new Float64Array(1 << 16);
  priority = new Uint16Array(1 << 16);
  target = new Int32Array(1 << 16);
  data = new Float64Array(1 << 16);
  private readonly ids = new Map<Callback | Firable, number>();

  add(isPush: boolean, time: number, priority: number, target: Callback | Firable | null, data: number): void {
    if (this.count === this.push.length) this.grow();
    const i = this.count++;
    this.push[i] = isPush ? 1 : 0;
    this.time[i] = time;
    this.priority[i] = priority;
    this.data[i] = data;
    if (target === null) {
      this.target[i] = -1;
      this.pops++;
      return;
    }
    let id = this.ids.get(target);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(target, id);
    }
    this.target[i] = id;
  }

  result(): RecordedEvents {
    return { count: this.count, push: this.push, time: this.time, priority: this.priority, target: this.target, data: this.data, targets: this.ids.size, pops: this.pops };
  }

  private grow(): void {
    const size = this.push.length * 2;
    const grown = <T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.push = grown(this.push, (n) => new Uint8Array(n));
    this.time = grown(this.time, (n) => new Float64Array(n));
    this.priority = grown(this.priority, (n) => new Uint16Array(n));
    this.target = grown(this.target, (n) => new Int32Array(n));
    this.data = grown(this.data, (n) => new Float64Array(n));
  }
}

/**
 * Run `run` with every `EventQueue` push and pop recorded (all queues: call it on one simulation
 * at a time). The queue's methods are wrapped for the call and restored after it.
 */
export function recordEvents(run: () => void): RecordedEvents {
  const recorder = new Recorder();
  const proto = EventQueue.prototype;
  const { push, popBefore } = proto;
  proto.push = function (this: EventQueue, time, priority, target, data) {
    recorder.add(true, time, priority, target, data);
    push.call(this, time, priority, target, data);
  };
  proto.popBefore = function (this: EventQueue, limit) {
    const target = popBefore.call(this, limit);
    if (target !== null) recorder.add(false, 0, 0, null, 0);
    return target;
  };
  try {
    run();
  } finally {
    proto.push = push;
    proto.popBefore = popBefore;
  }
  return recorder.result();
}

/** The stand-in for every target: firing it touches it, as firing a container reads its state. */
class StandIn implements Firable {
  fired = 0;
  /** @param id the target's number in the recording. */
  constructor(readonly id: number) {}

  fire(data: number): void {
    this.fired += data + 1;
  }
}

/**
 * Replay `events` on a fresh queue (see the module comment); returns the entries popped. With
 * `order`, the number of each target fired is appended to it (for tests: the replay must fire
 * the recorded run's targets in the recorded order).
 */
export function replayEvents(events: RecordedEvents, order?: number[]): number {
  const queue = new EventQueue();
  const targets = Array.from({ length: events.targets }, (_, id) => new StandIn(id));
  const { push, time, priority, target, data } = events;
  let popped = 0;
  let clock = 0;
  for (let i = 0; i < events.count; i++) {
    if (push[i] === 1) {
      queue.push(time[i] as number, priority[i] as number, targets[target[i] as number] as StandIn, data[i] as number);
    } else {
      const next = queue.popBefore(Infinity) as StandIn;
      clock = queue.poppedTime;
      next.fire(queue.poppedData);
      if (order !== undefined) order.push(next.id);
      popped++;
    }
  }
  if (!(clock >= 0)) throw new Error('replay: the clock went wrong');
  return popped;
}
