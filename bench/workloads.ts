/**
 * The two workloads the benchmarks time, defined once: the M/M/3 queue of bench/engine-mmc.ts
 * and a simulated year of the Middle Corridor model at the 2025 volume. Not a public entry point.
 */
import type { CompiledModel } from '../src/corridor/compiled.ts';
import { loadScenarioModel } from '../src/corridor/load-scenario.ts';
import type { MmcOptions } from '../src/examples/mmc-callbacks.ts';

/** The M/M/3 queue (lambda 2.7/h, mu 1/h, seed 1000) for `departures` departures. */
export function mmcOptions(departures: number): MmcOptions {
  return { lambda: 2.7, mu: 1, servers: 3, departures, seed: 1000 };
}

/** models/middle-corridor.yaml at the 2025 volume; `remove` drops parts (e.g. `background`). */
export function corridor2025(label: string, remove: readonly string[] = []): CompiledModel {
  return loadScenarioModel({ model: 'models/middle-corridor.yaml', overlays: ['models/overlays/demand-2025.yaml'], remove, label });
}
