/** Types of worker-threads-pool 2.0 (the package ships none): a concurrency limit for Workers. */
declare module 'worker-threads-pool' {
  import type { Worker, WorkerOptions } from 'node:worker_threads';

  /** Starts at most `max` workers at once; further `acquire` calls wait until one exits. */
  export default class Pool {
    constructor(options?: { max?: number; maxWaiting?: number });
    /** Workers alive now. */
    readonly size: number;
    /** Start a worker from `filename` (a plain-JS file) once a slot is free. */
    acquire(filename: string, options: WorkerOptions, callback: (error: Error | null, worker: Worker) => void): void;
    /** Terminate every worker. */
    destroy(callback?: () => void): void;
  }
}
