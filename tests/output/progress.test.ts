import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatSeconds, startProgress } from '../../src/output/progress.ts';

/** A fake stderr that is not a terminal, and a clock the test moves. */
function setup(total: number, done = 0) {
  const lines: string[] = [];
  let now = 0;
  const stream = Object.assign(new Writable(), { isTTY: false, write: (chunk: string) => lines.push(chunk) > 0 });
  const progress = startProgress({ total, done, unit: 'replications', label: 'demo', stream, intervalSeconds: 5, now: () => now });
  return { lines, progress, advance: (ms: number) => (now += ms) };
}

describe('progress without a terminal', () => {
  it('prints a line at each 10% step or every interval, with rate and time left', () => {
    const { lines, progress, advance } = setup(20);
    advance(1000);
    progress.tick(); // 5%: nothing yet
    expect(lines).toEqual([]);
    advance(1000);
    progress.tick(); // 10%
    expect(lines).toEqual(['demo: 2/20 replications (10%), 1.00/s, about 18 s left\n']);
    advance(6000);
    progress.tick(true); // 15%, but 6 s since the last line
    expect(lines[1]).toBe('demo: 3/20 replications (15%), 0.38/s, about 45 s left, 1 failed\n');
    progress.stop();
    expect(lines).toHaveLength(3);
  });

  it('counts only this session for the rate of a resumed run', () => {
    const { lines, progress, advance } = setup(10, 8);
    advance(2000);
    progress.tick();
    expect(lines).toEqual(['demo: 9/10 replications (90%), 0.50/s, about 2 s left\n']);
  });

  it('formats durations', () => {
    expect([formatSeconds(42.4), formatSeconds(185), formatSeconds(7800)]).toEqual(['42 s', '3 min 5 s', '2 h 10 min']);
  });
});
