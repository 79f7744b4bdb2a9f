/**
 * `corridor-sim run <experiment.ts>`: run an experiment file (scenarios x replications over
 * worker threads) into results/<experiment>/<run id>/. Same options as `npx tsx <file>`.
 */
import type { Command } from 'commander';
import { loadExperimentFile } from '../experiments/load-experiment-file.ts';
import { addRunOptions, parseRunOptions, type RawRunOptions } from '../experiments/run-options.ts';
import { executeRun } from './execute-run.ts';
import { withExitCodes } from './exit.ts';

/** Add the `run` subcommand to `program`. */
export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .description('run an experiment file: every scenario x replication on worker threads, results as CSV')
    .argument('<experiment>', 'experiment file, e.g. experiments/caspian-capacity.ts');
  addRunOptions(command)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim run experiments/caspian-capacity.ts --replications 20 --workers 4',
        '  corridor-sim run experiments/caspian-capacity.ts --resume results/caspian-capacity/20261122T134500Z',
        '  corridor-sim run experiments/caspian-capacity.ts --shard 2/3   # then: corridor-sim merge <3 folders>',
        'Exit codes: 0 done, 1 some replications failed (the rest are journaled), 2 bad input, 130/143 interrupted (SIGINT/SIGTERM; resume it).',
      ].join('\n'),
    )
    .action((file: string, raw: RawRunOptions) =>
      withExitCodes(async () => {
        const options = parseRunOptions(raw);
        const experiment = await loadExperimentFile(file);
        return executeRun({ experiment, experimentFile: file, options, commandLine: ['corridor-sim', ...process.argv.slice(2)], invocation: `corridor-sim run ${file}` });
      }),
    );
}
