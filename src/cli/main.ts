#!/usr/bin/env node
/**
 * The `corridor-sim` command (`npx corridor-sim`, via bin/corridor-sim.mjs). The subcommands and
 * the exit-code rule are in program.ts; this file only runs them.
 */
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv);
