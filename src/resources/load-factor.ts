/**
 * How many items a vehicle of `capacity` items may take at a load factor (low water on the
 * Caspian, a reduced allocation): floor(loadFactor x capacity). One rule for the batch transport,
 * the ferry service and the corridor's compile and capacity steps, so they never disagree.
 */

/** floor(loadFactor x capacity) items; the epsilon keeps 0.29 x 100 from rounding down to 28. */
export function usableItems(capacity: number, loadFactor: number): number {
  return Math.floor(loadFactor * capacity + 1e-9);
}

/**
 * `usableItems`, checked: the load factor in (0, 1] and at least one item left.
 * @param owner names the resource in the error, e.g. `BatchTransport "feeder"`.
 * @throws RangeError otherwise
 */
export function checkedUsableItems(capacity: number, loadFactor: number, owner: string): number {
  const items = usableItems(capacity, loadFactor);
  if (!(loadFactor > 0 && loadFactor <= 1) || items < 1) {
    throw new RangeError(`${owner}: loadFactor must be in (0, 1] and leave at least 1 of the ${capacity} items, got ${loadFactor}`);
  }
  return items;
}
