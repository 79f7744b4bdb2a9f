/**
 * Helpers for tests that run the real CLI as a child process: `node bin/corridor-sim.mjs ...`
 * (one process, so a SIGKILL really kills the run; tsx's own CLI would leave a child behind).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The project root (tests run the CLI from there, as a researcher would). */
export const root = path.resolve(import.meta.dirname, '..', '..');

/** The tiny experiment fixture, relative to the root. */
export const TINY = 'tests/experiments/fixtures/tiny.ts';

/** What a finished CLI process reported. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Start the CLI (or, with `script`, another entry point); `done` resolves when it exits. */
export function startCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  script = path.join(root, 'bin', 'corridor-sim.mjs'),
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Run the CLI to completion. */
export function cli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

/** `npx tsx <args>`: run an experiment file directly. */
export function tsx(args: readonly string[]): Promise<CliResult> {
  return startCli(args, {}, path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')).done;
}

/** A new temporary folder for one test's results. */
export function tempRoot(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-test-'));
}

/** Complete lines in a run's journal (0 if it does not exist yet). */
export function journalLines(runDir: string): number {
  const file = path.join(runDir, 'journal.ndjson');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0;
}

/** Wait until `condition` holds (polling every 10 ms), or fail after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The output CSV files of a run folder, by name (pairs.csv and best.csv only where written: >= 3 scenarios). */
export function outputs(runDir: string): Record<string, string> {
  const files = ['replications.csv', 'summary.csv', 'comparison.csv', 'series.csv', 'pairs.csv', 'best.csv'];
  const optional = new Set(['pairs.csv', 'best.csv']);
  return Object.fromEntries(files.filter((f) => !optional.has(f) || existsSync(path.join(runDir, f))).map((f) => [f, readFileSync(path.join(runDir, f), 'utf8')]));
}
