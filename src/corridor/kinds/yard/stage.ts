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
import type { ProcessGenerator } from '../../../engine/index.ts';
import type { RandomStream } from '../../../random/index.ts';
import { Resource } from '../../../resources/index.ts';
import { newTravelGroup, type Container, type RunContext, type TravelGroup } from '../../runtime/container.ts';
import { DisruptedServers, StageBase } from '../../runtime/stage.ts';
import type { Direction } from '../kind.ts';
import type { CompiledYard } from './compile.ts';

/** A yard in a running replication. */
export class YardStage extends StageBase {
  readonly kind = 'yard';
  private readonly tracks: Resource;
  private readonly starts: Resource | null;
  private readonly minHeadway: number;
  private readonly processing: Readonly<Record<Direction, Distribution>>;
  private readonly stream: RandomStream;
  private readonly capacity: DisruptedServers;
  // Keyed by the group the containers arrived in: all of one train map to one visit.
  private readonly visits = new Map<TravelGroup, TravelGroup>();

  /** @param spec the compiled yard. @param ctx the replication. */
  constructor(spec: CompiledYard, ctx: RunContext) {
    super(spec.id, spec.name, ctx, spec.tracks);
    this.tracks = new Resource(ctx.sim, spec.tracks, `${spec.id}/tracks`);
    this.tracks.onChange = (now) => this.monitor.setBusy(now, this.tracks.users);
    this.starts = spec.minHeadway !== undefined ? new Resource(ctx.sim, 1, `${spec.id}/starts`) : null;
    this.minHeadway = spec.minHeadway ?? 0;
    this.processing = spec.processing;
    this.stream = ctx.streams.stream(`${spec.id}/processing`);
    this.capacity = new DisruptedServers(this.tracks, spec.tracks, this.closure);
  }

  /** Join the visit of the train the container came on; leave when the train is processed. */
  *visit(container: Container): ProcessGenerator {
    const sim = this.ctx.sim;
    const arrived = sim.now;
    const group = container.group;
    if (group === null) throw new Error(`Yard "${this.id}" received a container that did not arrive by train`);
    let visit = this.visits.get(group);
    if (visit === undefined) {
      visit = newTravelGroup(sim, `${this.id} train`);
      this.visits.set(group, visit);
      sim.process(this.handleTrain(group, visit, container.direction, 0), `${this.id}/train`);
    }
    visit.size++;
    this.monitor.joinQueue(arrived);
    yield visit.done;
    container.started = visit.started;
    container.group = visit;
    const left = sim.now;
    this.monitor.record(left, visit.started - arrived, left - visit.started, container.measured);
  }

  /** A background train of `feu` FEU-equivalents arrives: it takes a track and a start, measured apart. */
  override backgroundVisit(feu: number, direction: Direction): ProcessGenerator {
    const sim = this.ctx.sim;
    const own = newTravelGroup(sim, `${this.id} background train`);
    return this.handleTrain(own, newTravelGroup(sim, `${this.id} background visit`), direction, feu);
  }

  /** Scale tracks and the daily cap (`reduced`), take tracks out (`repair`). */
  override setCapacity(factor: number, unitsOut: number): void {
    this.capacity.set(factor, unitsOut);
  }

  /** Process one train; `backgroundFeu` > 0 marks a background train (measured apart). */
  private *handleTrain(group: TravelGroup, visit: TravelGroup, direction: Direction, backgroundFeu: number): ProcessGenerator {
    const sim = this.ctx.sim;
    const arrived = sim.now;
    // The train's containers resume one after another at this instant; a zero wait lets all of
    // them join the visit before the train asks for a track.
    yield sim.hold(0);
    const track = this.tracks.request();
    yield track;
    if (this.starts !== null) {
      const start = this.starts.request();
      yield start;
      // A hold that began while this train waited for its start slot holds it too.
      while (!this.closure.isOpen) yield this.closure.whenOpen();
      // A reduced capacity also slows the daily cap: the headway grows by 1 / factor.
      sim.schedule(this.minHeadway / this.capacity.factor, () => this.starts?.release(start));
    }
    visit.started = sim.now;
    if (backgroundFeu === 0) this.monitor.leaveQueue(sim.now, visit.size);
    yield sim.hold(this.processing[direction].sample(this.stream));
    this.tracks.release(track);
    this.visits.delete(group);
    if (backgroundFeu > 0) this.monitor.recordBackground(backgroundFeu, visit.started - arrived);
    visit.done.succeed(undefined);
  }
}
