/**
 * How the benchmarks read their children: each child prints one JSON line last (anything before
 * it, such as a warning, is ignored).
 */

/** The last line of a child's stdout, parsed as JSON. */
export function lastJsonLine<T>(stdout: string): T {
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as T;
}

/**
 * The fastest of three runs of `run` (each starts a fresh child): on a shared machine a single
 * run of half a second can be 50% off, and the first of a series pays for cold caches.
 */
export function fastestOfThree<T extends { readonly seconds: number }>(run: () => T): T {
  const runs = [run(), run(), run()];
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}
