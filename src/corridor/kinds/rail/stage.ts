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
import type { ProcessGenerator } from '../../../engine/index.ts';
import type { RandomStream } from '../../../random/index.ts';
import { BatchTransport, type BatchRecord, type Request } from '../../../resources/index.ts';
import { newTravelGroup, type Container, type RunContext, type TravelGroup } from '../../runtime/container.ts';
import { StageBase } from '../../runtime/stage.ts';
import type { Direction } from '../kind.ts';
import type { CompiledRailLeg } from './compile.ts';
import type { Line } from './line.ts';

/** A rail leg in a running replication. */
export class RailLegStage extends StageBase {
  readonly kind = 'rail';
  private readonly transport: BatchTransport<Container>;
  private readonly trains = new Map<number, TravelGroup>();
  private readonly running: Distribution;
  private readonly runningStream: RandomStream;
  private readonly headway: number;
  private readonly direction: Direction;
  private factor = 1;
  private waitingForPath = 0;

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

  /** Wait for a train to be assembled and a path, then ride to the leg's end. */
  *visit(container: Container): ProcessGenerator {
    const sim = this.ctx.sim;
    const arrived = sim.now;
    const record = (yield this.transport.board(container)) as BatchRecord<Container>;
    let train = this.trains.get(record.departure);
    if (train === undefined) {
      train = newTravelGroup(sim, `${this.id} train`);
      this.trains.set(record.departure, train);
      sim.process(this.runTrain(record.departure, train), `${this.id}/train`);
    }
    train.size++;
    yield train.done;
    container.started = train.started;
    container.group = train;
    container.direction = this.direction;
    const left = sim.now;
    this.monitor.record(left, train.started - arrived, left - train.started, container.measured);
  }

  /** `reduced`: this leg's trains occupy the line 1 / factor times longer (fewer paths for it). */
  override setCapacity(factor: number, unitsOut: number): void {
    if (unitsOut !== 0) super.setCapacity(factor, unitsOut);
    this.factor = factor;
  }

  /** A background train of `feu` FEU-equivalents takes a path on this leg's line. */
  override backgroundVisit(feu: number, _direction: Direction): ProcessGenerator {
    return this.backgroundTrain(feu);
  }

  private *backgroundTrain(feu: number): ProcessGenerator {
    const sim = this.ctx.sim;
    const arrived = sim.now;
    const path = yield* this.pathWhileOpen();
    this.monitor.recordBackground(feu, sim.now - arrived);
    sim.schedule(this.headway / this.factor, () => this.line.paths.release(path));
  }

  private *runTrain(departure: number, train: TravelGroup): ProcessGenerator {
    const sim = this.ctx.sim;
    // Let every container of this departure join the train before it asks for a path.
    yield sim.hold(0);
    this.waitingForPath += train.size;
    this.updateQueue(sim.now);
    const path = yield* this.pathWhileOpen();
    this.waitingForPath -= train.size;
    this.updateQueue(sim.now);
    train.started = sim.now;
    sim.schedule(this.headway / this.factor, () => this.line.paths.release(path));
    yield sim.hold(this.running.sample(this.runningStream));
    this.trains.delete(departure);
    train.done.succeed(undefined);
  }

  /**
   * A path on the line, granted while this leg is open. A path that comes free while the leg is
   * closed (the train queued before the closure began) is handed straight back, so the line
   * stays usable by other legs, and the train queues again when the leg reopens.
   */
  private *pathWhileOpen(): ProcessGenerator<Request> {
    for (;;) {
      while (!this.closure.isOpen) yield this.closure.whenOpen();
      const path = this.line.paths.request();
      yield path;
      if (this.closure.isOpen) return path;
      this.line.paths.release(path);
    }
  }

  private updateQueue(now: number): void {
    this.monitor.queue.update(now, this.transport.queueLength + this.waitingForPath);
  }
}
