/**
 * `corridor-sim trace <experiment.ts> --scenario S --replication R`: re-run one replication alone
 * from its seed, with its journey log and event trace, and print its summary.
 */
import type { Command } from 'commander';
import { loadExperimentFile } from '../experiments/load-experiment-file.ts';
import { parseSeed } from '../experiments/run-options.ts';
import { traceReplication } from '../experiments/trace.ts';
import { formatReplicationSummary } from '../output/replication-summary.ts';
import { UsageError, withExitCodes } from './exit.ts';

interface TraceFlags {
  scenario: string;
  replication: string;
  seed?: string;
  journeyLog?: string;
  events?: string;
}

/** Add the `trace` subcommand to `program`. */
export function registerTrace(program: Command): void {
  program
    .command('trace')
    .description('re-run one replication of an experiment alone, from its seed, with a journey log and an event trace')
    .argument('<experiment>', 'experiment file, e.g. experiments/caspian-capacity.ts')
    .requiredOption('--scenario <id>', 'scenario id')
    .requiredOption('--replication <index>', 'replication index, 0-based (as in replications.csv)')
    .option('--seed <seed>', "master seed, if the run used --seed (default: the experiment's)")
    .option('--journey-log <file>', 'write one CSV row per container per stage')
    .option('--events <file>', 'write one line per engine event (time, what fired)')
    .addHelpText('after', '\nExample:\n  corridor-sim trace experiments/caspian-capacity.ts --scenario baku-phase-2 --replication 3 --events trace.txt\n')
    .action((file: string, flags: TraceFlags) =>
      withExitCodes(async () => {
        if (!/^\d+$/.test(flags.replication)) throw new UsageError(`option --replication: got "${flags.replication}", expected an integer >= 0`);
        const experiment = await loadExperimentFile(file);
        const started = Date.now();
        const traced = await traceReplication({
          experiment,
          scenario: flags.scenario,
          replication: Number(flags.replication),
          ...(flags.seed !== undefined ? { seed: parseSeed(flags.seed) } : {}),
          ...(flags.journeyLog !== undefined ? { journeyLog: flags.journeyLog } : {}),
          ...(flags.events !== undefined ? { events: flags.events } : {}),
        });
        console.log(`Scenario ${flags.scenario}, replication ${flags.replication}, seed ${traced.seed}`);
        console.log(formatReplicationSummary(traced.result));
        if (flags.journeyLog !== undefined) console.log(`\njourney log: ${flags.journeyLog}`);
        if (flags.events !== undefined) console.log(`event trace: ${flags.events} (${traced.events.toLocaleString('en-US')} events)`);
        console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }),
    );
}
