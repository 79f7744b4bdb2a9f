/**
 * `corridor-sim run <experiment.ts>`: run an experiment file (scenarios x replications over
 * worker threads) into results/<experiment>/<run id>/. Same options as `npx tsx <file>`.
 */
import type { Command } from 'commander';
import { loadExperimentFile } from '../experiments/load-experiment-file.ts';
import { addRunOptions, parseRunOptions, type RawRunOptions } from '../experiments/run-options.ts';
import { executeRun } from './execute-run.ts';
import path from 'node:path';
import { projectRoot } from '../build/bundle.ts';
import { shellQuote } from '../experiments/slurm-job-folder.ts';
import { UsageError, withExitCodes } from './exit.ts';
import { isQuiet } from './output.ts';
import { addRunExtras, applyRunExtras, extrasArguments, parseRunExtras, type RawRunExtras } from './run-extras.ts';

/** Add the `run` subcommand to `program`. */
export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .description('run an experiment file: every scenario x replication on worker threads, results as CSV')
    .argument('<experiment>', 'experiment file, e.g. experiments/caspian-capacity.ts');
  addRunExtras(addRunOptions(command))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim run experiments/caspian-capacity.ts --replications 20 --workers 4',
        '  corridor-sim run experiments/caspian-capacity.ts --resume results/caspian-capacity/20261122T134500Z',
        '  corridor-sim run experiments/caspian-capacity.ts --shard 2/3   # then: corridor-sim merge <3 folders>',
        '  corridor-sim run experiments/caspian-capacity.ts --scenarios baseline,both --set legs.caspian-feeder-aktau-alat.fleet.vessels=9 --horizon-days 120 --dry-run',
        '  corridor-sim run experiments/caspian-capacity.ts --json --quiet > run.json',
        'Studies (route-choice equilibria first) are not experiment files: corridor-sim study <name> (see corridor-sim list).',
        'Exit codes: 0 done, 1 some replications failed (the rest are journaled), 2 bad input, 130/143 interrupted (SIGINT/SIGTERM; resume it).',
      ].join('\n'),
    )
    .action((file: string, raw: RawRunOptions & RawRunExtras) =>
      withExitCodes(async () => {
        const options = parseRunOptions({ ...raw, ...(isQuiet() ? { progress: false } : {}) });
        const extras = parseRunExtras(raw);
        await refuseStudyScript(file);
        const experiment = applyRunExtras(await loadExperimentFile(file), extras);
        const invocation = ['corridor-sim', 'run', file, ...extrasArguments(raw)].map(shellQuote).join(' ');
        return executeRun({ experiment, experimentFile: file, options, commandLine: ['corridor-sim', ...process.argv.slice(2)], invocation, extras });
      }),
    );
}

/**
 * A study's wrapper script (experiments/tariff-shift.ts ...) is not an experiment file: say which
 * command runs it instead of failing to find an experiment in it.
 */
async function refuseStudyScript(file: string): Promise<void> {
  const { STUDIES } = await import('../studies/registry.ts');
  const absolute = path.resolve(file);
  const study = STUDIES.find((s) => path.resolve(projectRoot, s.script) === absolute);
  if (study !== undefined) throw new UsageError(`${file} is a study (route-choice equilibria before its runs), not an experiment file; run it with: corridor-sim study ${study.name}`);
}
