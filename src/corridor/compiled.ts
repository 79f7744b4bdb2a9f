/**
 * A corridor model after loading: validated, cross-referenced and converted to the engine's
 * units (hours, FEU, `Distribution` objects). The simulation runs on this form only, so units
 * and references are checked once, at the edge, and never again on the hot path. Nodes and
 * legs are compiled by their kinds (src/corridor/kinds/).
 */
import type { Distribution } from '../distributions/index.ts';
import type { CompiledLeg, CompiledNode } from './kinds/registry.ts';
import type { Direction } from './kinds/kind.ts';
import type { ModelLimits } from './limits.ts';
import type { AveragingRule } from '../trade/equilibrium-types.ts';

export type { CompiledDisruption, CompiledLegBase, CompiledNodeBase, CompiledStageBase, Direction, DisruptionTiming } from './kinds/kind.ts';
export type { CompiledLeg, CompiledNode, KindName, LegKindName, NodeKindName } from './kinds/registry.ts';
export type { CompiledTerminal } from './kinds/terminal/compile.ts';
export type { CompiledYard } from './kinds/yard/compile.ts';
export type { CompiledRailLeg } from './kinds/rail/compile.ts';
export type { CompiledFerryLeg } from './kinds/ferry/compile.ts';
export type { CompiledSeaLeg } from './kinds/sea/compile.ts';

/** Families of routes, for reports and route choice. */
export type RouteMode = 'middle-corridor' | 'northern' | 'sea-suez' | 'sea-cape' | 'sea-black-sea' | 'other';

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
  /** Route constant on top of its mode's (USD per FEU); 0 when none. */
  readonly constantUsdPerFeu: number;
  /** Closed: in no choice set, no demand on it. */
  readonly closed: boolean;
  /** FEU per week simulated on an uncongested route to measure its times, or undefined (simulate what is assigned). */
  readonly probeFeuPerWeek: number | undefined;
}

/** One route of a demand flow and the share of the flow it takes (0 to 1). */
export interface CompiledChoice {
  readonly route: string;
  readonly share: number;
}

/** A demand flow split over its routes, FEU per hour on average. */
export interface CompiledDemand {
  readonly id: string;
  /** The route of a pinned flow; undefined for a flow with a choice set. */
  readonly route: string | undefined;
  /** Its routes and their shares (one route with share 1 when pinned); closed routes left out. */
  readonly choices: readonly CompiledChoice[];
  /** Value of time of the cargo, USD per FEU per day (choice flows), or undefined. */
  readonly valueOfTimeUsdPerFeuDay: number | undefined;
  /** Mean FEU per hour over the year. */
  readonly feuPerHour: number;
  /** Monthly multipliers normalised to a day-weighted mean of 1 (January first), or undefined. */
  readonly seasonality: readonly number[] | undefined;
  /** Lot size distribution in FEU for batched arrivals, or undefined for single FEU. */
  readonly lotSize: Distribution | undefined;
}

/** Route-choice settings (see schema.ts `assignment`). Money in USD per FEU. */
export interface CompiledAssignment {
  readonly logitScaleUsd: number;
  readonly reliabilityWeight: number;
  readonly modeConstantsUsdPerFeu: Readonly<Record<string, number>>;
  /** Nest of each route mode (a mode not listed is its own nest). */
  readonly nestOfMode: Readonly<Record<string, string>>;
  /** Nest scale λ in (0, 1]. */
  readonly nestScale: number;
  readonly tolerance: number;
  /** Convergence on route volumes (FEU per week floor, relative part) instead of `tolerance`. */
  readonly flowTolerance?: { readonly feuPerWeek: number; readonly relative: number };
  /** How the equilibrium loop steps (see AveragingRule in src/trade). */
  readonly averaging: AveragingRule;
  readonly maxIterations: number;
  readonly replications: number;
}

/** A weather driver shared by several places. Times in hours. */
export interface CompiledWeather {
  readonly id: string;
  readonly between: Distribution;
  readonly duration: Distribution;
  /** Monthly multipliers of the episode rate (January first, as given), or undefined. */
  readonly seasonality: readonly number[] | undefined;
  /** Share of episodes that are sea-wide, 0 to 1. */
  readonly correlation: number;
}

/** Background traffic at one node or leg: arrivals per hour, each of `feuPerArrival` FEU-equivalents. */
export interface CompiledBackground {
  readonly id: string;
  /** The node or leg id. */
  readonly at: string;
  /** Mean arrivals per hour over the year (units, or trains for train kinds). */
  readonly arrivalsPerHour: number;
  /** FEU-equivalents per arrival: 1 for single units, the train's size for trains. */
  readonly feuPerArrival: number;
  readonly direction: Direction;
  /** Monthly multipliers normalised to a day-weighted mean of 1, or undefined. */
  readonly seasonality: readonly number[] | undefined;
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
  /** Weather drivers by id (empty when none). */
  readonly weather: ReadonlyMap<string, CompiledWeather>;
  /** Background traffic (empty when none). */
  readonly background: readonly CompiledBackground[];
  /** Route-choice settings, or undefined when no flow chooses. */
  readonly assignment: CompiledAssignment | undefined;
  /** Runtime limits of a replication; undefined means `DEFAULT_LIMITS` (models built in code). */
  readonly limits?: ModelLimits;
  /** Where the model came from: files read (base first, then overlays) and a content hash. */
  readonly source: { readonly files: readonly string[]; readonly sha256: string };
}
