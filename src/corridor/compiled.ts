/**
 * A corridor model after loading: validated, cross-referenced and converted to the engine's
 * units (hours, FEU, `Distribution` objects). The simulation runs on this form only, so units
 * and references are checked once, at the edge, and never again on the hot path.
 */
import type { Distribution } from '../distributions/index.ts';
import type { DeparturePolicy } from '../resources/index.ts';

/** Direction of travel; yards may process the two differently (inbound vs outbound borders). */
export type Direction = 'westbound' | 'eastbound';

/** Families of routes, for reports and route choice. */
export type RouteMode = 'middle-corridor' | 'northern' | 'sea-suez' | 'sea-cape' | 'sea-black-sea' | 'other';

/** Fields every node has. */
interface NodeBase {
  readonly id: string;
  readonly name: string;
  readonly country: string | undefined;
  /** Longitude and latitude in degrees, for schematic maps. */
  readonly position: { readonly lon: number; readonly lat: number } | undefined;
}

/** A port or rail terminal: containers handled one by one. Times in hours. */
export interface CompiledTerminal extends NodeBase {
  readonly kind: 'terminal';
  /** Parallel handling servers (cranes, reach stackers). */
  readonly servers: number;
  /** Handling time per FEU, hours. */
  readonly handling: Distribution;
  /** Yard dwell per FEU, hours. */
  readonly dwell: Distribution | undefined;
  /** Customs / inspection delay per FEU, hours. */
  readonly customs: Distribution | undefined;
  /** Hours per container at the gate (24 / containers per day), or undefined for no gate limit. */
  readonly gateHeadway: number | undefined;
}

/** A border crossing or gauge-change yard: whole trains handled. Times in hours. */
export interface CompiledYard extends NodeBase {
  readonly kind: 'yard';
  /** Trains handled at once. */
  readonly tracks: number;
  /** Processing time per train by direction, hours. */
  readonly processing: Readonly<Record<Direction, Distribution>>;
  /** Minimum hours between train starts (24 / trains per day), or undefined. */
  readonly minHeadway: number | undefined;
}

/** A node of a compiled model. */
export type CompiledNode = CompiledTerminal | CompiledYard;

/** Fields every leg has. */
interface LegBase {
  readonly id: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly direction: Direction;
}

/** A rail leg: block trains assembled at `from`. Times in hours, sizes in FEU. */
export interface CompiledRailLeg extends LegBase {
  readonly kind: 'rail';
  /** Train length, FEU. */
  readonly capacityFeu: number;
  /** Departure policy in hours and FEU. */
  readonly policy: DeparturePolicy;
  /** Hours a departing train occupies its line (24 / paths per day). */
  readonly pathHeadway: number;
  /** Line id: legs with the same line share train paths (defaults to the leg id). */
  readonly line: string;
  /** Running time, hours. */
  readonly running: Distribution;
  /** Trainsets cycling on the leg, or undefined for always available. */
  readonly fleet: { readonly trainsets: number; readonly return: Distribution } | undefined;
}

/** Storms closing a crossing: alternating renewal, hours. */
export interface CompiledStorms {
  readonly between: Distribution;
  readonly duration: Distribution;
  /** Monthly multipliers of the storm rate (January first), or undefined for none. */
  readonly seasonality: readonly number[] | undefined;
}

/** A ferry/feeder crossing with a cycling fleet. Times in hours, sizes in FEU. */
export interface CompiledFerryLeg extends LegBase {
  readonly kind: 'ferry';
  /** Nominal vessel capacity, FEU. */
  readonly capacityFeu: number;
  readonly vessels: number;
  readonly policy: DeparturePolicy;
  readonly loading: Distribution;
  readonly sailing: Distribution;
  readonly unloading: Distribution;
  readonly return: Distribution;
  readonly storms: CompiledStorms | undefined;
  /** Share of nominal capacity usable, (0, 1]. */
  readonly loadFactor: number;
}

/** A liner sea leg: timetabled sailings. Times in hours, sizes in FEU. */
export interface CompiledSeaLeg extends LegBase {
  readonly kind: 'sea';
  /** Capacity per sailing allocated to the modelled flows, FEU. */
  readonly capacityFeu: number;
  /** Hours between sailings (168 / sailings per week). */
  readonly headway: number;
  readonly cutoff: number;
  readonly transit: Distribution;
  readonly transshipment: Distribution | undefined;
  readonly storms: CompiledStorms | undefined;
}

/** A leg of a compiled model. */
export type CompiledLeg = CompiledRailLeg | CompiledFerryLeg | CompiledSeaLeg;

/** One step of a route: a node or a leg, by id. */
export type RouteStage = { readonly kind: 'node'; readonly id: string } | { readonly kind: 'leg'; readonly id: string };

/** A route: stages from the origin node to the destination node. */
export interface CompiledRoute {
  readonly id: string;
  readonly name: string;
  readonly mode: RouteMode;
  readonly stages: readonly RouteStage[];
  /** First and last node ids. */
  readonly origin: string;
  readonly destination: string;
  readonly freightRateUsdPerFeu: number | undefined;
  readonly riskPremiumUsdPerFeu: number | undefined;
}

/** A demand flow entering a route, FEU per hour on average. */
export interface CompiledDemand {
  readonly id: string;
  readonly route: string;
  /** Mean FEU per hour over the year. */
  readonly feuPerHour: number;
  /** Monthly multipliers normalised to a day-weighted mean of 1 (January first), or undefined. */
  readonly seasonality: readonly number[] | undefined;
  /** Lot size distribution in FEU for batched arrivals, or undefined for single FEU. */
  readonly lotSize: Distribution | undefined;
}

/** A whole compiled model. Maps keep the file's order (stable outputs). */
export interface CompiledModel {
  readonly id: string;
  readonly title: string;
  /** ISO date of simulation time 0. */
  readonly startDate: string;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  readonly legs: ReadonlyMap<string, CompiledLeg>;
  readonly routes: ReadonlyMap<string, CompiledRoute>;
  readonly demand: readonly CompiledDemand[];
  /** Where the model came from: files read (base first, then overlays) and a content hash. */
  readonly source: { readonly files: readonly string[]; readonly sha256: string };
}
