/**
 * An event trace: one line per future-event-list entry the engine processes, written as the
 * simulation runs (hook it in as `sim.tracer`). Lines are tab-separated: time in hours, what
 * fired (`Process "customer"`, `Timeout`, `callback departTrain`, a model's state machine such
 * as `container 12 at aktau: handled`), and the entry's data (empty for events; for a state
 * machine, the step it resumes at). Lines starting with `#` describe the run. Output is written in
 * blocks (block-file.ts), so memory stays flat over millions of events.
 */
import { SimEvent, type Tracer } from '../engine/index.ts';
import { BlockFile } from './block-file.ts';
import { formatNumber } from './number-format.ts';

/** Writes an event trace file. Call `close()` when the run ends. */
export class EventTraceWriter {
  private readonly file: BlockFile;
  /** Lines written so far (events). */
  events = 0;

  /**
   * @param file created or overwritten.
   * @param comments lines written first, each prefixed with `# `.
   */
  constructor(file: string, comments: readonly string[] = []) {
    this.file = new BlockFile(file);
    for (const line of comments) this.file.write(`# ${line}\n`);
    this.file.write('time_h\twhat\tdata\n');
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
    this.file.write(`${formatNumber(time)}\t${what}\t${target instanceof SimEvent ? '' : formatNumber(data)}\n`);
  };

  /** Flush and close the file. */
  close(): void {
    this.file.close();
  }
}

function describeEvent(event: SimEvent<unknown>): string {
  const kind = event.constructor.name;
  return event.label === undefined ? kind : `${kind} "${event.label}"`;
}
