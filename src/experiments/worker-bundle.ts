/**
 * The worker script: src/experiments/worker.ts bundled into plain JavaScript (Node 20 cannot
 * start a worker thread from TypeScript, and tsx's keepNames would slow the simulation by about
 * 40%; see src/build/bundle.ts, which also makes the build atomic and cached).
 */
import { bundleEntry } from '../build/bundle.ts';

/** Absolute path of the bundled worker script. */
export function workerScript(): string {
  return bundleEntry('src/experiments/worker.ts');
}
