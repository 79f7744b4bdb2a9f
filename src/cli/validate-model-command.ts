/**
 * `corridor-sim validate-model`: run the shipped model in the scenarios of a targets file
 * (default models/validation/targets.yaml), compare each published figure with the model's mean
 * and 95% CI, write validation.csv into the run folder (results/validate-model/<run id>/) and
 * print the table. Exit 0 when the table is written (also with figures outside: the table is the
 * answer), 2 for bad input (targets file, option), 1 if replications failed.
 */
import type { Command } from 'commander';
import path from 'node:path';
import { checkOutputFolder } from '../output/output-paths.ts';
import { DEFAULT_TARGETS_FILE, loadTargets, runValidation, validationText } from '../validation/index.ts';
import { UsageError, withExitCodes } from './exit.ts';
import { info, isQuiet } from './output.ts';

/** Options as commander hands them over. */
interface RawOptions {
  readonly targets: string;
  readonly replications: string;
  readonly workers?: string;
  readonly out: string;
  readonly runId?: string;
  readonly warmup: string;
  readonly horizon: string;
  readonly progress?: boolean;
}

function count(name: string, text: string, min: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw new UsageError(`option --${name}: got "${text}", expected an integer >= ${min}`);
  return Number(text);
}

function days(name: string, text: string, min: number): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < min) throw new UsageError(`option --${name}: got "${text}", expected a number of days >= ${min}`);
  return v;
}

/** Add the `validate-model` subcommand to `program`. */
export function registerValidateModel(program: Command): void {
  program
    .command('validate-model')
    .description('run the shipped model and compare it with the published figures of the data sheet: validation.csv and a table')
    .option('--targets <file>', 'targets file', DEFAULT_TARGETS_FILE)
    .option('--replications <n>', 'replications per scenario', '10')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--out <dir>', 'results root: files go to <dir>/validate-model/<run id>/', 'results')
    .option('--run-id <id>', 'name of the run folder (default: the UTC start time)')
    .option('--warmup <days>', 'simulated days discarded before measurement', '60')
    .option('--horizon <days>', 'simulated days measured', '365')
    .option('--no-progress', 'no progress on stderr')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim validate-model',
        '  corridor-sim validate-model --replications 20 --workers 2 --run-id v1',
        '  corridor-sim report results/validate-model/v1      # the report gets a validation section',
        'inside: the 95% CI of the model mean and the published range share a point; outside: they do not.',
        'Exit codes: 0 table written (whatever the verdicts), 1 replications failed, 2 bad input.',
      ].join('\n'),
    )
    .action((raw: RawOptions) =>
      withExitCodes(async () => {
        const options = {
          replications: count('replications', raw.replications, 1),
          ...(raw.workers !== undefined ? { workers: count('workers', raw.workers, 1) } : {}),
          warmupDays: days('warmup', raw.warmup, 0),
          horizonDays: days('horizon', raw.horizon, Number.MIN_VALUE),
          out: raw.out,
          ...(raw.runId !== undefined ? { runId: raw.runId } : {}),
          progress: raw.progress !== false && !isQuiet(),
          commandLine: ['corridor-sim', ...process.argv.slice(2)],
        };
        // Before the targets' scenarios are loaded and run.
        checkOutputFolder(path.join(options.out, 'validate-model'), 'option --out');
        const targets = loadTargets(raw.targets);
        const result = await runValidation(targets, options);
        console.log(`${targets.title}: ${result.rows.length} figures, ${options.replications} replications per scenario (${targets.scenarios.map((s) => s.id).join(', ')})`);
        console.log('');
        console.log(validationText(result.rows));
        console.log('');
        info(`wrote ${result.runDir ?? ''}/validation.csv (and the run's usual files); report: corridor-sim report ${result.runDir ?? ''}`);
      }),
    );
}
