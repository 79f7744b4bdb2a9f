/**
 * Containers entering the network: for each demand flow, a Poisson stream of arrivals (single
 * FEU, or lots of several FEU) whose rate follows the flow's monthly seasonality. Seasonality is
 * a time change: an Exp(1) draw divided by the base rate is "intensity hours", turned into real
 * hours by integrating the monthly multipliers, which is exact for a Poisson process with a
 * piecewise-constant rate.
 */
import type { RandomStream } from '../../random/index.ts';
import { advanceByIntensity } from '../../resources/index.ts';
import type { Distribution } from '../../distributions/index.ts';
import type { RunContext } from './container.ts';

/** One Poisson stream of arrivals: a demand flow on one route, or background traffic. */
export interface ArrivalFlow {
  /** Names its random streams: `demand/<id>/arrivals` and `demand/<id>/lots`. */
  readonly id: string;
  /** Mean FEU (or units) per hour over the year. */
  readonly feuPerHour: number;
  /** Monthly multipliers normalised to a day-weighted mean of 1 (January first), or undefined. */
  readonly seasonality: readonly number[] | undefined;
  /** Lot size distribution for batched arrivals, or undefined for single FEU. */
  readonly lotSize: Distribution | undefined;
}

/** Called for each arrival: the flow and how many FEU arrive together. */
export type ArrivalHandler = (flow: ArrivalFlow, lot: number) => void;

/** Start the arrival stream of one flow; arrivals are handed to `onArrival`. */
export function startDemand(ctx: RunContext, demand: ArrivalFlow, onArrival: ArrivalHandler): void {
  if (demand.feuPerHour <= 0) return;
  const { sim, calendar } = ctx;
  const timing: RandomStream = ctx.streams.stream(`demand/${demand.id}/arrivals`);
  const sizes: RandomStream = ctx.streams.stream(`demand/${demand.id}/lots`);
  const lotSize = demand.lotSize;
  // Lots arrive at rate (FEU per hour) / (mean FEU per lot), so the FEU rate is as specified.
  const lotsPerHour = demand.feuPerHour / (lotSize?.mean ?? 1);
  const seasonality = demand.seasonality;
  const nextTime = (): number => {
    const intensityHours = -Math.log(timing.next()) / lotsPerHour;
    return seasonality === undefined ? sim.now + intensityHours : advanceByIntensity(calendar, seasonality, sim.now, intensityHours);
  };
  const arrive = (): void => {
    const lot = lotSize === undefined ? 1 : Math.max(1, Math.round(lotSize.sample(sizes)));
    onArrival(demand, lot);
    schedule(nextTime());
  };
  // Infinity (an arrival beyond any date the calendar holds): the flow has no further arrival.
  const schedule = (at: number): void => {
    if (at !== Infinity) sim.scheduleAt(at, arrive);
  };
  schedule(nextTime());
}
