/** What the world map shows: the network (positions from the model) and per-scenario values. */
import type { LegKindName, NodeKindName } from '../../corridor/compiled.ts';
import type { GeoPoint } from './frame.ts';

/** A node to draw. */
export interface MapNode {
  readonly id: string;
  readonly name: string;
  readonly kind: NodeKindName;
  readonly position: GeoPoint;
}

/** A leg to draw between two nodes, through its waypoints (degrees). */
export interface MapLeg {
  readonly id: string;
  readonly name: string;
  readonly kind: LegKindName;
  readonly from: string;
  readonly to: string;
  readonly waypoints: readonly GeoPoint[];
}

/** Means over replications of one stage in one scenario; null where the run has none. */
export interface StageValues {
  /** Share of capacity busy, 0 to 1; null for a stage without capacity (liner sailings). */
  readonly utilization: number | null;
  /** FEU leaving the stage per week. */
  readonly feuPerWeek: number | null;
  /** Mean wait before service, hours. */
  readonly meanWaitHours: number | null;
  /** Share of all waiting hours in the network, 0 to 1. */
  readonly waitShare: number | null;
}

/** One scenario's values. */
export interface MapScenario {
  readonly id: string;
  /** Values by stage (node or leg) id. */
  readonly stages: ReadonlyMap<string, StageValues>;
  /** Id of the stage with the largest share of waiting, or null when nothing waited. */
  readonly bottleneck: string | null;
}

/** Everything the map needs. */
export interface WorldMapInput {
  readonly title: string;
  readonly nodes: readonly MapNode[];
  readonly legs: readonly MapLeg[];
  /** Scenarios in run order; the one named `baseline` gets the large map. */
  readonly scenarios: readonly MapScenario[];
  readonly baseline: string;
}
