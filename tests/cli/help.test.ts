/**
 * Help texts: every subcommand's --help ends with at least one example of itself, and --help
 * exits 0. Read in-process from the program (one child process checks the exit code).
 */
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.ts';
import { experimentTitle } from '../../src/cli/list-command.ts';
import { cli } from '../experiments/cli-helpers.ts';

/** The full help text of a subcommand, including what addHelpText adds after it. */
function helpOf(name: string): string {
  const program = buildProgram();
  const command = program.commands.find((c) => c.name() === name);
  if (command === undefined) throw new Error(`no subcommand ${name}`);
  let text = '';
  command.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  command.outputHelp();
  return text;
}

describe('help', () => {
  const names = buildProgram().commands.map((c) => c.name());

  it('has the subcommands of the issue', () => {
    expect(names).toEqual(expect.arrayContaining(['run', 'reproduce', 'merge', 'validate', 'report', 'list', 'simulate', 'trace']));
  });

  it.each(names)('%s --help shows an example of it', (name) => {
    expect(helpOf(name)).toMatch(new RegExp(`Examples?:\\n\\s+corridor-sim ${name}\\b`));
  });

  it('exits 0 for --help', async () => {
    const result = await cli(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('corridor-sim validate models/middle-corridor.yaml');
  });
});

describe('list: what an experiment file is about', () => {
  it('is the first sentence of its doc comment, or else its name', () => {
    expect(experimentTitle('/**\n * Feeder sweep: transit times over a grid. More text.\n *\n * Details.\n */\nconst x = 1;')).toBe('Feeder sweep: transit times over a grid.');
    expect(experimentTitle("import x from 'y';\ndefineExperiment({ name: 'plain' });")).toBe('plain');
  });
});
