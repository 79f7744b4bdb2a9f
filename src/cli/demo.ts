/**
 * `npm start` until the corridor model lands: the M/M/3 queue on the engine, next to its
 * Erlang C values, so a fresh checkout shows the engine working end to end in a second.
 */
import { runMmcProcesses } from '../examples/mmc-processes.ts';

const lambda = 2.7;
const mu = 1;
const servers = 3;
const result = runMmcProcesses({ lambda, mu, servers, departures: 200_000, seed: 2025 });
const rows: Array<[string, number, number]> = [
  ['mean wait in queue Wq (h)', result.meanWait, 2.7235],
  ['mean time in system W (h)', result.meanSojourn, 3.7235],
  ['mean number waiting Lq', result.meanQueueLength, 7.3535],
  ['server utilization', result.utilization, 0.9],
];
console.log(`M/M/${servers} queue, lambda = ${lambda}/h, mu = ${mu}/h, ${result.recorded} customers after warm-up, seed 2025\n`);
console.log(`${'statistic'.padEnd(28)}${'simulated'.padStart(12)}${'Erlang C'.padStart(12)}`);
for (const [label, simulated, analytic] of rows) {
  console.log(`${label.padEnd(28)}${simulated.toFixed(4).padStart(12)}${analytic.toFixed(4).padStart(12)}`);
}
