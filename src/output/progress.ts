/**
 * Progress of a long run on stderr: a live bar (done of total, rate, time left) when stderr is a
 * terminal, and otherwise plain lines (every `intervalSeconds` or every 10%), which stay readable
 * in a log file or a batch job's output. Rate and time left count only the work done in this
 * session, so a resumed run does not report the journaled replications as instant.
 */
import { SingleBar } from 'cli-progress';

/** Reports progress; call `tick` per finished item and `stop` once at the end. */
export interface Progress {
  /** One more item finished (successfully or not). */
  tick(failed?: boolean): void;
  /** Finish the report (prints the final line in plain mode). */
  stop(): void;
}

/** What to report and where. */
export interface ProgressOptions {
  /** Items in the whole run, including those already done. */
  readonly total: number;
  /** Items already done before this session (a resumed run). */
  readonly done?: number;
  /** A word for the items, e.g. `replications`. */
  readonly unit: string;
  /** A prefix, e.g. the experiment name. */
  readonly label: string;
  /** Where to write (default process.stderr). A bar is drawn only if `isTTY` is true. */
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Plain mode: at most one line per this many seconds, unless a 10% step is crossed (default 5). */
  readonly intervalSeconds?: number;
  /** Milliseconds clock, for tests (default Date.now). */
  readonly now?: () => number;
}

/** Progress that reports nothing (quiet runs, the programmatic API). */
export const silentProgress: Progress = { tick() {}, stop() {} };

/** Start reporting progress. */
export function startProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const started = now();
  const base = options.done ?? 0;
  let done = base;
  let failed = 0;
  const rate = (): number => (done - base) / Math.max((now() - started) / 1000, 1e-9);
  const left = (): string => {
    const r = rate();
    return done - base > 0 && r > 0 ? formatSeconds((options.total - done) / r) : '?';
  };

  if (stream.isTTY === true) {
    const bar = new SingleBar({
      stream,
      format: `${options.label} [{bar}] {value}/{total} ${options.unit} | {rate}/s | {left} left{failures}`,
      barsize: 30,
      hideCursor: null,
      fps: 5,
    });
    bar.start(options.total, done, { rate: '0', left: '?', failures: '' });
    return {
      tick(isFailure = false) {
        done++;
        if (isFailure) failed++;
        bar.update(done, { rate: rate().toFixed(2), left: left(), failures: failed > 0 ? ` | ${failed} failed` : '' });
      },
      stop() {
        bar.stop();
      },
    };
  }

  const intervalMs = (options.intervalSeconds ?? 5) * 1000;
  let lastPrinted = started;
  let lastDecile = Math.floor((10 * done) / Math.max(options.total, 1));
  const line = (): string => {
    const percent = options.total > 0 ? Math.floor((100 * done) / options.total) : 100;
    const failures = failed > 0 ? `, ${failed} failed` : '';
    return `${options.label}: ${done}/${options.total} ${options.unit} (${percent}%), ${rate().toFixed(2)}/s, about ${left()} left${failures}\n`;
  };
  return {
    tick(isFailure = false) {
      done++;
      if (isFailure) failed++;
      const decile = Math.floor((10 * done) / Math.max(options.total, 1));
      if (now() - lastPrinted >= intervalMs || decile > lastDecile) {
        stream.write(line());
        lastPrinted = now();
        lastDecile = decile;
      }
    },
    stop() {
      if (done > base && lastDecile < 10) stream.write(line());
    },
  };
}

/** `42 s`, `3 min 5 s`, `2 h 10 min`. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
