/**
 * `corridor-sim report <run dir>`: write report.html (self-contained, opens offline) and
 * report/<chart>.svg for a finished run. Exit 0 written, 2 not a complete run or a bad option,
 * 1 if rendering failed.
 */
import type { Command } from 'commander';
import { UsageError, withExitCodes } from './exit.ts';
import { info } from './output.ts';

/** Add the `report` subcommand to `program`. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write report.html (charts and the scenario comparison) and the charts as SVG for a finished run')
    .argument('<run-dir>', 'run folder, e.g. results/caspian-capacity/20261122T134500Z')
    .option('--stages <ids>', 'comma-separated stage ids for the queue chart (default: the 4 worst bottlenecks)')
    .option('--out <dir>', 'write report.html and report/ here (default: the run folder)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim report results/caspian-capacity/20261122T134500Z',
        '  corridor-sim report results/caspian-capacity/20261122T134500Z --stages caspian-feeder-aktau-alat,khorgos',
        'Exit codes: 0 written, 1 rendering failed, 2 not a complete run folder or a bad option.',
        '',
      ].join('\n'),
    )
    .action((runDir: string, options: { stages?: string; out?: string }) =>
      withExitCodes(async () => {
        const stages = options.stages?.split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (stages !== undefined && stages.length === 0) throw new UsageError('option --stages: expected comma-separated stage ids');
        // Loaded here, not at start-up: Vega takes most of a second to load, which every other
        // subcommand (and --help) would otherwise pay.
        const { ReportError, writeReport } = await import('../report/index.ts');
        try {
          const written = await writeReport(runDir, {
            ...(stages !== undefined ? { stages } : {}),
            ...(options.out !== undefined ? { out: options.out } : {}),
            onWarning: (message) => process.stderr.write(`corridor-sim: chart warning: ${message}\n`),
          });
          info(`wrote ${written.html}`);
          info(`charts: ${written.svgs.join(', ')}`);
        } catch (error) {
          // The report's own bad-input error becomes the CLI's, so it exits 2 without a stack trace.
          if (error instanceof ReportError) throw new UsageError(error.message);
          throw error;
        }
      }),
    );
}
