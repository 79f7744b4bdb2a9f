/**
 * The US tariff shift: the formula by hand (the fixture makes Vietnam a negligible supplier with
 * σ = 1, so the CES factor reduces to ((1 + t_new)/(1 + t_base))^(−1)), the right direction over
 * the Vietnam-only shipped scenarios and over a seeded sweep of random rate pairs, conservation of
 * volume (base + created = new + lost trade), the transshipment mix, overrides and input checks.
 * Signs of the China channel, exemptions and the backcast are in backcast.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/random/index.ts';
import {
  applyTariffShift, type ByCommodity, COMMODITIES, loadTrade, marketTotal, shippedTariffScenario, tableTotal, TradeInputError,
} from '../../src/trade/index.ts';
import { recordOf } from '../../src/trade/markets.ts';

const tiny = loadTrade(fileURLToPath(new URL('./fixtures/tiny-trade.yaml', import.meta.url)));
const shipped = loadTrade('models/trade/vietnam-exports.yaml');
const sum = (record: ByCommodity): number => COMMODITIES.reduce((total, c) => total + record[c], 0);

describe('the formula, by hand on the fixture (σ = 1, share 0, EU takes 1/2 and rest-of-world 1/4 of the loss)', () => {
  const result = applyTariffShift(tiny, { reciprocalTariffRate: 0.1 });

  it('scales US volume by ((1 + t_new) / (1 + t_base))^(−σ)', () => {
    // electronics: MFN 0 -> 10%: 20 bn / 1.1. garments: MFN 10% -> 20%: 20 bn × 1.1 / 1.2.
    expect(result.usdPerYear.us.electronics).toBeCloseTo(20e9 / 1.1, 0);
    expect(result.usdPerYear.us['garments-footwear']).toBeCloseTo((20e9 * 1.1) / 1.2, 0);
    expect(result.usVolumeFactor.electronics).toBeCloseTo(1 / 1.1, 15);
  });

  it('diverts the loss by the diversion shares and reports the rest as lost trade', () => {
    const loss = 20e9 - 20e9 / 1.1;
    expect(result.usdPerYear.eu.electronics).toBeCloseTo(10e9 + loss / 2, 0);
    expect(result.usdPerYear['rest-of-world'].electronics).toBeCloseTo(5e9 + loss / 4, 0);
    expect(result.usdPerYear.china.electronics).toBe(0); // diversion share 0
    expect(result.lostTradeUsdPerYear.electronics).toBeCloseTo(loss / 4, 0);
    // FEU follow from USD: lost electronics FEU = loss/4 × 0.5 / 200,000.
    expect(result.lostTradeFeuPerYear.electronics).toBeCloseTo((loss / 4) * 0.5 / 200_000, 6);
  });
});

describe('direction over the shipped scenarios', () => {
  const ladder = ['baseline', 'interim-10', 'deal-20', 'reciprocal-46'].map((id) => applyTariffShift(shipped, shippedTariffScenario(shipped, id)));

  it('baseline changes nothing', () => {
    const base = applyTariffShift(shipped, shippedTariffScenario(shipped, 'baseline'));
    expect(base.usdPerYear).toEqual(shipped.exportsUsdPerYear);
    expect(base.feuPerYear).toEqual(base.baselineFeuPerYear);
    expect(sum(base.lostTradeUsdPerYear)).toBe(0);
  });

  it('a higher US tariff lowers US volume and raises EU volume, commodity by commodity', () => {
    for (let i = 1; i < ladder.length; i++) {
      const [lower, higher] = [ladder[i - 1], ladder[i]];
      if (lower === undefined || higher === undefined) throw new Error('ladder');
      for (const c of COMMODITIES) {
        expect(higher.usdPerYear.us[c]).toBeLessThan(lower.usdPerYear.us[c]);
        expect(higher.usdPerYear.eu[c]).toBeGreaterThan(lower.usdPerYear.eu[c]);
        expect(higher.feuPerYear.eu[c]).toBeGreaterThan(lower.feuPerYear.eu[c]);
      }
    }
  });

  it('conserves volume in every shipped scenario: base total + created trade = new total + lost trade (USD and FEU)', () => {
    for (const id of shipped.tariffScenarios.keys()) {
      const r = applyTariffShift(shipped, shippedTariffScenario(shipped, id));
      const usd = tableTotal(r.usdPerYear) + sum(r.lostTradeUsdPerYear) - sum(r.createdTradeUsdPerYear);
      const feu = tableTotal(r.feuPerYear) + sum(r.lostTradeFeuPerYear) - sum(r.createdTradeFeuPerYear);
      // Equal up to floating-point rounding of sums of ~30 terms of order 1e10 (relative 1e-12).
      expect(Math.abs(usd - tableTotal(r.baselineUsdPerYear)) / tableTotal(r.baselineUsdPerYear)).toBeLessThan(1e-12);
      expect(Math.abs(feu - tableTotal(r.baselineFeuPerYear)) / tableTotal(r.baselineFeuPerYear)).toBeLessThan(1e-12);
      // A group either loses or gains in the US, never both.
      for (const c of COMMODITIES) expect(Math.min(r.usLossUsdPerYear[c], r.createdTradeUsdPerYear[c])).toBe(0);
    }
  });

  it('a seeded sweep of rate pairs: a higher rate never lowers EU-bound or raises US-bound volume', () => {
    const stream = createStream(2025, 'tests/trade/tariff-sweep');
    for (let trial = 0; trial < 200; trial++) {
      const low = recordOf(COMMODITIES, () => stream.next() * 0.6);
      const high = recordOf(COMMODITIES, (c) => low[c] + stream.next() * 0.6);
      const share = stream.next();
      const a = applyTariffShift(shipped, { reciprocalTariffRate: low, transshippedShare: share });
      const b = applyTariffShift(shipped, { reciprocalTariffRate: high, transshippedShare: share });
      expect(marketTotal(b.feuPerYear, 'eu')).toBeGreaterThanOrEqual(marketTotal(a.feuPerYear, 'eu'));
      expect(marketTotal(b.feuPerYear, 'us')).toBeLessThanOrEqual(marketTotal(a.feuPerYear, 'us'));
      for (const c of COMMODITIES) expect(b.usdPerYear.eu[c]).toBeGreaterThanOrEqual(a.usdPerYear.eu[c]);
    }
  });
});

describe('transshipment, overrides and checks', () => {
  it('mixes the country rate and the 40% transshipment rate, on top of MFN', () => {
    const r = applyTariffShift(shipped, shippedTariffScenario(shipped, 'deal-20-transshipped-28'));
    // garments: 12% MFN + 0.72 × 20% + 0.28 × 40% = 0.376.
    expect(r.scenario.effectiveTariffRate['garments-footwear']).toBeCloseTo(0.12 + 0.72 * 0.2 + 0.28 * 0.4, 15);
    const all = applyTariffShift(shipped, shippedTariffScenario(shipped, 'transshipped-40'));
    expect(all.scenario.effectiveTariffRate.electronics).toBeCloseTo(0.4, 15);
  });

  it('takes every parameter from the scenario when given', () => {
    const still = applyTariffShift(shipped, { reciprocalTariffRate: 0.46, sourceSubstitutionElasticity: 0 });
    expect(still.usdPerYear).toEqual(shipped.exportsUsdPerYear);
    const allToEu = { eu: 1, china: 0, 'central-asia-caucasus': 0, turkiye: 0, 'rest-of-world': 0 };
    const r = applyTariffShift(shipped, { reciprocalTariffRate: 0.2, diversionShares: allToEu, transshipmentTariffRate: 0.5 });
    expect(sum(r.lostTradeUsdPerYear)).toBe(0);
    expect(r.scenario.transshipmentTariffRate).toBe(0.5);
  });

  it('names the bad parameter', () => {
    const bad = (scenario: Parameters<typeof applyTariffShift>[1], pattern: RegExp): void => {
      expect(() => applyTariffShift(shipped, scenario)).toThrow(TradeInputError);
      expect(() => applyTariffShift(shipped, scenario)).toThrow(pattern);
    };
    bad({ reciprocalTariffRate: 0.2, transshippedShare: 1.5 }, /"scenario\.transshippedShare" must be a fraction in \[0, 1\], got 1\.5/);
    bad({ reciprocalTariffRate: -0.1 }, /"scenario\.reciprocalTariffRate" must be a finite number >= 0, got -0\.1/);
    const rates = recordOf(COMMODITIES, () => 0.2);
    bad({ reciprocalTariffRate: { ...rates, toys: 0.2 } as ByCommodity }, /"scenario\.reciprocalTariffRate\.toys" must be a key among electronics, /);
    const { electronics, ...missingOne } = rates;
    expect(electronics).toBe(0.2);
    bad({ reciprocalTariffRate: missingOne as ByCommodity }, /"scenario\.reciprocalTariffRate\.electronics" must be a finite number >= 0, got nothing/);
    bad({ reciprocalTariffRate: 0.2, diversionShares: { eu: 0.6, china: 0.6, 'central-asia-caucasus': 0, turkiye: 0, 'rest-of-world': 0 } }, /sum to at most 1, got 1\.2/);
    bad({ reciprocalTariffRate: 0.2, sourceSubstitutionElasticity: Number.NaN }, /sourceSubstitutionElasticity/);
    bad({ reciprocalTariffRate: 0.2, tariffPassThrough: 1.2 }, /"scenario\.tariffPassThrough" must be a fraction in \[0, 1\], got 1\.2/);
    bad({ reciprocalTariffRate: 0.2, chinaReciprocalTariffRate: -1 }, /chinaReciprocalTariffRate/);
    expect(() => shippedTariffScenario(shipped, 'deal-25')).toThrow(/one of: baseline, interim-10, deal-20/);
  });
});
