/**
 * Worker threads kept between runs: a study's equilibrium stream and its final runs, a
 * precision run's batches. Started afresh each time, every worker would load its bundle and
 * compile its models with a cold JIT again (about 1-1.5 s per run on the development VM, more
 * than a 30-day replication's simulation). A group keeps the finished runs'
 * workers idle, and the next run re-initialises them with its own scenarios instead of
 * starting new threads.
 *
 * Results do not depend on reuse: a re-initialised worker drops its compiled models, and a
 * replication depends only on its model and seed. Idle workers are unref'd, so a group that
 * is never closed does not keep the process alive; `close` stops them.
 */
import type { Worker } from 'node:worker_threads';
import type { ToWorker } from './worker-protocol.ts';

/** Idle worker threads to be reused by later runs (pass as `RunOptions.workerGroup`). */
export class WorkerGroup {
  private readonly idle: Worker[] = [];
  private readonly onIdleExit = new Map<Worker, () => void>();
  private closed = false;

  /** An idle worker for a new run (ref'd again), or undefined when none is left. */
  take(): Worker | undefined {
    const worker = this.idle.shift();
    if (worker === undefined) return undefined;
    const listener = this.onIdleExit.get(worker);
    if (listener !== undefined) worker.off('exit', listener);
    this.onIdleExit.delete(worker);
    worker.ref();
    return worker;
  }

  /** A run is done with `worker`: keep it for the next (or stop it if the group is closed). */
  give(worker: Worker): void {
    if (this.closed) {
      worker.postMessage({ type: 'stop' } satisfies ToWorker);
      return;
    }
    // An idle worker that dies (it should not) simply leaves the group.
    const listener = (): void => {
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      this.onIdleExit.delete(worker);
    };
    worker.once('exit', listener);
    this.onIdleExit.set(worker, listener);
    worker.unref();
    this.idle.push(worker);
  }

  /** Idle workers now. */
  get size(): number {
    return this.idle.length;
  }

  /** Stop every idle worker and refuse to keep more; resolves when they have exited. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping = this.idle.splice(0).map(
      (worker) =>
        new Promise<void>((resolve) => {
          const listener = this.onIdleExit.get(worker);
          if (listener !== undefined) worker.off('exit', listener);
          this.onIdleExit.delete(worker);
          worker.once('exit', () => resolve());
          // Ref'd again: an unref'd worker would let the process end before this resolves.
          worker.ref();
          worker.postMessage({ type: 'stop' } satisfies ToWorker);
        }),
    );
    await Promise.all(stopping);
  }
}
