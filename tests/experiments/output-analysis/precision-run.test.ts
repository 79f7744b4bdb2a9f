/**
 * Replications to a precision (output-analysis/precision-run.ts and the runner's loop):
 * - on values with a known standard deviation the loop stops near Law's n* = min{i : t·σ/√i ≤ h}
 *   (stated factor: every count within [n* / 2, 2·n*] and the median within 20% of n*, over 40
 *   seeded repetitions; the pilot of 10 and the "at most double" growth bound the misses);
 * - metrics undefined in some replications are not judged, in none ignored; the maximum stops it;
 * - a real run stops at the same count with the same bytes on 1 and on 2 workers.
 */
import { describe, expect, it } from 'vitest';
import { defineExperiment, runExperiment, type Experiment, type ReplicationRecord } from '../../../src/experiments/index.ts';
import { assembleOutputs, outputString } from '../../../src/experiments/outputs.ts';
import { describePrecisionOutcome, precisionStep, type PrecisionOutcome } from '../../../src/experiments/output-analysis/precision-run.ts';
import { parsePrecisionOption, type PrecisionSpec } from '../../../src/experiments/output-analysis/precision-spec.ts';
import { replicationsForHalfWidth } from '../../../src/stats/precision.ts';
import { standardNormal, testStream } from '../../stats/samplers.ts';

const experiment = defineExperiment({ name: 'synthetic', model: 'm.yaml', scenarios: [{ id: 'a' }], replications: 10, warmup: { days: 0 }, horizon: { days: 1 }, seed: 1 });

const spec = (text: string, max: number): PrecisionSpec => parsePrecisionOption(text, max) as PrecisionSpec;

/** The runner's loop on synthetic records: value(replication) per metric, batches as precisionStep decides. */
function loop(target: PrecisionSpec, value: (replication: number) => Record<string, number | null>, e: Experiment = experiment): PrecisionOutcome {
  const records: ReplicationRecord[] = [];
  const fill = (to: number): void => {
    for (let r = records.length; r < to; r++) {
      records.push({ scenario: 'a', replication: r, seed: r, metrics: Object.entries(value(r)).map(([metric, v]) => ({ metric, value: v })), series: [] });
    }
  };
  const steps = [e.replications];
  fill(e.replications);
  for (;;) {
    const step = precisionStep(e, target, records, steps);
    if (step.additional === 0) return step.outcome;
    steps.push((steps[steps.length - 1] ?? 0) + step.additional);
    fill(steps[steps.length - 1] ?? 0);
  }
}

describe('replications to a precision', () => {
  it("stops near Law's n* for a metric with known variance (normal, mean 100)", () => {
    for (const [sigma, h] of [[10, 5], [10, 2], [20, 2]] as const) {
      const nStar = replicationsForHalfWidth(sigma, h, 2); // 18, 99, 387
      const counts: number[] = [];
      for (let repetition = 0; repetition < 40; repetition++) {
        const rng = testStream(`precision-run/${sigma}/${h}/${repetition}`);
        const outcome = loop(spec(`${h}h:x_h`, 2000), () => ({ x_h: 100 + sigma * standardNormal(rng) }));
        expect(outcome.status).toBe('met');
        expect(outcome.metrics[0]?.halfWidth ?? Infinity).toBeLessThanOrEqual(h);
        counts.push(outcome.replications);
      }
      counts.sort((a, b) => a - b);
      expect(counts[0], `sigma ${sigma}, h ${h}`).toBeGreaterThanOrEqual(Math.min(10, nStar / 2));
      expect(counts[counts.length - 1], `sigma ${sigma}, h ${h}`).toBeLessThanOrEqual(2 * nStar);
      expect(Math.abs((counts[20] ?? 0) / nStar - 1), `median ${counts[20]} vs n* ${nStar}`).toBeLessThan(0.2);
    }
  });

  it('stops at the maximum, saying so, when the target is out of reach', () => {
    const rng = testStream('precision-run/max');
    const outcome = loop(spec('0.1%:x_h', 25), () => ({ x_h: 100 + 10 * standardNormal(rng) }));
    expect(outcome).toMatchObject({ status: 'max', replications: 25, steps: [10, 20, 25] });
    expect(outcome.metrics[0]?.met).toBe(false);
    expect(describePrecisionOutcome(outcome, false)).toBe(
      '±0.1% of the mean (95% CI half-width) on x_h: NOT MET (1 of 1 intervals wider than the target) with 25 replications per scenario (batches to 10, 20, 25; maximum 25), stopped at the maximum of 25',
    );
  });

  it('does not judge a metric undefined in some replications, and ignores one defined in none', () => {
    const rng = testStream('precision-run/undefined');
    const outcome = loop(spec('20%:*_h', 50), (r) => ({ a_h: 100 + standardNormal(rng), b_h: r === 3 ? null : 100, c_h: null }));
    expect(outcome.status).toBe('undefined');
    expect(outcome.replications).toBe(10);
    expect(outcome.metrics.map((m) => [m.metric, m.met, m.undefinedIn])).toEqual([['a_h', true, 0], ['b_h', false, 1]]);
    expect(outcome.undefinedEverywhere).toEqual(['a c_h']);
  });

  it('runs the same replications and writes the same bytes with 1 and 2 workers', async () => {
    const small = defineExperiment({
      name: 'precision', model: 'tests/corridor/fixtures/small-corridor.yaml', scenarios: [{ id: 'base' }],
      replications: 3, warmup: { days: 2 }, horizon: { days: 30 }, seed: 3, metrics: ['route.middle.*', 'network.**'],
      precision: { target: '10%', metrics: ['route.middle.transit_mean_h'], maxReplications: 12, batch: 2 },
    });
    const one = await runExperiment(small, { workers: 1 });
    const two = await runExperiment(small, { workers: 2 });
    expect(one.precision?.steps.length).toBeGreaterThan(1); // at least one batch after the pilot
    expect(two.precision).toEqual(one.precision);
    expect(one.records.map((r) => [r.scenario, r.replication])).toEqual(Array.from({ length: one.precision?.replications ?? 0 }, (_, i) => ['base', i]));
    expect(assembleOutputs(two.experiment, two.records).texts.map(outputString)).toEqual(assembleOutputs(one.experiment, one.records).texts.map(outputString));
  }, 30_000);
});
