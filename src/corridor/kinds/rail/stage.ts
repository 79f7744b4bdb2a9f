/**
 * A rail leg at run time: containers are assembled into block trains at the leg's origin under
 * its departure policy (full, timetable, or full-or-maximum-wait), each train waits for a path
 * on its line (shared with other legs on the same line) and runs to the leg's end.
 *
 * The batch transport stands for assembly and the trainset fleet: its "travel" is instant and
 * its vehicles return after one loaded run plus the empty return, so trainsets are the
 * constraint they are in reality, while path waits and running times belong to each train.
 * While the leg is closed (a dispatch ban, works) formed trains wait before asking for a path;
 * `reduced` (wagon or locomotive shortage) stretches this leg's path headway by 1 / factor.
 * Background trains (other traffic on the line) take a path each.
 */
import { sumOf } from '../../../distributions/index.ts';
import type { Distribution } from '../../../distributions/index.ts';
import { NORMAL, URGENT } from '../../../engine/index.ts';
import type { RandomStream } from '../../../random/index.ts';
import { BatchTransport, type BatchRecord } from '../../../resources/index.ts';
import { noLeave, type Container, type RunContext } from '../../runtime/container.ts';
import { StageBase } from '../../runtime/stage.ts';
import { TrainPool, TrainRoster, type Train, type TrainStage } from '../../runtime/train.ts';
import type { Direction } from '../kind.ts';
import type { CompiledRailLeg } from './compile.ts';
import type { Line } from './line.ts';

// Step of a container: its train has been assembled (the transport delivered it).
const ASSEMBLED = 1;
// Steps of a train (see `RailLegStage.step`), a `Train` filed under its assembly's departure number.
const FORMED = 1;
const SEEK_PATH = 2;
const PATH = 3;
const ARRIVED = 4;
const RELEASED = 5;

/** A rail leg in a running replication. */
export class RailLegStage extends StageBase implements TrainStage<number> {
  readonly kind = 'rail';
  /** Names of a container's steps for event traces, by the step numbers above. */
  readonly steps = ['arrive', 'assembled'] as const;
  /** Names of a train's steps for event traces, by the step numbers above. */
  readonly trainSteps = ['start', 'formed', 'seek path', 'path', 'arrived', 'released'] as const;
  private readonly transport: BatchTransport<Container>;
  // The trains of departures that are still on this leg, by departure number.
  private readonly trains = new TrainRoster<number>();
  private readonly pool = new TrainPool<number>(this);
  private readonly running: Distribution;
  private readonly runningStream: RandomStream;
  private readonly headway: number;
  private readonly direction: Direction;
  private factor = 1;
  private waitingForPath = 0;
  private readonly releasePath = (): void => this.line.paths.release();

  /** @param spec the compiled leg. @param line its line. @param ctx the replication. */
  constructor(spec: CompiledRailLeg, private readonly line: Line, ctx: RunContext) {
    // Utilization of a rail leg is the occupancy of its line's paths (one path at a time).
    super(spec.id, spec.name, ctx, 1);
    this.direction = spec.direction;
    line.watch(this.monitor);
    this.running = spec.running;
    this.headway = spec.pathHeadway;
    this.runningStream = ctx.streams.stream(`${spec.id}/running`);
    const fleet = spec.fleet;
    this.transport = new BatchTransport<Container>(ctx.sim, {
      name: `${spec.id}/assembly`,
      capacity: spec.capacityFeu,
      // Without a fleet a trainset is always at hand: one vehicle that returns at once.
      vehicles: fleet?.trainsets ?? 1,
      policy: spec.policy,
      travelTime: 0,
      returnTime: fleet !== undefined ? sumOf([spec.running, fleet.return]) : 0,
      random: ctx.streams,
      onChange: (now) => this.updateQueue(now),
    });
  }

  /** Wait for a train to be assembled (then a path, then the run: `resume` and `step`). */
  arrive(container: Container): void {
    container.batchSeat = this.transport.ride(container, container, ASSEMBLED, container.batchSeat ?? undefined);
  }

  /** The container's train has been assembled: it joins the train of its departure. */
  resume(container: Container, step: number): void {
    if (step !== ASSEMBLED) throw new Error(`Rail leg "${this.id}": unknown step ${step}`);
    const departure = (container.batchSeat as BatchRecord<Container>).departure;
    let train = this.trains.find(departure);
    if (train === undefined) {
      const sim = this.ctx.sim;
      train = this.pool.take(departure, this.direction, 0, sim.now, noLeave);
      this.trains.add(train);
      sim.enqueue(train, 0, URGENT, 0);
    }
    train.join(container);
  }

  /** `reduced`: this leg's trains occupy the line 1 / factor times longer (fewer paths for it). */
  override setCapacity(factor: number, unitsOut: number): void {
    if (unitsOut !== 0) super.setCapacity(factor, unitsOut);
    this.factor = factor;
  }

  /** A background train of `feu` FEU-equivalents takes a path on this leg's line. */
  override admitBackground(feu: number, _direction: Direction, left: () => void = noLeave): void {
    const sim = this.ctx.sim;
    sim.enqueue(this.pool.take(0, this.direction, feu, sim.now, left), 0, URGENT, SEEK_PATH);
  }

  /**
   * The next step of a train: a zero wait so that every container of its departure joins, a
   * path on the line while the leg is open, the run, and the train leaves the leg.
   *
   * A path that comes free while the leg is closed (the train queued before the closure began)
   * is handed straight back, so the line stays usable by other legs, and the train queues again
   * when the leg reopens.
   */
  step(train: Train<number>, step: number): void {
    const sim = this.ctx.sim;
    switch (step) {
      case 0:
        // Let every container of this departure join the train before it asks for a path.
        sim.enqueue(train, 0, NORMAL, FORMED);
        return;
      case FORMED:
        this.waitingForPath += train.size;
        this.updateQueue(sim.now);
        this.seekPath(train);
        return;
      case SEEK_PATH:
        this.seekPath(train);
        return;
      case PATH:
        if (!this.closure.isOpen) {
          this.line.paths.release();
          this.seekPath(train);
          return;
        }
        // The path is held for this leg's headway, whatever the train.
        sim.schedule(this.headway / this.factor, this.releasePath);
        if (train.backgroundFeu > 0) {
          this.monitor.recordBackground(train.backgroundFeu, sim.now - train.arrived);
          train.left();
          this.pool.give(train);
          return;
        }
        this.waitingForPath -= train.size;
        this.updateQueue(sim.now);
        train.started = sim.now;
        sim.enqueue(train, this.running.sample(this.runningStream), NORMAL, ARRIVED);
        return;
      case ARRIVED:
        this.trains.remove(train);
        sim.enqueue(train, 0, NORMAL, RELEASED);
        return;
      case RELEASED:
        train.release(this.monitor, sim.now);
        this.pool.give(train);
        return;
      default:
        throw new Error(`Rail leg "${this.id}": unknown step ${step}`);
    }
  }

  private seekPath(train: Train<number>): void {
    if (!this.closure.isOpen) this.closure.whenOpenFire(train, SEEK_PATH);
    else this.line.paths.request(train, PATH);
  }

  private updateQueue(now: number): void {
    this.monitor.setQueue(now, this.transport.queueLength + this.waitingForPath);
  }
}
