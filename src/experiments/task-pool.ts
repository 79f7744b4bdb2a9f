/**
 * Spreading replications over worker threads. worker-threads-pool caps how many workers run at
 * once; each worker is started once and pulls tasks one at a time until none are left, so the
 * start-up cost (loading the bundle, compiling each scenario's model) is paid once per worker,
 * not per replication, and a slow replication never holds back a queue of others.
 *
 * Failures are contained: a replication that throws comes back as a failure message; a worker
 * that dies mid-task fails that task and is replaced. Only a worker that cannot start at all (a
 * broken bundle) aborts the run, since every replacement would die the same way.
 *
 * Aborting the signal terminates every worker at once (even one stuck in a replication that
 * never ends): the replications they were running are dropped, not failed, and run again on
 * resume; finished ones have already gone to `onResult`.
 */
import type { Worker } from 'node:worker_threads';
import Pool from 'worker-threads-pool';
import type { MetricValue } from './metrics.ts';
import type { SeriesValues } from './series.ts';
import type { FromWorker, Task, ToWorker, WorkerInit } from './worker-protocol.ts';
import { workerScript } from './worker-bundle.ts';
import type { WorkerGroup } from './worker-group.ts';

/** What to run and where results go. */
export interface TaskPoolOptions {
  readonly init: WorkerInit;
  /** Handed out in this order. */
  readonly tasks: readonly Task[];
  /** Worker threads, >= 1 (fewer are started if there are fewer tasks). */
  readonly workers: number;
  /** When aborted, the workers are terminated and the running tasks dropped (see above). */
  readonly signal?: AbortSignal;
  readonly onResult: (task: Task, metrics: readonly MetricValue[], series: readonly SeriesValues[]) => void;
  readonly onFailure: (task: Task, message: string) => void;
  /**
   * Workers to reuse and to hand back when the tasks are done (worker-group.ts), instead of
   * starting new threads and stopping them at the end.
   */
  readonly group?: WorkerGroup;
}

/** How the pool ended: `interrupted` if the signal stopped it before every task had finished. */
export interface TaskPoolOutcome {
  readonly interrupted: boolean;
}

/** Run every task on a pool of worker threads. Rejects only if a worker cannot start or a callback throws. */
export function runTaskPool(options: TaskPoolOptions): Promise<TaskPoolOutcome> {
  const { tasks, init, signal } = options;
  const script = workerScript();
  const pool = new Pool({ max: options.workers });
  let next = 0;
  let alive = 0;
  let finished = 0;
  let fatal: Error | null = null;
  const stopping = (): boolean => fatal !== null || signal?.aborted === true;
  const workers = new Set<Worker>();
  const terminateAll = (): void => {
    for (const worker of workers) void worker.terminate();
  };

  return new Promise((resolve, reject) => {
    const settleIfDone = (): void => {
      if (alive > 0) return;
      signal?.removeEventListener('abort', terminateAll);
      if (fatal !== null) reject(fatal);
      else resolve({ interrupted: finished < tasks.length });
    };
    const guard = (action: () => void): void => {
      try {
        action();
      } catch (error) {
        fatal ??= error instanceof Error ? error : new Error(String(error));
      }
    };

    const start = (): void => {
      alive++;
      const kept = options.group?.take();
      if (kept !== undefined) {
        attach(kept);
        kept.postMessage({ type: 'init', init } satisfies ToWorker);
        return;
      }
      // execArgv []: the worker runs the plain-JS bundle, without the tsx loader of the main thread.
      pool.acquire(script, { workerData: init, execArgv: [] }, (error, worker) => {
        if (error !== null) {
          fatal ??= error;
          alive--;
          settleIfDone();
          return;
        }
        attach(worker);
      });
    };

    const attach = (worker: Worker): void => {
      workers.add(worker);
      let ready = false;
      let current: Task | null = null;
      let lastError: Error | null = null;
      const send = (message: ToWorker): void => worker.postMessage(message);
      const feed = (): void => {
        if (stopping() || next >= tasks.length) {
          current = null;
          if (options.group !== undefined && !stopping()) release();
          else send({ type: 'stop' });
          return;
        }
        current = tasks[next++] ?? null;
        if (current !== null) send({ type: 'task', task: current });
      };
      const onMessage = (message: FromWorker): void => {
        if (message.type === 'ready') ready = true;
        else finished++;
        current = null;
        // The next task first, so the worker simulates while this thread journals the result (a
        // write and an fsync per replication: milliseconds, more on a network file system).
        feed();
        if (message.type === 'result') guard(() => options.onResult(message.task, message.metrics, message.series));
        else if (message.type === 'failure') guard(() => options.onFailure(message.task, message.message));
      };
      const onError = (error: Error): void => {
        lastError = error;
      };
      const onExit = (code: number): void => {
        alive--;
        workers.delete(worker);
        const why = lastError?.message ?? `exit code ${code}`;
        if (signal?.aborted === true) {
          // Terminated by the abort: its task (if any) is dropped, to run again on resume.
        } else if (!ready) {
          fatal ??= new Error(`a worker thread failed to start (${script}): ${why}`);
        } else if (current !== null) {
          const task = current;
          current = null;
          guard(() => options.onFailure(task, `the worker thread died: ${why}`));
          finished++;
          if (!stopping() && next < tasks.length) start();
        }
        settleIfDone();
      };
      // Done with the tasks: the worker goes back to the group, alive and idle, for the next run.
      const release = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        workers.delete(worker);
        alive--;
        options.group?.give(worker);
        // After the message handler has passed on the worker's last result (it feeds first).
        queueMicrotask(settleIfDone);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // Aborted while this worker was starting: it never gets a task.
      if (signal?.aborted === true) void worker.terminate();
    };

    if (tasks.length === 0) {
      resolve({ interrupted: false });
      return;
    }
    if (signal?.aborted === true) {
      resolve({ interrupted: true });
      return;
    }
    signal?.addEventListener('abort', terminateAll, { once: true });
    for (let i = 0; i < Math.min(options.workers, tasks.length); i++) start();
  });
}
