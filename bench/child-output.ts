/**
 * How the benchmarks read their children: each child prints one JSON line last (anything before
 * it, such as a warning, is ignored).
 */

/** The last line of a child's stdout, parsed as JSON. */
export function lastJsonLine<T>(stdout: string): T {
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as T;
}

