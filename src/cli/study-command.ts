/**
 * `corridor-sim study <name>`: run a study of the registry (src/studies/registry.ts): its
 * route-choice equilibria, then its final runs into `<out>/<study>/<run id>/`, whose manifest
 * records the study and its options so `corridor-sim reproduce` re-runs it. The same options,
 * output and exit codes for the wrapper scripts (`npx tsx experiments/tariff-shift.ts`, `npm start`),
 * through `runStudyScript`.
 */
import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { integerOption, parseSeed } from '../experiments/run-options.ts';
import { RUN_ID_PATTERN } from '../experiments/run-dir.ts';
import type { StudyRecord } from '../experiments/outputs.ts';
import type { ExperimentRun } from '../experiments/run-experiment.ts';
import { checkOutputFolder, pathInside } from '../output/output-paths.ts';
import type { StudyContext, StudyDefinition, StudyOptions } from '../studies/study-definition.ts';
import { commanderExitCode, exitQuietlyOnClosedStdout, UsageError, withExitCodes } from './exit.ts';
import { info, isQuiet, note, setHelpHint, setQuiet } from './output.ts';

/** Options as commander hands them over. */
export interface RawStudyOptions {
  readonly quick?: boolean;
  readonly replications?: string;
  readonly equilibriumReplications?: string;
  readonly workers?: string;
  readonly seed?: string;
  readonly out?: string;
  readonly runId?: string;
  readonly progress?: boolean;
  readonly quiet?: boolean;
  readonly testConfig?: boolean;
}

/** Add the study options to `command`. */
export function addStudyOptions(command: Command): Command {
  return command
    .option('--quick', 'the short version (tariff-shift: 3 replications, the equilibrium on 1 seed; npm start)')
    .option('--replications <n>', "replications per scenario of the final runs (default: the study's)")
    .option('--equilibrium-replications <n>', "replications behind each equilibrium evaluation (default: the study's)")
    .option('--workers <n>', 'worker threads (default: one per core); the files do not depend on it')
    .option('--seed <seed>', "master seed of the final runs (default: the study's; the equilibria derive theirs from it)")
    .option('--out <dir>', 'results root: files go to <dir>/<study>/<run id>/ (default: results)')
    .option('--run-id <id>', 'run folder name (default: the UTC start time)')
    .option('--no-progress', 'no progress bar for the final runs')
    // Test-only (README, "The tariff-shift study"): a tiny configuration whose numbers mean nothing.
    .addOption(new Option('--test-config', 'test-only: a tiny configuration').hideHelp());
}

/** The numbers-deciding options, checked. @throws ExperimentError naming the option */
export function parseStudyOptions(raw: RawStudyOptions): StudyOptions {
  const replications = integerOption('replications', raw.replications);
  const equilibriumReplications = integerOption('equilibrium-replications', raw.equilibriumReplications);
  return {
    ...(raw.quick === true ? { quick: true } : {}),
    ...(replications !== undefined ? { replications } : {}),
    ...(equilibriumReplications !== undefined ? { equilibriumReplications } : {}),
    ...(raw.seed !== undefined ? { seed: parseSeed(raw.seed) } : {}),
    ...(raw.testConfig === true ? { testConfig: true } : {}),
  };
}

/**
 * Run `study` with the command line's options; prints its answer (and, unless --quiet, where
 * the files are) and returns the exit code. Bad input throws before the equilibrium starts.
 */
export async function executeStudy(study: StudyDefinition, raw: RawStudyOptions, commandLine: readonly string[]): Promise<number> {
  const options = parseStudyOptions(raw);
  const workers = integerOption('workers', raw.workers);
  const out = raw.out ?? 'results';
  // Before minutes of equilibrium: the output root and an explicit run folder.
  checkOutputFolder(out, 'option --out');
  if (raw.runId !== undefined) {
    if (!RUN_ID_PATTERN.test(raw.runId)) throw new UsageError(`option --run-id: got "${raw.runId}", expected letters, digits and . _ - (first a letter or digit)`);
    // The results folder is the study's name, or its quick or test configuration's.
    for (const folder of [study.name, `${study.name}-quick`, `${study.name}-test`]) {
      const dir = pathInside(out, [folder, raw.runId], 'option --run-id');
      if (existsSync(dir)) throw new UsageError(`option --run-id: ${dir} already exists; choose another id`);
    }
  }
  const { shippedInput } = await import('../studies/study-definition.ts');
  const context: StudyContext = {
    out,
    ...(raw.runId !== undefined ? { runId: raw.runId } : {}),
    ...(workers !== undefined ? { workers } : {}),
    progress: raw.progress !== false && !isQuiet(),
    commandLine,
    log: (line) => note(line),
    resolve: shippedInput,
    // The flagship's report; not for the test configuration, whose numbers mean nothing (and the tests' time).
    writeReport: study.name === 'tariff-shift' && options.testConfig !== true,
  };
  const outcome = await runBadInputAware(() => study.run(options, context));
  for (const line of outcome.answer) process.stdout.write(`${line}\n`);
  for (const line of outcome.notes) info(line);
  return 0;
}

/** A study's trade-file error is bad input too (exit 2), like a model's. */
async function runBadInputAware<T>(action: () => Promise<T>): Promise<T> {
  const { TradeInputError } = await import('../trade/index.ts');
  try {
    return await action();
  } catch (error) {
    if (error instanceof TradeInputError) throw new UsageError(error.message);
    throw error;
  }
}

/** `reproduce`'s way to re-run a study's manifest: the registry's study with the recorded options. */
export async function rerunStudy(
  record: StudyRecord,
  context: { readonly out: string; readonly resolve: (file: string) => string; readonly workers?: number; readonly progress?: boolean; readonly commandLine: readonly string[] },
): Promise<ExperimentRun> {
  const { findStudy } = await import('../studies/registry.ts');
  const { studyOptionsOf } = await import('../studies/study-definition.ts');
  const study = findStudy(record.name);
  if (study === undefined) throw new UsageError(`reproduce: the manifest's study "${record.name}" is not in this version's registry (corridor-sim list shows the studies)`);
  const outcome = await runBadInputAware(() =>
    study.run(studyOptionsOf(record), {
      out: context.out,
      commandLine: context.commandLine,
      log: (line) => note(line),
      resolve: context.resolve,
      progress: context.progress === true,
      ...(context.workers !== undefined ? { workers: context.workers } : {}),
    }));
  return outcome.run;
}

/** Add the `study` subcommand to `program`. */
export function registerStudy(program: Command): void {
  const command = program
    .command('study')
    .description('run a study: route-choice equilibria, then the final runs (corridor-sim list shows the studies)')
    .argument('<name>', 'study name: tariff-shift, sensitivity-tariff or suez-closure');
  addStudyOptions(command)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim study tariff-shift --quick                 # npm start: about 2 min on 2 cores',
        '  corridor-sim study tariff-shift --replications 50 --workers 8 --run-id my-run',
        '  corridor-sim reproduce results/tariff-shift/my-run      # re-runs it, equilibrium included',
        'Exit codes: 0 done (also when an equilibrium did not converge: a WARNING line), 1 replications failed, 2 bad input.',
      ].join('\n'),
    )
    .action((name: string, raw: RawStudyOptions) =>
      withExitCodes(async () => {
        const { STUDIES, findStudy } = await import('../studies/registry.ts');
        const study = findStudy(name);
        if (study === undefined) throw new UsageError(`study: got "${name}", expected one of ${STUDIES.map((s) => s.name).join(', ')}`);
        return executeStudy(study, raw, ['corridor-sim', ...process.argv.slice(2)]);
      }),
    );
}

/**
 * A study's wrapper script run as a program (`npx tsx experiments/<study>.ts [options]`): the
 * options and output of `corridor-sim study <name>`; sets the exit code.
 */
export async function runStudyScript(file: string, study: StudyDefinition): Promise<void> {
  exitQuietlyOnClosedStdout();
  const program = addStudyOptions(new Command(`npx tsx ${file}`))
    .description(`the ${study.name} study (same options as corridor-sim study ${study.name})`)
    .option('--quiet', 'no progress and no informational lines (errors still go to stderr)')
    .exitOverride()
    .showHelpAfterError(`see: npx tsx ${file} --help`)
    .action((raw: RawStudyOptions) =>
      withExitCodes(() => {
        setQuiet(raw.quiet === true);
        setHelpHint(`see: npx tsx ${file} --help`);
        return executeStudy(study, raw, ['npx', 'tsx', file, ...process.argv.slice(2)]);
      }),
    );
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = commanderExitCode(error);
  }
}
