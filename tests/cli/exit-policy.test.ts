/**
 * The one exit-code policy (src/cli/exit.ts, issue 12): bad input is recognised in one place and
 * exits 2 without a stack trace, a crash exits 1 with one; only src/cli touches the process (exit
 * codes, handlers); and a reader that closes stdout early (`corridor-sim validate ... | head`)
 * ends the program quietly instead of with an EPIPE stack trace.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LimitError } from '../../src/corridor/limits.ts';
import { ModelErrors } from '../../src/corridor/model-error.ts';
import { isBadInput, reportError, UsageError } from '../../src/cli/exit.ts';
import { ExperimentError } from '../../src/experiments/experiment-error.ts';
import { OutputPathError } from '../../src/output/output-paths.ts';
import { root } from '../experiments/cli-helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every .ts file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('exit-code policy', () => {
  it('marks model, experiment, usage and output-path errors as bad input, and nothing else', () => {
    expect(isBadInput(new ExperimentError('x'))).toBe(true);
    expect(isBadInput(new UsageError('x'))).toBe(true);
    expect(isBadInput(new OutputPathError('x'))).toBe(true);
    expect(isBadInput(new ModelErrors([]))).toBe(true);
    expect(isBadInput(new RangeError('x'))).toBe(false);
    expect(isBadInput('a string')).toBe(false);
  });

  it('reports bad input as one line (exit 2) and a crash with its stack trace (exit 1)', () => {
    let written = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((written += chunk.toString()), true));
    expect(reportError(new OutputPathError('option --out: results: exists and is not a folder'))).toBe(2);
    expect(written).toBe('corridor-sim: option --out: results: exists and is not a folder\n');
    written = '';
    expect(reportError(new RangeError('bug'))).toBe(1);
    expect(written).toMatch(/^corridor-sim: run failed: RangeError: bug\n\s+at /);
    // A replication stopped at a runtime limit is a failed run, explained by its message alone.
    written = '';
    expect(reportError(new LimitError('maxEventsPerReplication', 100, 5))).toBe(1);
    expect(written).toMatch(/^corridor-sim: run failed: Replication stopped at limit maxEventsPerReplication = 100: .*limits: \{ maxEventsPerReplication: 1000 \}\n$/);
  });

  it('leaves the process to src/cli: no exit, exit code or process-wide handler in src/experiments', () => {
    const offenders = sources(path.join(root, 'src', 'experiments')).filter((file) =>
      /process\.(exit|exitCode|on|once|off|addListener)\b/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('ends quietly with exit 0 when stdout is closed early (validate | head)', async () => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'corridor-sim.mjs'), 'validate', 'tests/corridor/fixtures/small-corridor.yaml'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader is gone before anything is written: every write gets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
