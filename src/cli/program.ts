/**
 * The `corridor-sim` command line: every subcommand registered on one commander program, the
 * version, and the exit-code policy of exit.ts: 0 success (help and --version too), 1 a run
 * failed, 2 bad input, including commander's own usage errors (unknown option, missing argument,
 * no subcommand), which commander would otherwise exit with 1; 130/143 interrupted.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../build/bundle.ts';
import { commanderExitCode, exitQuietlyOnClosedStdout, reportError } from './exit.ts';
import { registerCompare } from './compare-command.ts';
import { registerExec } from './exec-command.ts';
import { registerList } from './list-command.ts';
import { registerMerge } from './merge-command.ts';
import { registerReport } from './report-command.ts';
import { registerReproduce } from './reproduce-command.ts';
import { registerRun } from './run-command.ts';
import { setHelpHint, setQuiet } from './output.ts';
import { registerSimulate } from './simulate-command.ts';
import { registerSlurm } from './slurm-command.ts';
import { registerStudy } from './study-command.ts';
import { registerTrace } from './trace-command.ts';
import { registerValidate } from './validate-command.ts';
import { registerValidateModel } from './validate-model-command.ts';

/** package.json's version, e.g. `0.1.0`. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** The program with every subcommand. Commander errors are thrown (see `runCli`), not exited on. */
export function buildProgram(): Command {
  const program = new Command('corridor-sim')
    .description('Discrete-event simulation of freight corridors: the Middle Corridor and its competitors')
    .version(packageVersion(), '-V, --version', 'print the version')
    // Set before the subcommands are added, which inherit it.
    .exitOverride()
    // A usage error is one line and where to read more, not the whole help (set per subcommand below).
    .showHelpAfterError('see: corridor-sim --help')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim list',
        '  corridor-sim validate models/middle-corridor.yaml',
        '  corridor-sim run experiments/caspian-capacity.ts --replications 20',
        '  corridor-sim report results/caspian-capacity/<run id>',
        '  corridor-sim study tariff-shift --quick',
        '  corridor-sim compare results/caspian-capacity/<run id>',
        'Exit codes: 0 success, 1 a run failed, 2 bad input, 130/143 interrupted (SIGINT/SIGTERM). corridor-sim <command> --help for more.',
        '',
      ].join('\n'),
    );
  registerSimulate(program);
  registerValidate(program);
  registerRun(program);
  registerReport(program);
  registerMerge(program);
  registerReproduce(program);
  registerTrace(program);
  registerSlurm(program);
  registerList(program);
  registerValidateModel(program);
  registerStudy(program);
  registerCompare(program);
  registerExec(program);
  for (const command of program.commands) {
    command.option('--quiet', 'no progress and no informational lines (errors still go to stderr)');
    command.showHelpAfterError(`see: corridor-sim ${command.name()} --help`);
  }
  // Before every action: its --quiet, and where its bad option values point.
  program.hook('preAction', (_program, action) => {
    setQuiet(action.opts<{ quiet?: boolean }>().quiet === true);
    setHelpHint(`see: corridor-sim ${action.name()} --help`);
  });
  return program;
}

/** Parse `argv` (as process.argv) and run; returns the exit code, which actions set (see exit.ts). */
export async function runCli(argv: readonly string[]): Promise<number> {
  exitQuietlyOnClosedStdout();
  setQuiet(false);
  setHelpHint(null);
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    return reportError(error);
  }
}
