/**
 * The floor for generator processes: the M/M/3 queue of `bench/engine-mmc.ts` with one generator
 * per customer, as in the engine's process model, but with nothing else. No engine, no event
 * objects, no `Resource`: a 4-ary heap of (time, sequence) in typed arrays whose entries are the
 * generators to resume, a process starts at once inside the call that creates it, and a customer
 * that finds every server busy is resumed directly by the one that releases a server (no entry).
 * Two entries per customer, against the engine's four (start, grant, end of service, arrival).
 *
 * What it measures: how far a generator per customer alone puts a model from the hand-written
 * floor (`../shared/bench/floor-mmc.cjs`), so that the engine's process path can be judged
 * against what generators cost on this V8, not only against code without them.
 *
 *   node <bundle> <departures>      (prints one JSON line; used by bench/engine-mmc.ts)
 */

const LAMBDA = 2.7;
const MU = 1;
const SERVERS = 3;
/** Yielded by a customer that waits for a server: it is resumed by the customer that frees one. */
const WAIT = -1;

/** Marsaglia's xorshift128 on 32-bit words (the generator of the shared floor), seeded by splitmix32. */
function xorshift128(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  // State in an Int32Array: int32 values in closure variables would be boxed on every update.
  const state = Int32Array.of(splitmix(), splitmix(), splitmix(), splitmix());
  return () => {
    const x = state[0] as number;
    const t = x ^ (x << 11);
    state[0] = state[1] as number;
    state[1] = state[2] as number;
    const w = state[3] as number;
    state[2] = w;
    const next = w ^ (w >>> 19) ^ (t ^ (t >>> 8));
    state[3] = next;
    return ((next >>> 0) + 0.5) * 2.3283064365386963e-10; // in (0, 1)
  };
}

type Customer = Generator<number, void, undefined>;

interface Run {
  readonly events: number;
  /** Mean wait in queue of the customers after the warm-up tenth, hours. */
  readonly meanWait: number;
}

/** Simulate until `departures` customers have left; Wq over those after the first tenth. */
function simulate(departures: number, seed: number): Run {
  const uniform = xorshift128(seed);
  const exponential = (rate: number): number => -Math.log(uniform()) / rate;

  // The future-event list: generators keyed by (time, sequence). At most SERVERS + 1 pending.
  const capacity = 16;
  const times = new Float64Array(capacity);
  const sequences = new Float64Array(capacity);
  const entries: Array<Customer | null> = new Array<Customer | null>(capacity).fill(null);
  let size = 0;
  let sequence = 0;
  // Entry `from` moves to slot `to` (the sifts below); small enough for V8 to inline.
  const move = (from: number, to: number): void => {
    times[to] = times[from] as number;
    sequences[to] = sequences[from] as number;
    entries[to] = entries[from] as Customer;
  };
  const schedule = (time: number, process: Customer): void => {
    const key = sequence++;
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (sequences[parent] as number) < key)) break;
      move(parent, i);
      i = parent;
    }
    times[i] = time;
    sequences[i] = key;
    entries[i] = process;
  };

  let now = 0;
  let busy = 0;
  const waiting: Customer[] = [];
  let firstWaiting = 0;
  const warmup = Math.floor(departures / 10);
  let departed = 0;
  let measured = 0;
  let totalWait = 0;
  let events = 0;

  // Run `process` until its next yield, at `now`; a hold puts it on the list.
  let running: Customer | null = null;
  const resume = (process: Customer): void => {
    const outer = running;
    running = process;
    const step = process.next();
    running = outer;
    if (step.done !== true && step.value !== WAIT) schedule(now + step.value, process);
  };

  function* customer(): Customer {
    const arrived = now;
    if (busy < SERVERS) busy++;
    else {
      waiting.push(running as Customer);
      yield WAIT;
    }
    const started = now;
    yield exponential(MU);
    if (firstWaiting < waiting.length) {
      // Hand the server to the first in line: it starts now, inside this call.
      const next = waiting[firstWaiting++] as Customer;
      if (firstWaiting > 1024 && 2 * firstWaiting > waiting.length) {
        waiting.splice(0, firstWaiting);
        firstWaiting = 0;
      }
      resume(next);
    } else busy--;
    departed++;
    if (departed > warmup) {
      measured++;
      totalWait += started - arrived;
    }
  }

  function* source(): Customer {
    for (;;) {
      yield exponential(LAMBDA);
      resume(customer());
    }
  }

  resume(source());
  while (departed < departures) {
    // Pop the earliest entry.
    const process = entries[0] as Customer;
    now = times[0] as number;
    const last = --size;
    const lt = times[last] as number;
    const ls = sequences[last] as number;
    const le = entries[last] as Customer;
    entries[last] = null;
    let i = 0;
    if (last > 0) {
      for (;;) {
        const first = 4 * i + 1;
        if (first >= last) break;
        let child = first;
        for (let c = first + 1; c < Math.min(first + 4, last); c++) {
          const ct = times[c] as number;
          const bt = times[child] as number;
          if (ct < bt || (ct === bt && (sequences[c] as number) < (sequences[child] as number))) child = c;
        }
        const ct = times[child] as number;
        if (lt < ct || (lt === ct && ls < (sequences[child] as number))) break;
        move(child, i);
        i = child;
      }
      times[i] = lt;
      sequences[i] = ls;
      entries[i] = le;
    }
    events++;
    resume(process);
  }
  return { events, meanWait: totalWait / measured };
}

const departures = Number(process.argv[2] ?? 1_000_000);
// Warm the JIT first, as the floor does with its repeated runs; then one timed run.
simulate(200_000, 1);
const started = process.hrtime.bigint();
const run = simulate(departures, 1000);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ variant: 'generator floor', departures, seconds, events: run.events, meanWait: run.meanWait, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
