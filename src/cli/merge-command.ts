/**
 * `corridor-sim merge <dirs...>`: combine the shard folders of one run into the files a single
 * run writes (see src/experiments/merge.ts).
 */
import type { Command } from 'commander';
import { runGuarded } from '../experiments/execute-run.ts';
import { mergeRuns } from '../experiments/merge.ts';
import { exitTwoOnUsageError } from '../experiments/run-options.ts';

/** Add the `merge` subcommand to `program`. */
export function registerMerge(program: Command): void {
  exitTwoOnUsageError(program.command('merge'))
    .description('combine the shard folders of a run (corridor-sim run --shard i/n) into the files of a single run')
    .argument('<dirs...>', 'run folders of the shards')
    .option('--out <dir>', 'results root: the merged run goes to <dir>/<experiment>/<run id>/ (default: results)')
    .option('--run-id <id>', 'name of the merged run folder (default: <UTC time>-merged)')
    .addHelpText('after', '\nExample:\n  corridor-sim merge results/caspian-capacity/*-shard*of3\n')
    .action(async (dirs: string[], options: { out?: string; runId?: string }) => {
      process.exitCode = await runGuarded(async () => {
        const merged = mergeRuns({
          dirs,
          ...(options.out !== undefined ? { out: options.out } : {}),
          ...(options.runId !== undefined ? { runId: options.runId } : {}),
          commandLine: ['corridor-sim', ...process.argv.slice(2)],
        });
        const files = merged.manifest.outputs.map((o) => `${o.file} (${o.rows} rows)`).join(', ');
        console.log(`merged ${dirs.length} folders, ${merged.records} replications: wrote ${merged.runDir}: ${files}, manifest.json`);
        return 0;
      });
    });
}
