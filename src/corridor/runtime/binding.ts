/**
 * When an assumed capacity binds. A model may mark a node's or leg's capacity
 * `capacityAssumption: non-binding` (not in the data, sized not to matter); if a run shows
 * otherwise, the assumption is carrying the result and the run says so (summary, CSV, report).
 *
 * A capacity binds in a run when its time-average utilization is above `UTILIZATION_LIMIT`, or
 * when its queue grows: the mean daily queue over the last `TAIL_DAYS` measured days is more
 * than twice the period's mean and above `QUEUE_FLOOR_FEU`.
 */

/** Utilization above which an assumed non-binding capacity is reported as binding. */
export const UTILIZATION_LIMIT = 0.85;
/** Days at the end of the measured period compared with the whole, for a growing queue. */
export const TAIL_DAYS = 30;
/** A queue below this many FEU is never called growing (noise). */
export const QUEUE_FLOOR_FEU = 5;

/** True when a stage's capacity bound: utilization above the limit, or a growing queue. */
export function capacityBound(utilization: number, dailyQueue: readonly number[]): boolean {
  if (utilization > UTILIZATION_LIMIT) return true;
  if (dailyQueue.length < 2 * TAIL_DAYS) return false;
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const all = mean(dailyQueue);
  const tail = mean(dailyQueue.slice(-TAIL_DAYS));
  return tail > QUEUE_FLOOR_FEU && tail > 2 * all;
}
