/**
 * A border crossing or gauge-change yard (Khorgos/Altynkol, Dostyk, Akhalkalaki): trains, not
 * containers, are handled. The containers of one arriving train wait together for a track,
 * are processed together (inspection, bogie exchange or transfer to the other gauge) and leave
 * together. A daily cap on trains is a minimum headway between train starts.
 */
import type { Distribution } from '../../distributions/index.ts';
import type { ProcessGenerator } from '../../engine/index.ts';
import type { RandomStream } from '../../random/index.ts';
import { Resource } from '../../resources/index.ts';
import type { CompiledYard, Direction } from '../compiled.ts';
import { newTravelGroup, type Container, type RunContext, type TravelGroup } from './container.ts';
import { StageMonitor } from './stage-monitor.ts';
import type { Stage } from './stage.ts';

/** A yard in a running replication. */
export class YardStage implements Stage {
  readonly kind = 'yard';
  readonly id: string;
  readonly name: string;
  readonly monitor: StageMonitor;
  private readonly tracks: Resource;
  private readonly starts: Resource | null;
  private readonly minHeadway: number;
  private readonly processing: Readonly<Record<Direction, Distribution>>;
  private readonly stream: RandomStream;
  // Keyed by the group the containers arrived in: all of one train map to one visit.
  private readonly visits = new Map<TravelGroup, TravelGroup>();

  /** @param spec the compiled yard. @param ctx the replication. */
  constructor(spec: CompiledYard, private readonly ctx: RunContext) {
    this.id = spec.id;
    this.name = spec.name;
    this.monitor = new StageMonitor(spec.tracks, ctx.sim.now);
    this.tracks = new Resource(ctx.sim, spec.tracks, `${spec.id}/tracks`);
    this.tracks.onChange = (now) => this.monitor.setBusy(now, this.tracks.users);
    this.starts = spec.minHeadway !== undefined ? new Resource(ctx.sim, 1, `${spec.id}/starts`) : null;
    this.minHeadway = spec.minHeadway ?? 0;
    this.processing = spec.processing;
    this.stream = ctx.streams.stream(`${spec.id}/processing`);
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
      sim.process(this.handleTrain(group, visit, container.direction), `${this.id}/train`);
    }
    visit.size++;
    this.monitor.joinQueue(arrived);
    yield visit.done;
    container.started = visit.started;
    container.group = visit;
    const left = sim.now;
    this.monitor.record(left, visit.started - arrived, left - visit.started, container.measured);
  }

  private *handleTrain(group: TravelGroup, visit: TravelGroup, direction: Direction): ProcessGenerator {
    const sim = this.ctx.sim;
    // The train's containers resume one after another at this instant; a zero wait lets all of
    // them join the visit before the train asks for a track.
    yield sim.timeout(0);
    const track = this.tracks.request();
    yield track;
    if (this.starts !== null) {
      const start = this.starts.request();
      yield start;
      sim.schedule(this.minHeadway, () => this.starts?.release(start));
    }
    visit.started = sim.now;
    this.monitor.leaveQueue(sim.now, visit.size);
    yield sim.timeout(this.processing[direction].sample(this.stream));
    this.tracks.release(track);
    this.visits.delete(group);
    visit.done.succeed(undefined);
  }

  /** Restart measurement at `now`. */
  reset(now: number): void {
    this.monitor.reset(now);
  }
}
