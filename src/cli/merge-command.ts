/**
 * `corridor-sim merge <dirs...>`: combine the shard folders of one run into the files a single
 * run writes (see src/experiments/merge.ts).
 */
import type { Command } from 'commander';
import { mergeRuns } from '../experiments/merge.ts';
import { DEFAULT_MAX_REPLICATIONS } from '../experiments/replication-limit.ts';
import { integerOption } from '../experiments/run-options.ts';
import { withExitCodes } from './exit.ts';
import { info } from './output.ts';

/** Add the `merge` subcommand to `program`. */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shard folders of a run (corridor-sim run --shard i/n) into the files of a single run')
    .argument('<dirs...>', 'run folders of the shards')
    .option('--out <dir>', 'results root: the merged run goes to <dir>/<experiment>/<run id>/ (default: results)')
    .option('--run-id <id>', 'name of the merged run folder (default: <UTC time>-merged)')
    .option('--max-replications <n>', `refuse a run of more than n replications in all (default ${DEFAULT_MAX_REPLICATIONS})`)
    .addHelpText('after', '\nExample:\n  corridor-sim merge results/caspian-capacity/*-shard*of3\n')
    .action((dirs: string[], options: { out?: string; runId?: string; maxReplications?: string }) =>
      withExitCodes(() => {
        const maxReplications = integerOption('max-replications', options.maxReplications);
        const merged = mergeRuns({
          ...(maxReplications !== undefined ? { maxReplications } : {}),
          dirs,
          ...(options.out !== undefined ? { out: options.out } : {}),
          ...(options.runId !== undefined ? { runId: options.runId } : {}),
          commandLine: ['corridor-sim', ...process.argv.slice(2)],
        });
        const files = merged.manifest.outputs.map((o) => `${o.file} (${o.rows} rows)`).join(', ');
        info(`merged ${dirs.length} folders, ${merged.records} replications: wrote ${merged.runDir}: ${files}, manifest.json`);
      }),
    );
}
