/**
 * `corridor-sim reproduce <run>/manifest.json`: re-run a finished run and report, file by file,
 * whether the outputs are byte-identical. Exit 0 if all are, 1 if any differs.
 */
import type { Command } from 'commander';
import { runGuarded } from '../experiments/execute-run.ts';
import { reproduceRun } from '../experiments/reproduce.ts';
import { exitTwoOnUsageError, parseRunOptions } from '../experiments/run-options.ts';

/** Add the `reproduce` subcommand to `program`. */
export function registerReproduce(program: Command): void {
  exitTwoOnUsageError(program.command('reproduce'))
    .description('re-run a run from its manifest and check that every output file is byte-identical')
    .argument('<manifest>', 'manifest.json of a run, e.g. results/caspian-capacity/20261122T134500Z/manifest.json')
    .option('--workers <n>', 'worker threads (default: one per core); the outputs do not depend on it')
    .option('--out <dir>', 'keep the new run under this results root (default: a temporary folder, deleted)')
    .option('--no-progress', 'no progress on stderr')
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  corridor-sim reproduce results/caspian-capacity/20261122T134500Z/manifest.json --workers 4',
        'Exit codes: 0 every output byte-identical, 1 some output differs or the run failed, 2 bad input.',
        '',
      ].join('\n'),
    )
    .action(async (manifestFile: string, raw: { workers?: string; out?: string; progress?: boolean }) => {
      process.exitCode = await runGuarded(async () => {
        const parsed = parseRunOptions({ ...(raw.workers !== undefined ? { workers: raw.workers } : {}) });
        const result = await reproduceRun({
          manifestFile,
          ...(parsed.workers !== undefined ? { workers: parsed.workers } : {}),
          ...(raw.out !== undefined ? { out: raw.out } : {}),
          progress: raw.progress !== false,
          commandLine: ['corridor-sim', ...process.argv.slice(2)],
        });
        for (const note of result.notes) console.log(`note: ${note}`);
        const width = Math.max(...result.verdicts.map((v) => v.file.length));
        for (const v of result.verdicts) console.log(`${v.file.padEnd(width)}  ${v.detail}`);
        if (result.runDir !== null) console.log(`new outputs kept in ${result.runDir}`);
        console.log(result.identical ? 'reproduced: every output is byte-identical' : 'NOT reproduced: see above');
        return result.identical ? 0 : 1;
      });
    });
}
