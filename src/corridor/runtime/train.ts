/**
 * A train at a stage that handles whole trains (a yard's visit, a run on a rail leg), as a state
 * machine: the stage schedules the train itself with its own step numbers and is handed them
 * back through `fire`. The study's containers aboard wait in `members` and leave together.
 */
import type { Firable } from '../../engine/index.ts';
import type { Direction } from '../kinds/kind.ts';
import type { Container, TravelGroup } from './container.ts';
import type { StageMonitor } from './stage-monitor.ts';

/** A stage whose trains are state machines. */
export interface TrainStage<K> {
  readonly id: string;
  /** The next step of `train`. */
  step(train: Train<K>, step: number): void;
  /** Names of a train's steps, by number (for event traces). */
  readonly trainSteps: readonly string[];
}

// The last serial number given to a train run (see `Train.serial`); unique within the process.
let lastSerial = 0;

/**
 * One train at a stage; `key` is what the stage files it under (a departure, an arriving group).
 * A stage reuses its trains once they have left (`TrainPool`), so the fields describe the
 * current run of the object.
 */
export class Train<K> implements Firable, TravelGroup {
  size = 0;
  started = Number.NaN;
  /** This run of the train, unique within the process: what a yard files a visit under. */
  serial = ++lastSerial;
  // The study's containers aboard, in the order they joined: the first `size` slots. The array
  // keeps its length from run to run, so a reused train allocates nothing for its members.
  private readonly members: Array<Container | undefined> = [];

  /**
   * @param stage the stage. @param key what the stage files it under. @param direction its
   * direction. @param backgroundFeu FEU-equivalents of a background train (0: the study's).
   * @param arrived when it arrived, hours. @param left called as a background train leaves.
   */
  constructor(
    private readonly stage: TrainStage<K>,
    public key: K,
    public direction: Direction,
    public backgroundFeu: number,
    public arrived: number,
    public left: () => void,
  ) {}

  /** The train has left its stage for good: let go of the containers that were aboard. */
  vacate(): void {
    this.members.fill(undefined, 0, this.size);
    this.size = 0;
  }

  /** Make this train, vacated (so `size` is 0), a new one (same parameters as the constructor). */
  reuse(key: K, direction: Direction, backgroundFeu: number, arrived: number, left: () => void): void {
    this.started = Number.NaN;
    this.serial = ++lastSerial;
    this.key = key;
    this.direction = direction;
    this.backgroundFeu = backgroundFeu;
    this.arrived = arrived;
    this.left = left;
  }

  /** A study container boards (one more in `size`). */
  join(container: Container): void {
    const members = this.members;
    if (this.size === members.length) members.push(container);
    else members[this.size] = container;
    this.size++;
  }

  /** Called by the engine: the stage's next step for this train. */
  fire(step: number): void {
    this.stage.step(this, step);
  }

  /**
   * The study's containers aboard leave the stage together now (`now`, hours): each takes the
   * train's start and direction, records its wait and service in `monitor`, and moves on.
   */
  release(monitor: StageMonitor, now: number): void {
    const started = this.started;
    const members = this.members;
    for (let i = 0; i < this.size; i++) {
      const container = members[i] as Container;
      container.started = started;
      container.group = this;
      container.direction = this.direction;
      monitor.record(now, started - container.arrived, now - started, container.measured);
      container.leave();
    }
  }

  /** For event traces: `train at khorgos: processed`, `background train at kz-khorgos-aktau: path`. */
  describe(step: number): string {
    return `${this.backgroundFeu > 0 ? 'background train' : 'train'} at ${this.stage.id}: ${this.stage.trainSteps[step] ?? `step ${step}`}`;
  }
}

/**
 * The trains of one stage that have left it, kept for its next ones: a train lives for the days
 * of its run, long enough to be promoted to the old generation, so a new object per train made
 * old-generation garbage in proportion to the horizon (mostly with the journey log on, whose text
 * makes scavenges frequent). A train goes back once the stage is done with it: no entry, server
 * queue or closure of the engine holds it any more. Containers may still name it as their
 * `group`; a yard files visits by `serial`, which a reused train does not repeat.
 */
export class TrainPool<K> {
  private readonly spare: Array<Train<K>> = [];

  /** @param stage the stage whose trains these are. */
  constructor(private readonly stage: TrainStage<K>) {}

  /** A train for a new run: a spare one made new, or a new object (parameters as `Train`'s). */
  take(key: K, direction: Direction, backgroundFeu: number, arrived: number, left: () => void): Train<K> {
    const train = this.spare.pop();
    if (train === undefined) return new Train(this.stage, key, direction, backgroundFeu, arrived, left);
    train.reuse(key, direction, backgroundFeu, arrived, left);
    return train;
  }

  /** `train` has left the stage and nothing of the engine holds it: keep it for a later run. */
  give(train: Train<K>): void {
    train.vacate();
    this.spare.push(train);
  }
}

/**
 * The trains a stage files under a key (a rail leg's departures, a yard's arriving groups),
 * looked up by key while they are at the stage. A stage holds a handful at a time, so a linear
 * scan of one array is as fast as a hash map.
 *
 * Why not a `Map`: entries come and go all the time, and V8 then replaces a map's hash table
 * every few insertions and deletions. The replaced table keeps a link to its successor (for
 * iterators), so once one table has been promoted to the old generation, each successor is
 * kept alive by its dead predecessor until the next full collection, is promoted in turn, and
 * drags the trains it holds with it. A one-year corridor run promoted about 1 MB of such tables,
 * trains and member lists every 150 simulated days, and the peak heap grew with the horizon.
 */
export class TrainRoster<K> {
  private readonly trains: Array<Train<K>> = [];

  /** The train filed under `key`, or undefined. */
  find(key: K): Train<K> | undefined {
    const trains = this.trains;
    for (let i = 0; i < trains.length; i++) {
      const train = trains[i] as Train<K>;
      if (train.key === key) return train;
    }
    return undefined;
  }

  /** File `train` under its key (a key holds one train at a time). */
  add(train: Train<K>): void {
    this.trains.push(train);
  }

  /** Remove `train` (no-op if it is not filed). */
  remove(train: Train<K>): void {
    const trains = this.trains;
    const at = trains.indexOf(train);
    if (at < 0) return;
    trains[at] = trains[trains.length - 1] as Train<K>;
    trains.pop();
  }

  /** Number of trains filed. */
  get size(): number {
    return this.trains.length;
  }
}
