/**
 * A container (one FEU) moving along a route, and the context every stage of a replication
 * shares. The container is mutable on purpose: stages hand over "how it arrived" (the train it
 * came on, the direction) through its fields, so moving it allocates nothing per stage.
 */
import { URGENT, type Firable, type Simulation } from '../../engine/index.ts';
import type { RandomStreams } from '../../random/index.ts';
import type { BatchSeat, FerrySeat, SimCalendar } from '../../resources/index.ts';
import type { Direction } from '../kinds/kind.ts';
import type { Stage } from './stage.ts';

/** One row of the journey log: a container's visit to one stage. Times in hours. */
export interface JourneyRow {
  readonly container: number;
  readonly route: string;
  readonly origin: string;
  readonly destination: string;
  readonly stage: string;
  readonly stageKind: string;
  readonly entered: number;
  readonly arrived: number;
  readonly started: number;
  /** When its vehicle left the stage's berth (ferries); `started` for every other stage. */
  readonly departed: number;
  readonly left: number;
}

/**
 * Containers handled together as one train (a train run on a rail leg, a train in a yard): they
 * join while it forms, leave together, and share the time its service `started`. A yard keys
 * its visits by the `serial` of the group the containers arrived in.
 */
export interface TravelGroup {
  /** Containers in the group. */
  size: number;
  /** When the group's service began (path granted, track granted), hours; NaN until then. */
  started: number;
  /** Identifies this run of the group (group objects are reused): what a yard files its visits under. */
  readonly serial: number;
}

/** What moves a container on when it leaves a stage: its journey, or a background unit's end. */
export interface Itinerary {
  /** `container` leaves the stage it is at (`container.at`) now. */
  left(container: Container): void;
}

/**
 * A container (one FEU, or one FEU-equivalent of background traffic) on its way. Times in hours.
 *
 * It is a state machine driven by the stage it is at: the stage schedules the container itself
 * on the future-event list with a step number of its own (`sim.enqueue(container, delay,
 * NORMAL, step)`), and the engine hands the step back through `fire`. So moving a container
 * allocates nothing per wait: no process, no generator, no event.
 */
export class Container implements Firable {
  /** The stage it is at (null before its first). */
  at: Stage | null = null;
  /** Index of `at` in its route's stages (journeys). */
  stageIndex = 0;
  /** When it arrived at the stage it is at. */
  arrived: number;
  /** The train or sailing it arrived on at the current stage (null at the origin). */
  group: TravelGroup | null = null;
  /** Direction of the leg it arrived on. */
  direction: Direction = 'westbound';
  /** When service began at the stage it is leaving (set by each stage). */
  started: number;
  /** When its vessel left the berth, set by stages that load at a berth (NaN: same as `started`). */
  departed = Number.NaN;
  /** A stage's scratch time while the container is there (e.g. when it joined the gate queue), hours. */
  mark = 0;
  /** Its place on batch transports (rail assembly, liner sailings), reused leg after leg. */
  batchSeat: BatchSeat<Container> | null = null;
  /** Its place on ferry services, reused likewise. */
  ferrySeat: FerrySeat<Container> | null = null;
  /** Called after a background unit leaves (its `itinerary` is then a pool of units). */
  afterLeave: () => void = noLeave;
  private ident: number;
  private route: number;
  private enteredAt: number;
  private counted: boolean;

  /**
   * @param id sequence number (-1 for background units). @param routeIndex its route (-1 for
   * background). @param entered when it entered the network. @param measured entered after the
   * warm-up: its times count. @param background other traffic: takes capacity, never in the
   * study's statistics. @param itinerary what moves it on from a stage.
   */
  constructor(
    id: number,
    routeIndex: number,
    entered: number,
    measured: boolean,
    readonly background: boolean,
    readonly itinerary: Itinerary,
  ) {
    this.ident = id;
    this.route = routeIndex;
    this.enteredAt = entered;
    this.counted = measured;
    this.arrived = entered;
    this.started = entered;
  }

  /** Sequence number (-1 for background units). */
  get id(): number {
    return this.ident;
  }

  /** Its route's index (-1 for background). */
  get routeIndex(): number {
    return this.route;
  }

  /** When it entered the network, hours. */
  get entered(): number {
    return this.enteredAt;
  }

  /** Entered after the warm-up: its times count in the statistics. */
  get measured(): boolean {
    return this.counted;
  }

  /**
   * Make a container that has left the network (delivered, or a background unit gone) and been
   * retired into its pool (`retire`, which forgot its group) a new one, keeping its seats: pools
   * reuse containers, since a container lives for weeks of simulated time and would otherwise be
   * garbage of the old generation.
   */
  reuse(id: number, routeIndex: number, entered: number, measured: boolean): void {
    this.ident = id;
    this.route = routeIndex;
    this.enteredAt = entered;
    this.counted = measured;
    this.at = null;
    this.stageIndex = 0;
    this.arrived = entered;
    this.direction = 'westbound';
    this.started = entered;
    this.departed = Number.NaN;
    this.mark = 0;
  }

  /**
   * Called as it goes back to its pool: forget the train it came on. A pooled container can wait
   * months to be reused, and would keep that train, its member list and its other containers'
   * references alive until then, long enough to be promoted to the old generation.
   */
  retire(): void {
    this.group = null;
  }

  /** Called by the engine: step `step` of the stage it is at (0: arrive at `at`). */
  fire(step: number): void {
    const stage = this.at as Stage;
    if (step === ARRIVE) stage.arrive(this);
    else stage.resume(this, step);
  }

  /** For event traces: `container 12 at aktau: handled`, or `background unit at ...`. */
  describe(step: number): string {
    const stage = this.at;
    const who = this.background ? 'background unit' : `container ${this.id}`;
    return stage === null ? who : `${who} at ${stage.id}: ${stage.steps[step] ?? `step ${step}`}`;
  }

  /** Leave the current stage now (called by the stage). */
  leave(): void {
    this.itinerary.left(this);
  }
}

/** A `left` or `afterLeave` with nothing to do (background traffic whose end nobody counts). */
export const noLeave = (): void => {};

/** The step that makes a container arrive at `container.at` (stages number their own steps from 1). */
export const ARRIVE = 0;

/**
 * Move `container` into `stage` now, in an URGENT entry at the current instant (where a process
 * would have started): how a journey or a background unit begins.
 */
export function startAt(sim: Simulation, container: Container, stage: Stage): void {
  container.at = stage;
  container.arrived = sim.now;
  sim.enqueue(container, 0, URGENT, ARRIVE);
}

/** What every stage of one replication shares. */
export interface RunContext {
  readonly sim: Simulation;
  readonly streams: RandomStreams;
  readonly calendar: SimCalendar;
  /** Simulation time at which measurement starts, hours. */
  readonly warmupEnd: number;
  /** False when nobody will read the stages' statistics (see `ReplicationOptions`); default true. */
  readonly stageStatistics?: boolean;
}
