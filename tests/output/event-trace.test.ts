import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation, type ProcessGenerator } from '../../src/engine/index.ts';
import { EventTraceWriter } from '../../src/output/event-trace.ts';

describe('EventTraceWriter', () => {
  it('writes one tab-separated line per processed entry, after the comments and a header', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-trace-')), 'trace.txt');
    const writer = new EventTraceWriter(file, ['demo run']);
    const sim = new Simulation();
    sim.tracer = writer.tracer;
    function* truck(): ProcessGenerator {
      yield sim.timeout(1.5);
    }
    sim.process(truck(), 'truck');
    sim.schedule(2, function departTrain() {}, 7);
    sim.run();
    writer.close();
    expect(writer.events).toBe(sim.eventsProcessed);
    // The truck's end takes no line: a process nobody waits for ends without an entry.
    expect(readFileSync(file, 'utf8')).toBe(
      ['# demo run', 'time_h\twhat\tdata', '0\tProcess "truck"\t', '1.5\tTimeout\t', '2\tcallback departTrain\t7', ''].join('\n'),
    );
  });
});
