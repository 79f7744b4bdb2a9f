/**
 * A container (one FEU) moving along a route, and the context every stage of a replication
 * shares. The container is mutable on purpose: stages hand over "how it arrived" (the train it
 * came on, the direction) through its fields, so moving it allocates nothing per stage.
 */
import type { SimEvent, Simulation } from '../../engine/index.ts';
import type { RandomStreams } from '../../random/index.ts';
import type { SimCalendar } from '../../resources/index.ts';
import type { Direction } from '../kinds/kind.ts';

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
 * Containers handled together as one train (a train run on a rail leg, a train in a yard):
 * they join while it forms, wait on `done`, and share the time its service `started`.
 */
export interface TravelGroup {
  /** Containers in the group. */
  size: number;
  /** When the group's service began (path granted, track granted), hours; NaN until then. */
  started: number;
  /** Succeeds when the group leaves the stage. */
  readonly done: SimEvent<undefined>;
}

/** A new, empty group whose `done` event is labelled `label` in traces. */
export function newTravelGroup(sim: Simulation, label: string): TravelGroup {
  return { size: 0, started: Number.NaN, done: sim.event<undefined>(label) };
}

/** A container on its way. Times in hours. */
export interface Container {
  readonly id: number;
  readonly routeIndex: number;
  /** When it entered the network at its origin. */
  readonly entered: number;
  /** Entered after the warm-up: its times count in the statistics. */
  readonly measured: boolean;
  /** Background traffic (other trains, trucks, wagons): takes capacity, never in the study's statistics. */
  readonly background: boolean;
  /** The train or sailing it arrived on at the current stage (null at the origin). */
  group: TravelGroup | null;
  /** Direction of the leg it arrived on. */
  direction: Direction;
  /** When service began at the stage it is leaving (set by each stage). */
  started: number;
  /** When its vessel left the berth, set by stages that load at a berth (NaN: same as `started`). */
  departed: number;
}

/**
 * One unit of background traffic (an FEU-equivalent of other boxes, wagons or trucks) entering
 * a stage at `now`: it takes capacity like a container but is never measured as one.
 */
export function backgroundUnit(now: number): Container {
  return { id: -1, routeIndex: -1, entered: now, measured: false, background: true, group: null, direction: 'westbound', started: now, departed: Number.NaN };
}

/** What every stage of one replication shares. */
export interface RunContext {
  readonly sim: Simulation;
  readonly streams: RandomStreams;
  readonly calendar: SimCalendar;
  /** Simulation time at which measurement starts, hours. */
  readonly warmupEnd: number;
}
