/**
 * The corridor's headline figures for a model (and overlays), over a few seeded replications:
 * transit p10/p50/p90 per route (days), the winter peak queue at each Caspian stage and how long
 * it takes to clear, and the busiest border yard's utilization. Used to compare the model before
 * and after a change of mechanism (closing notes, models/README.md).
 *
 *   npx tsx scripts/corridor-figures.ts [--overlay FILE]... [--replications 5] [--seed 1]
 *
 * Definitions (stated so that figures compare across versions):
 * - run: 60 days of warm-up, then 365 measured days, as the tariff-shift study;
 * - winter peak queue: the largest daily mean number of FEU waiting at the stage between
 *   1 October and 31 March; recovery: days from that peak until the daily mean first falls
 *   below 10% of the peak (NaN if it never does within the run);
 * - every figure is the mean over replications (p10/p50/p90 of each replication's transit times),
 *   except recovery: the median over the replications that recovered, and how many did not.
 */
import { loadScenarioModel } from '../src/corridor/load-scenario.ts';
import { runReplication } from '../src/corridor/runtime/run-replication.ts';
import type { ReplicationResult, StageResult } from '../src/corridor/runtime/result.ts';

const WARMUP_DAYS = 60;
const HORIZON_DAYS = 365;

function parseArgs(argv: readonly string[]): { overlays: string[]; replications: number; seed: number; model: string } {
  const overlays: string[] = [];
  let replications = 5;
  let seed = 1;
  let model = 'models/middle-corridor.yaml';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--overlay' && value !== undefined) overlays.push(value);
    else if (arg === '--replications' && value !== undefined) replications = Number(value);
    else if (arg === '--seed' && value !== undefined) seed = Number(value);
    else if (arg === '--model' && value !== undefined) model = value;
    else throw new Error(`unknown or incomplete argument "${arg}"`);
    i++;
  }
  return { overlays, replications, seed, model };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Day index (0 = first measured day) of each calendar day, as month numbers 0-11. */
function measuredMonths(startDate: string): number[] {
  const start = Date.parse(`${startDate}T00:00:00Z`) + WARMUP_DAYS * 86_400_000;
  return Array.from({ length: HORIZON_DAYS }, (_, d) => new Date(start + d * 86_400_000).getUTCMonth());
}

function winterPeak(stage: StageResult, months: readonly number[]): { peak: number; recoveryDays: number } {
  let peak = 0;
  let at = -1;
  stage.dailyQueue.forEach((q, d) => {
    const m = months[d] ?? 0;
    if ((m >= 9 || m <= 2) && q > peak) {
      peak = q;
      at = d;
    }
  });
  if (at < 0) return { peak: 0, recoveryDays: 0 };
  for (let d = at + 1; d < stage.dailyQueue.length; d++) if ((stage.dailyQueue[d] ?? 0) < 0.1 * peak) return { peak, recoveryDays: d - at };
  return { peak, recoveryDays: Number.NaN };
}

const args = parseArgs(process.argv.slice(2));
const model = loadScenarioModel({ model: args.model, overlays: args.overlays, label: 'figures' });
const months = measuredMonths(model.startDate);
const results: ReplicationResult[] = [];
for (let r = 0; r < args.replications; r++) {
  results.push(runReplication(model, { seed: args.seed + r, warmupHours: WARMUP_DAYS * 24, horizonHours: HORIZON_DAYS * 24 }));
}
const first = results[0] as ReplicationResult;
const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
console.log(`${model.id} ${args.overlays.join(' ')}: ${args.replications} replications, seeds ${args.seed}..${args.seed + args.replications - 1}`);
console.log(`events per replication ${fmt(mean(results.map((r) => r.events)), 0)}`);
console.log('\nroute | FEU/wk | p10 d | p50 d | p90 d');
first.routes.forEach((route, i) => {
  const of = (pick: (r: ReplicationResult) => number): number => mean(results.map(pick));
  const at = (r: ReplicationResult): ReplicationResult['routes'][number] => r.routes[i] as ReplicationResult['routes'][number];
  console.log(`${route.id} | ${fmt(of((r) => at(r).feuPerWeek))} | ${fmt(of((r) => at(r).transit.p10 / 24))} | ${fmt(of((r) => at(r).transit.p50 / 24))} | ${fmt(of((r) => at(r).transit.p90 / 24))}`);
});
console.log('\nstage | kind | util | mean wait h | winter peak queue FEU | recovery d (median)');
first.stages.forEach((stage, i) => {
  const all = results.map((r) => r.stages[i] as StageResult);
  const peaks = all.map((s) => winterPeak(s, months));
  const interesting = stage.kind === 'ferry' || stage.kind === 'yard' || ['aktau', 'kuryk', 'alat'].includes(stage.id);
  if (!interesting) return;
  const recovered = peaks.map((p) => p.recoveryDays).filter((d) => Number.isFinite(d)).sort((a, b) => a - b);
  const median = recovered.length === 0 ? Number.NaN : ((recovered[Math.floor((recovered.length - 1) / 2)] as number) + (recovered[Math.ceil((recovered.length - 1) / 2)] as number)) / 2;
  const missing = peaks.length - recovered.length;
  console.log(
    `${stage.id} | ${stage.kind} | ${fmt(mean(all.map((s) => s.utilization)), 3)} | ${fmt(mean(all.map((s) => s.meanWaitHours)))} | ${fmt(mean(peaks.map((p) => p.peak)))} | ${fmt(median)}${missing > 0 ? ` (${missing} of ${peaks.length} not by the end)` : ''}`,
  );
});
