#!/usr/bin/env node
/**
 * The `corridor-sim` command. Each subcommand lives in its own module under src/cli/; this file
 * only wires them to commander. Exit codes: 0 success, 1 a run failed, 2 bad input.
 */
import { Command } from 'commander';
import { registerMerge } from './merge-command.ts';
import { registerReproduce } from './reproduce-command.ts';
import { registerRun } from './run-command.ts';
import { registerSimulate } from './simulate-command.ts';
import { registerTrace } from './trace-command.ts';

const program = new Command('corridor-sim')
  .description('Discrete-event simulation of freight corridors: the Middle Corridor and its competitors')
  .showHelpAfterError();
registerSimulate(program);
registerRun(program);
registerMerge(program);
registerReproduce(program);
registerTrace(program);
await program.parseAsync(process.argv);
