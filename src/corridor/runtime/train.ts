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
