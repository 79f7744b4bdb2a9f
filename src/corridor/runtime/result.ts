/**
 * What one replication of a corridor model reports: plain data (no live simulation objects), so
 * it crosses worker threads and becomes CSV rows. Times in hours, volumes in FEU.
 */
import type { RouteMode } from '../compiled.ts';

/** Transit-time summary of one route's delivered containers, hours. */
export interface TransitSummary {
  readonly count: number;
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly max: number;
  /** Transit quantiles at `TRANSIT_QUANTILE_LEVELS` (an ECDF outline for plots), hours. */
  readonly quantiles: readonly number[];
}

/** Probability levels of `TransitSummary.quantiles`: 1%, 5%, 10%, ..., 95%, 99%. */
export const TRANSIT_QUANTILE_LEVELS: readonly number[] = [0.01, ...Array.from({ length: 19 }, (_, i) => (i + 1) / 20), 0.99];

/** One route over the measured period. */
export interface RouteResult {
  readonly id: string;
  readonly name: string;
  readonly mode: RouteMode;
  /** FEU that entered after warm-up. */
  readonly entered: number;
  /** FEU delivered after warm-up (whenever they entered). */
  readonly delivered: number;
  /** Delivered FEU per week over the measured period. */
  readonly feuPerWeek: number;
  /** End-to-end times of containers that entered after warm-up and were delivered. */
  readonly transit: TransitSummary;
  /** FEU delivered in each complete week of the measured period. */
  readonly weekly: readonly number[];
}

/** One stage (node or leg) over the measured period. */
export interface StageResult {
  readonly id: string;
  readonly name: string;
  /** The kind's name (terminal, yard, rail, ferry, sea, ...). */
  readonly kind: string;
  /** FEU leaving the stage per week. */
  readonly feuPerWeek: number;
  /** Containers measured (entered the network after warm-up) that left the stage. */
  readonly containers: number;
  readonly meanWaitHours: number;
  readonly meanServiceHours: number;
  /** Time-average and maximum number of FEU waiting. */
  readonly meanQueueFeu: number;
  readonly maxQueueFeu: number;
  /** Time-average share of capacity busy (servers, tracks, vessels, line paths); NaN where none. */
  readonly utilization: number;
  /** Total hours measured containers waited here. */
  readonly totalWaitHours: number;
  /** This stage's share of all waiting hours in the network, 0 to 1. */
  readonly waitShare: number;
  /** Time-average FEU waiting in each complete day of the measured period. */
  readonly dailyQueue: readonly number[];
  /** Share of the measured period the place was closed (storms, holds, windows), 0 to 1. */
  readonly closedShare: number;
  /** Mean hours per measured container in each of the stage's phases (a ferry's wait for a vessel, ...). */
  readonly phases: Readonly<Record<string, number>>;
  /** Background traffic that left the stage, FEU-equivalents per week (not in the figures above). */
  readonly backgroundFeuPerWeek: number;
  /** Mean hours background units (or trains) waited for capacity. */
  readonly backgroundMeanWaitHours: number;
  /** The model marks this capacity `non-binding` (an assumption). */
  readonly assumedNonBinding: boolean;
  /** An assumed non-binding capacity that bound in this run (see binding.ts); false otherwise. */
  readonly bindingWarning: boolean;
}

/** Containers in and out, FEU: conservation says entered = delivered + inSystem. */
export interface ContainerBalance {
  /** All FEU that entered, warm-up included. */
  readonly entered: number;
  /** All FEU delivered, warm-up included. */
  readonly delivered: number;
  /** FEU still in the network at the end (the backlog). */
  readonly inSystem: number;
}

/** One demand flow on one of its routes: the share it was assigned and the volume that means. */
export interface FlowResult {
  readonly demand: string;
  readonly route: string;
  readonly mode: RouteMode;
  /** Share of the flow on this route, 0 to 1 (1 for a pinned flow). */
  readonly share: number;
  /** Volume assigned to this route, FEU per week (the flow's mean rate times the share). */
  readonly assignedFeuPerWeek: number;
  /** False on an uncongested route that simulates a probe volume and accounts the assigned one. */
  readonly simulated: boolean;
}

/** The result of one replication. */
export interface ReplicationResult {
  readonly model: string;
  readonly seed: number | string;
  readonly warmupHours: number;
  readonly horizonHours: number;
  /** Future-event-list entries processed. */
  readonly events: number;
  readonly containers: ContainerBalance;
  /** Time-average FEU in the network over the measured period. */
  readonly meanInSystem: number;
  readonly routes: readonly RouteResult[];
  /** Every stage, in model order; none when the run was told not to measure them (`stageStatistics: false`). */
  readonly stages: readonly StageResult[];
  /** Stage ids by share of waiting time, largest first. */
  readonly bottlenecks: readonly string[];
  /** Every demand flow on each of its routes, in model order. */
  readonly flows: readonly FlowResult[];
}
