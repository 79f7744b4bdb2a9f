/**
 * Replications of scenarios submitted while others run, on one set of worker threads: for loops
 * that need one batch of results before they can ask for the next, several loops at once (the
 * route-choice equilibria of a study's scenarios, src/assignment).
 *
 * Why not one experiment run per round of all loops? A round ends with its slowest
 * replication, so one core waits at every round's tail, and every round re-initialises the
 * workers (each compiles every scenario again). Here a loop's next batch joins the queue as soon
 * as its previous one is back, the workers pull from one queue and never wait for other loops
 * (`pick` keeps a batch on one worker where it can), and a worker learns each scenario once.
 * A replication depends only on its scenario and seed, so the results are those of a run,
 * whatever the order they come back in.
 *
 * Nothing is written to disk: the caller owns the results (in memory, like an experiment run
 * without an `out` folder).
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from './define-experiment.ts';
import { mayKeepStageMetrics, type MetricValue } from './metrics.ts';
import { workerScript } from './worker-bundle.ts';
import type { WorkerGroup } from './worker-group.ts';
import type { FromWorker, Task, ToWorker, WorkerInit } from './worker-protocol.ts';

/** How every replication of the stream runs. Times in hours. */
export interface ReplicationStreamOptions {
  readonly warmupHours: number;
  readonly horizonHours: number;
  /** Metric name patterns to keep (as an experiment's `metrics`). */
  readonly metrics: readonly string[];
  /** Worker threads, >= 1. */
  readonly workers: number;
  /** Workers to take and to hand back on `close` (worker-group.ts); default: own threads, stopped on `close`. */
  readonly group?: WorkerGroup;
}

/** One replication's result: its index, seed and kept metrics. */
export interface StreamedReplication {
  readonly replication: number;
  readonly seed: number;
  readonly metrics: readonly MetricValue[];
}

/** A submitted batch: one scenario's replications. */
interface Batch {
  readonly scenario: Scenario;
  readonly results: StreamedReplication[];
  readonly expected: number;
  failed: boolean;
  readonly resolve: (results: StreamedReplication[]) => void;
  readonly reject: (error: Error) => void;
}

/** A worker thread of the stream: how many scenarios it has been told, the task it runs. */
interface Thread {
  readonly worker: Worker;
  ready: boolean;
  known: number;
  current: Task | null;
  /** The scenario of its last task (-1: none yet). */
  last: number;
  readonly detach: () => void;
}

/** Replications submitted at any time, run on a fixed set of worker threads (see the module comment). */
export class ReplicationStream {
  /** Every batch submitted, by scenario index (the index its tasks and the workers use). */
  private readonly batches: Batch[] = [];
  private readonly queue: Task[] = [];
  private readonly threads: Thread[] = [];
  private closed = false;

  /** @param options how the replications run and on how many threads. */
  constructor(private readonly options: ReplicationStreamOptions) {
    if (!(Number.isInteger(options.workers) && options.workers >= 1)) throw new RangeError(`workers must be an integer >= 1, got ${options.workers}`);
  }

  /**
   * Run `scenario` with each of `seeds` (replication index and its seed); resolves with the
   * results in replication order, or rejects on the first replication that fails.
   */
  run(scenario: Scenario, seeds: readonly { readonly replication: number; readonly seed: number }[]): Promise<StreamedReplication[]> {
    if (this.closed) return Promise.reject(new Error('the replication stream is closed'));
    const scenarioIndex = this.batches.length;
    return new Promise((resolve, reject) => {
      const batch: Batch = { scenario, results: [], expected: seeds.length, failed: false, resolve, reject };
      this.batches.push(batch);
      if (seeds.length === 0) {
        resolve([]);
        return;
      }
      for (const s of seeds) this.queue.push({ scenarioIndex, replication: s.replication, seed: s.seed });
      if (this.threads.length === 0) for (let i = 0; i < this.options.workers; i++) this.startThread();
      for (const thread of this.threads) if (thread.ready && thread.current === null) this.feed(thread);
    });
  }

  /**
   * Stop taking batches: those still pending are rejected, idle threads go back to the group
   * (or are stopped), and threads still running a replication are terminated, so no stale
   * result can reach the group's next run.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    for (const batch of this.batches) {
      if (!batch.failed && batch.results.length < batch.expected) {
        batch.failed = true;
        batch.reject(new Error(`scenario ${batch.scenario.id}: the replication stream was closed before it ran`));
      }
    }
    const stopping = this.threads.splice(0).map(async (thread) => {
      thread.detach();
      const idle = thread.ready && thread.current === null;
      if (idle && this.options.group !== undefined) {
        this.options.group.give(thread.worker);
        return;
      }
      const exited = new Promise<void>((resolve) => thread.worker.once('exit', () => resolve()));
      if (idle) thread.worker.postMessage({ type: 'stop' } satisfies ToWorker);
      else void thread.worker.terminate();
      await exited;
    });
    await Promise.all(stopping);
  }

  // A stream hands back metrics only, never series: when its patterns keep no stage metric, the
  // replications skip the stages' statistics (about 8% of a corridor replication).
  private init(): WorkerInit {
    const { warmupHours, horizonHours, metrics } = this.options;
    return { scenarios: [], warmupHours, horizonHours, metrics, stageStatistics: mayKeepStageMetrics(metrics) };
  }

  private startThread(): void {
    const kept = this.options.group?.take();
    // execArgv []: the worker runs the plain-JS bundle, without the tsx loader of this thread.
    const worker = kept ?? new Worker(workerScript(), { workerData: this.init(), execArgv: [] });
    let lastError: Error | null = null;
    const onMessage = (message: FromWorker): void => this.received(thread, message);
    const onError = (error: Error): void => {
      lastError = error;
    };
    const onExit = (code: number): void => this.died(thread, lastError?.message ?? `exit code ${code}`);
    const thread: Thread = {
      worker,
      ready: false,
      known: 0,
      current: null,
      last: -1,
      detach: () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      },
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    this.threads.push(thread);
    // A kept worker answers its new (empty) scenario list with `ready`, as a new one does on start.
    if (kept !== undefined) worker.postMessage({ type: 'init', init: this.init() } satisfies ToWorker);
  }

  /** Give an idle thread its next task (see `pick`), telling it the scenarios it does not know yet. */
  private feed(thread: Thread): void {
    const at = this.pick(thread);
    if (at < 0) return;
    const task = this.queue.splice(at, 1)[0] as Task;
    while (thread.known <= task.scenarioIndex) {
      thread.worker.postMessage({ type: 'scenario', scenario: (this.batches[thread.known] as Batch).scenario } satisfies ToWorker);
      thread.known++;
    }
    thread.current = task;
    thread.last = task.scenarioIndex;
    thread.worker.postMessage({ type: 'task', task } satisfies ToWorker);
  }

  /**
   * Which queued task a thread takes: another of the scenario it ran last, else the first of a
   * scenario no other thread is on, else the first. Each batch then tends to stay on one thread,
   * which compiles its model once (a study's model takes tens of milliseconds to compile, about
   * a tenth of a replication), while a lone batch is still shared by every idle thread.
   */
  private pick(thread: Thread): number {
    if (this.queue.length === 0) return -1;
    const same = this.queue.findIndex((task) => task.scenarioIndex === thread.last);
    if (same >= 0) return same;
    const taken = new Set(this.threads.filter((other) => other !== thread).map((other) => other.last));
    const free = this.queue.findIndex((task) => !taken.has(task.scenarioIndex));
    return free >= 0 ? free : 0;
  }

  private received(thread: Thread, message: FromWorker): void {
    if (message.type === 'ready') {
      thread.ready = true;
      thread.known = 0;
      thread.last = -1;
    }
    thread.current = null;
    // The next task first, so the worker simulates while this thread files the result.
    this.feed(thread);
    if (message.type === 'result') this.settle(message.task, { replication: message.task.replication, seed: message.task.seed, metrics: message.metrics });
    else if (message.type === 'failure') this.fail(message.task, message.message);
  }

  private settle(task: Task, result: StreamedReplication): void {
    const batch = this.batches[task.scenarioIndex];
    if (batch === undefined || batch.failed) return;
    batch.results.push(result);
    if (batch.results.length < batch.expected) return;
    this.forget(task.scenarioIndex);
    batch.resolve(batch.results.sort((a, b) => a.replication - b.replication));
  }

  /** No replication of scenario `index` is left: the threads that compiled it may drop its model. */
  private forget(index: number): void {
    for (const thread of this.threads) if (thread.known > index) thread.worker.postMessage({ type: 'forget', scenarioIndex: index } satisfies ToWorker);
  }

  private fail(task: Task, message: string): void {
    const batch = this.batches[task.scenarioIndex];
    if (batch === undefined || batch.failed) return;
    batch.failed = true;
    // Its other replications are not worth running.
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]?.scenarioIndex === task.scenarioIndex) this.queue.splice(i, 1);
    this.forget(task.scenarioIndex);
    batch.reject(new Error(`scenario ${batch.scenario.id}, replication ${task.replication}: ${message}`));
  }

  /** A thread exited on its own: fail what it ran, and start another while there is work. */
  private died(thread: Thread, why: string): void {
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
    thread.detach();
    if (!thread.ready) {
      // It never started (a broken bundle): every replacement would die the same way.
      const error = `a worker thread failed to start: ${why}`;
      for (const task of this.queue.splice(0)) this.fail(task, error);
      for (const other of this.threads) if (other.current !== null) this.fail(other.current, error);
      return;
    }
    if (thread.current !== null) this.fail(thread.current, `the worker thread died: ${why}`);
    if (!this.closed && this.queue.length > 0) this.startThread();
  }
}
