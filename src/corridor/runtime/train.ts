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

/** One train at a stage; `key` is what the stage files it under (a departure, an arriving group). */
export class Train<K> implements Firable, TravelGroup {
  size = 0;
  started = Number.NaN;
  /** The study's containers aboard, in the order they joined. */
  readonly members: Container[] = [];

  /**
   * @param stage the stage. @param key what the stage files it under. @param direction its
   * direction. @param backgroundFeu FEU-equivalents of a background train (0: the study's).
   * @param arrived when it arrived, hours. @param left called as a background train leaves.
   */
  constructor(
    private readonly stage: TrainStage<K>,
    readonly key: K,
    readonly direction: Direction,
    readonly backgroundFeu: number,
    readonly arrived: number,
    readonly left: () => void,
  ) {}

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
    for (const container of this.members) {
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
