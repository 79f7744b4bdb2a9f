/**
 * `corridor-sim simulate <model>`: one replication of a model (with overlays), printed as a
 * readable summary, optionally with the journey log. The quickest way to look at a model.
 */
import { MAX_HOURS } from '../corridor/units.ts';
import type { Command } from 'commander';
import { loadScenarioModel } from '../corridor/load-scenario.ts';
import { runReplication } from '../corridor/runtime/run-replication.ts';
import { JourneyLogWriter } from '../output/journey-log.ts';
import { checkOutputFile } from '../output/output-paths.ts';
import { formatReplicationSummary } from '../output/replication-summary.ts';
import { UsageError, withExitCodes } from './exit.ts';

/** Parse a non-negative number option, naming it in the error. */
export function numberOption(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new UsageError(`option --${name}: got "${text}", expected a number >= 0`);
  return value;
}

/** Add the `simulate` subcommand to `program`. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('run one replication of a model and print a summary')
    .argument('<model>', 'model file, e.g. models/middle-corridor.yaml')
    .option('--overlay <file...>', 'overlay files applied in order')
    .option('--seed <seed>', 'master seed', '2025')
    .option('--days <days>', 'measured days after warm-up', '365')
    .option('--warmup-days <days>', 'warm-up days, discarded', '60')
    .option('--journey-log <file>', 'write one CSV row per container per stage')
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  corridor-sim simulate models/middle-corridor.yaml --overlay models/overlays/baku-phase-2.yaml --seed 7',
        'Exit codes: 0 done, 1 the replication failed, 2 bad input (model, overlay, option or output path); SIGINT/SIGTERM end it at once.',
        '',
      ].join('\n'),
    )
    .action((modelFile: string, options: { overlay?: string[]; seed: string; days: string; warmupDays: string; journeyLog?: string }) =>
      withExitCodes(async () => {
        const horizonHours = numberOption('days', options.days) * 24;
        const warmupHours = numberOption('warmup-days', options.warmupDays) * 24;
        if (horizonHours === 0) throw new UsageError('option --days: got "0", expected a number > 0');
        // The runtime refuses runs beyond 100 years; say so as a usage error, before loading anything.
        if (horizonHours + warmupHours > MAX_HOURS) throw new UsageError(`options --warmup-days + --days: got ${(horizonHours + warmupHours) / 24} days, expected at most ${MAX_HOURS / 24} (100 years)`);
        if (options.seed.trim() === '') throw new UsageError(`option --seed: got "${options.seed}", expected an integer or a word`);
        // Before the model loads: a bad path is a usage error in the CLI's words, not a failed open after the load.
        if (options.journeyLog !== undefined) checkOutputFile(options.journeyLog, 'option --journey-log');
        const model = loadScenarioModel({ model: modelFile, overlays: options.overlay ?? [], label: 'simulate' });
        const log = options.journeyLog !== undefined ? new JourneyLogWriter(options.journeyLog) : undefined;
        const started = Date.now();
        const result = runReplication(model, {
          seed: options.seed,
          warmupHours,
          horizonHours,
          ...(log !== undefined ? { journeyLog: (row) => log.write(row) } : {}),
        });
        log?.close();
        console.log(formatReplicationSummary(result));
        console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }),
    );
}
