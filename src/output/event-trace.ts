/**
 * An event trace: one line per future-event-list entry the engine processes, written as the
 * simulation runs (hook it in as `sim.tracer`). Lines are tab-separated: time in hours, what
 * fired (`Process "customer"`, `Timeout`, `callback departTrain`, a model's state machine such
 * as `container 12 at aktau: handled`), and the entry's data (empty for events; for a state
 * machine, the step it resumes at). Lines starting with `#` describe the run. Output is buffered and
 * written synchronously in large blocks, so memory stays flat over millions of events.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { SimEvent, type Tracer } from '../engine/index.ts';
import { formatNumber } from './number-format.ts';

const FLUSH_CHARS = 1 << 16;

/** Writes an event trace file. Call `close()` when the run ends. */
export class EventTraceWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private buffered = 0;
  /** Lines written so far (events). */
  events = 0;

  /**
   * @param file created or overwritten.
   * @param comments lines written first, each prefixed with `# `.
   */
  constructor(file: string, comments: readonly string[] = []) {
    this.fd = openSync(file, 'w');
    for (const line of comments) this.push(`# ${line}\n`);
    this.push('time_h\twhat\tdata\n');
  }

  /** The hook to assign to `sim.tracer`. */
  readonly tracer: Tracer = (time, target, data) => {
    this.events++;
    const what =
      target instanceof SimEvent
        ? describeEvent(target)
        : typeof target === 'function'
          ? `callback ${target.name === '' ? '(anonymous)' : target.name}`
          : (target.describe?.(data) ?? target.constructor.name);
    this.push(`${formatNumber(time)}\t${what}\t${target instanceof SimEvent ? '' : formatNumber(data)}\n`);
  };

  private push(text: string): void {
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  /** Flush and close the file. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function describeEvent(event: SimEvent<unknown>): string {
  const kind = event.constructor.name;
  return event.label === undefined ? kind : `${kind} "${event.label}"`;
}
