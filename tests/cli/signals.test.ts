/**
 * SIGTERM during a run (issue 12): a real `corridor-sim run` in a child process, one of whose
 * replications never ends (the CORRIDOR_SIM_HANG_REPLICATIONS test hook spins a worker forever,
 * as a runaway model would). SIGTERM must still stop it within seconds with exit 143, keep every
 * finished replication in the journal, leave no process behind, and resume must complete the run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/experiments/journal.ts';
import { cli, journalLines, startCli, tempRoot, TINY, waitFor } from '../experiments/cli-helpers.ts';

/** True while a process with this id exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('signals', () => {
  it('SIGTERM stops a run with a runaway replication: exit 143, journal kept, no process left, resume completes', async () => {
    const out = tempRoot();
    const dir = path.join(out, 'tiny', 'term');
    const args = ['run', TINY, '--replications', '4', '--workers', '2', '--out', out, '--run-id', 'term', '--no-progress'];
    const { child, done } = startCli(args, { CORRIDOR_SIM_HANG_REPLICATIONS: 'base/1' });
    // Replications are handed out replication-major: once 3 are journaled, base/1 (the 4th) is running, forever.
    await waitFor(() => journalLines(dir) >= 3);
    const sent = Date.now();
    child.kill('SIGTERM');
    const stopped = await done;
    const elapsed = Date.now() - sent;
    expect(stopped.code, stopped.stderr).toBe(143);
    // "Within a second or two"; generous, for a machine shared with other test files.
    expect(elapsed).toBeLessThan(5_000);
    expect(stopped.stderr).toContain('interrupted by SIGTERM');
    expect(stopped.stderr).toContain(`continue with: corridor-sim run ${TINY} --resume ${dir}`);
    expect(stopped.stderr).not.toMatch(/\n\s+at /);
    expect(alive(child.pid ?? 0)).toBe(false);

    // Every finished replication is in the journal, each line intact (digests check), the runaway one not.
    const journaled = readJournal(path.join(dir, 'journal.ndjson')).records;
    expect(journaled.length).toBeGreaterThanOrEqual(3);
    expect(journaled.length).toBeLessThan(12);
    expect(journaled.some((r) => r.scenario === 'base' && r.replication === 1)).toBe(false);
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(false);

    const resumed = await cli(['run', TINY, '--resume', dir, '--workers', '2', '--no-progress']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`${12 - journaled.length} of 12 replications to run (${journaled.length} already journaled)`);
    expect(journalLines(dir)).toBe(12);
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(true);
  }, 120_000);
});
