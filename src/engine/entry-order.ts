/**
 * The order of the future-event list (event-queue.ts), in one place for the heap, its lanes and
 * the calendar (calendar-queue.ts): by time, then by key (priority and insertion sequence packed
 * into one number).
 */

/**
 * True when the entry (time, key) comes strictly before (otherTime, otherKey); times in hours.
 * Small enough that V8 always inlines it, so the times stay unboxed on the hot path.
 */
export function precedes(time: number, key: number, otherTime: number, otherKey: number): boolean {
  return time < otherTime || (time === otherTime && key < otherKey);
}
