/**
 * A border crossing or gauge-change yard at run time (Khorgos/Altynkol, Dostyk, Akhalkalaki):
 * trains, not containers, are handled. The containers of one arriving train wait together for a
 * track, are processed together (inspection, bogie exchange or transfer to the other gauge) and
 * leave together. A daily cap on trains is a minimum headway between train starts. While the
 * place is closed (a border hold) no train starts; `reduced` scales the tracks and the daily cap,
 * `repair` takes tracks out. Background trains (other traffic, either direction) take a track
 * and a start like any other train.
 */
import type { Distribution } from '../../../distributions/index.ts';
import { NORMAL, URGENT } from '../../../engine/index.ts';
import type { RandomStream } from '../../../random/index.ts';
import { Servers } from '../../../resources/index.ts';
import { noLeave, type Container, type RunContext } from '../../runtime/container.ts';
import { DisruptedServers, StageBase } from '../../runtime/stage.ts';
import { TrainPool, TrainRoster, type Train, type TrainStage } from '../../runtime/train.ts';
import type { Direction } from '../kind.ts';
import type { CompiledYard } from './compile.ts';

// Steps of a train's visit (see `YardStage.step`); a visit is a `Train` filed under the group
// its containers arrived in.
const FORMED = 1;
const ON_TRACK = 2;
const START_SLOT = 3;
const PROCESSED = 4;
const RELEASED = 5;
/** The key of a background visit: no group; serials start at 1. */
const NO_GROUP = 0;

/** A yard in a running replication. */
export class YardStage extends StageBase implements TrainStage<number> {
  readonly kind = 'yard';
  /** Names of a container's steps for event traces, by the step numbers above. */
  readonly steps = ['arrive'] as const;
  /** Names of a train's steps for event traces, by the step numbers above. */
  readonly trainSteps = ['start', 'formed', 'on track', 'start slot', 'processed', 'released'] as const;
  private readonly tracks: Servers;
  private readonly starts: Servers | null;
  private readonly minHeadway: number;
  private readonly processing: Readonly<Record<Direction, Distribution>>;
  private readonly stream: RandomStream;
  private readonly capacity: DisruptedServers;
  // Keyed by the serial of the group the containers arrived in: all of one train map to one
  // visit. Background visits are filed under nothing (NO_GROUP) and never looked up.
  private readonly visits = new TrainRoster<number>();
  private readonly pool = new TrainPool<number>(this);
  private readonly releaseStart = (): void => (this.starts as Servers).release();

  /** @param spec the compiled yard. @param ctx the replication. */
  constructor(spec: CompiledYard, ctx: RunContext) {
    super(spec.id, spec.name, ctx, spec.tracks);
    this.tracks = new Servers(ctx.sim, spec.tracks, `${spec.id}/tracks`);
    this.tracks.onChange = (now) => this.monitor.setBusy(now, this.tracks.users);
    this.starts = spec.minHeadway !== undefined ? new Servers(ctx.sim, 1, `${spec.id}/starts`) : null;
    this.minHeadway = spec.minHeadway ?? 0;
    this.processing = spec.processing;
    this.stream = ctx.streams.stream(`${spec.id}/processing`);
    this.capacity = new DisruptedServers(this.tracks, spec.tracks, this.closure);
  }

  /** Join the visit of the train the container came on; it leaves when the train is processed. */
  arrive(container: Container): void {
    const group = container.group;
    if (group === null) throw new Error(`Yard "${this.id}" received a container that did not arrive by train`);
    let visit = this.visits.find(group.serial);
    if (visit === undefined) {
      visit = this.startVisit(group.serial, container.direction, 0, noLeave);
      this.visits.add(visit);
    }
    visit.join(container);
    this.monitor.joinQueue(container.arrived);
  }

  /** Containers wait inside their train's visit; nothing is scheduled for them one by one. */
  resume(_container: Container, step: number): void {
    throw new Error(`Yard "${this.id}": no step ${step} is scheduled for a container`);
  }

  /** A background train of `feu` FEU-equivalents arrives: it takes a track and a start, measured apart. */
  override admitBackground(feu: number, direction: Direction, left: () => void = noLeave): void {
    // Filed under nothing: no container will look for a background train's visit.
    this.startVisit(NO_GROUP, direction, feu, left);
  }

  /** Scale tracks and the daily cap (`reduced`), take tracks out (`repair`). */
  override setCapacity(factor: number, unitsOut: number): void {
    this.capacity.set(factor, unitsOut);
  }

  private startVisit(key: number, direction: Direction, backgroundFeu: number, left: () => void): Train<number> {
    const sim = this.ctx.sim;
    const visit = this.pool.take(key, direction, backgroundFeu, sim.now, left);
    sim.enqueue(visit, 0, URGENT, 0);
    return visit;
  }

  /**
   * The next step of a train's visit: a zero wait so that every container of the train joins
   * first, a track, a start slot under a daily cap (while the yard is open), processing, and
   * the train leaves.
   */
  step(visit: Train<number>, step: number): void {
    const sim = this.ctx.sim;
    switch (step) {
      case 0:
        // The train's containers arrive one after another at this instant; a zero wait lets all
        // of them join the visit before the train asks for a track.
        sim.enqueue(visit, 0, NORMAL, FORMED);
        return;
      case FORMED:
        this.tracks.request(visit, ON_TRACK);
        return;
      case ON_TRACK:
        if (this.starts !== null) this.starts.request(visit, START_SLOT);
        else this.process(visit);
        return;
      case START_SLOT:
        // A hold that began while this train waited for its start slot holds it too.
        if (!this.closure.isOpen) {
          this.closure.whenOpenFire(visit, START_SLOT);
          return;
        }
        // A reduced capacity also slows the daily cap: the headway grows by 1 / factor.
        sim.schedule(this.minHeadway / this.capacity.factor, this.releaseStart);
        this.process(visit);
        return;
      case PROCESSED:
        this.tracks.release();
        if (visit.key !== NO_GROUP) this.visits.remove(visit);
        if (visit.backgroundFeu > 0) {
          this.monitor.recordBackground(visit.backgroundFeu, visit.started - visit.arrived);
          visit.left();
          this.pool.give(visit);
          return;
        }
        sim.enqueue(visit, 0, NORMAL, RELEASED);
        return;
      case RELEASED:
        visit.release(this.monitor, sim.now);
        this.pool.give(visit);
        return;
      default:
        throw new Error(`Yard "${this.id}": unknown step ${step}`);
    }
  }

  private process(visit: Train<number>): void {
    const sim = this.ctx.sim;
    visit.started = sim.now;
    if (visit.backgroundFeu === 0) this.monitor.leaveQueue(sim.now, visit.size);
    sim.enqueue(visit, this.processing[visit.direction].sample(this.stream), NORMAL, PROCESSED);
  }
}
