/**
 * Running the CLI inside the test process (`runCli`, as bin/corridor-sim.mjs does), for checks of
 * exit codes and messages that need no worker threads or signals: a child process costs a second
 * or more of start-up each on a busy machine, this a few milliseconds. Calls must not overlap
 * (stdout, stderr and the exit code are the process's), so run them one after another.
 */
import { runCli } from '../../src/cli/program.ts';

/** What one call printed and returned. */
export interface InProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `corridor-sim <args>` in this process. */
export async function cliInProcess(args: readonly string[]): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)) as typeof process.stderr.write;
  try {
    const code = await runCli(['node', 'corridor-sim', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = undefined;
  }
}
