/**
 * `corridor-sim validate <model> [--overlay f...]`: check a model file (with overlays) without
 * running it, and print a summary of its network. Exit 0 if valid; 2 with every problem found,
 * each naming file, line, field, value and what was expected.
 */
import type { Command } from 'commander';
import { loadScenarioModel } from '../corridor/load-scenario.ts';
import { formatModelSummary } from '../report/model-summary.ts';
import { withExitCodes } from './exit.ts';

/** Add the `validate` subcommand to `program`. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a model file (and overlays) and print a summary of its network')
    .argument('<model>', 'model or overlay file, e.g. models/middle-corridor.yaml')
    .option('--overlay <file...>', 'overlay files applied in order, as in simulate')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim validate models/middle-corridor.yaml',
        '  corridor-sim validate models/middle-corridor.yaml --overlay models/overlays/baku-phase-2.yaml',
        'Exit codes: 0 valid, 2 invalid (every problem is listed).',
        '',
      ].join('\n'),
    )
    .action((modelFile: string, options: { overlay?: string[] }) =>
      withExitCodes(() => {
        const model = loadScenarioModel({ model: modelFile, overlays: options.overlay ?? [], label: 'validate' });
        const files = [modelFile, ...(options.overlay ?? [])].join(' + ');
        console.log(`valid: ${files}\n`);
        console.log(formatModelSummary(model));
      }),
    );
}
