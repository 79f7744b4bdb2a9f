/**
 * `corridor-sim reproduce <run dir>`: re-run a finished run (or study) and report, file by file,
 * whether the outputs are byte-identical. Exit 0 if all are, 1 if any differs.
 */
import type { Command } from 'commander';
import { DEFAULT_MAX_REPLICATIONS } from '../experiments/replication-limit.ts';
import { reproduceRun } from '../experiments/reproduce.ts';
import { integerOption } from '../experiments/run-options.ts';
import { withExitCodes } from './exit.ts';
import { interruptExitCode, listenForInterrupts } from './interrupt.ts';
import { info, isQuiet } from './output.ts';
import { rerunStudy } from './study-command.ts';

/** Add the `reproduce` subcommand to `program`. */
export function registerReproduce(program: Command): void {
  program
    .command('reproduce')
    .description('re-run a run from its manifest and check that every output file is byte-identical')
    .argument('<run>', 'run folder (or its manifest.json), e.g. results/caspian-capacity/20261122T134500Z')
    .option('--workers <n>', 'worker threads (default: one per core); the outputs do not depend on it')
    .option('--out <dir>', 'keep the new run under this results root (default: a temporary folder, deleted)')
    .option('--max-replications <n>', `refuse a run of more than n replications in all (default ${DEFAULT_MAX_REPLICATIONS})`)
    .option('--no-progress', 'no progress on stderr')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim reproduce results/caspian-capacity/20261122T134500Z --workers 4',
        '  corridor-sim reproduce results/tariff-shift-quick/<run id>     # a study: equilibrium included',
        'A run folder with inputs/ re-runs the experiment its manifest records on those copies, from any folder.',
        'Exit codes: 0 every output byte-identical, 1 some output differs or the run failed, 2 bad input, 130/143 interrupted.',
        '',
      ].join('\n'),
    )
    .action((manifestFile: string, raw: { workers?: string; out?: string; maxReplications?: string; progress?: boolean }) =>
      withExitCodes(async () => {
        const workers = integerOption('workers', raw.workers);
        const maxReplications = integerOption('max-replications', raw.maxReplications);
        const interruption = listenForInterrupts();
        let result;
        try {
          result = await reproduceRun({
            manifestFile,
            ...(workers !== undefined ? { workers } : {}),
            ...(maxReplications !== undefined ? { maxReplications } : {}),
            ...(raw.out !== undefined ? { out: raw.out } : {}),
            progress: raw.progress !== false && !isQuiet(),
            commandLine: ['corridor-sim', ...process.argv.slice(2)],
            signal: interruption.signal,
            rerunStudy,
          });
        } finally {
          interruption.dispose();
        }
        const signal = interruption.received();
        if (signal !== null) {
          process.stderr.write(`interrupted by ${signal}: nothing compared${result.runDir !== null ? `; the partial run is in ${result.runDir}` : ''}\n`);
          return interruptExitCode(signal);
        }
        for (const note of result.notes) console.log(`note: ${note}`);
        const width = Math.max(...result.verdicts.map((v) => v.file.length));
        for (const v of result.verdicts) console.log(`${v.file.padEnd(width)}  ${v.detail}`);
        if (result.runDir !== null) info(`new outputs kept in ${result.runDir}`);
        console.log(result.identical ? 'reproduced: every output is byte-identical' : 'NOT reproduced: see above');
        return result.identical ? 0 : 1;
      }),
    );
}
