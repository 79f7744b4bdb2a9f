/**
 * The trade response against 2025: signs of the China channel, the exemptions, conservation, and
 * the backcast of Vietnam's exports to the US with 2024 as the base and the 2025 tariff path
 * (scenario `path-2025`, time-weighted rates; models/trade/vietnam-exports.yaml).
 *
 * What the backcast finds (README, "The trade response"): with the literature's elasticities the
 * tariff layer by itself still LOWERS Vietnam's US-bound exports in 2025 (central −7.3%; low set
 * −4.1%, high set −10.5%), but by half of what Vietnam's own tariff would do alone (−15.2%
 * for the same path with China's and others' rates at their 2024 level). Two mechanisms cut the
 * loss: (1) diversion from China: China's 2025 rates (+16 points on all goods, +18 more on goods
 * not exempt, time-weighted) rose more than Vietnam's (+11.5) and others' (+9.4), so US buyers
 * switch towards Vietnam; (2) the 11 Apr 2025 exemption: 70% of electronics (the largest group,
 * 45% of US-bound value) pays no reciprocal rate, so electronics do not fall at all. The observed
 * sign (+28%) comes from the underlying growth of all Vietnamese exports (+17%, a stated input),
 * which outweighs the net tariff effect. The model does NOT reach the observed +28%: with every
 * set it stays 16-23 points short. What the model leaves out and would be needed to close the gap:
 * front-loading of US imports ahead of the tariffs, relocation of Chinese production to Vietnam
 * since 2018 (Vietnam one of the largest "bystander" winners of the first trade war, Fajgelbaum,
 * Goldberg, Kennedy, Khandelwal & Taglioni), and the boom of exempt computer exports.
 *
 * The band asserted: the observed sign for every parameter set, and a modelled change between 0
 * and the observed +28% (the model may fall short but not overshoot); the numbers are pinned so a
 * change to the trade file shows up here.
 */
import { describe, expect, it } from 'vitest';
import {
  applyTariffShift, backcastUsExports, type ByCommodity, COMMODITIES, loadTrade, PARAMETER_SETS, shippedTariffScenario, tableTotal,
} from '../../src/trade/index.ts';

const trade = loadTrade('models/trade/vietnam-exports.yaml');
const sum = (record: ByCommodity): number => COMMODITIES.reduce((total, c) => total + record[c], 0);
const usTotal = (r: ReturnType<typeof applyTariffShift>): number => sum(r.usdPerYear.us);
const base = sum(trade.exportsUsdPerYear.us);

describe('the backcast of 2025 (2024 base, the 2025 path, underlying growth +17%)', () => {
  const runs = PARAMETER_SETS.map((set) => backcastUsExports(trade, set));

  it('compares with the observed +28.0% (§ 6: $119.5 bn -> $153 bn)', () => {
    expect(runs[0]?.observedChange).toBeCloseTo(153 / 119.5 - 1, 12);
  });

  it('has the observed sign with every parameter set, and does not overshoot the observed change', () => {
    for (const run of runs) {
      expect(run.modelledChange, run.parameterSet).toBeGreaterThan(0);
      expect(run.modelledChange, run.parameterSet).toBeLessThan(run.observedChange);
    }
  });

  it('pins the numbers: tariff effect and modelled change per set (README table)', () => {
    const table = Object.fromEntries(runs.map((r) => [r.parameterSet, [r.tariffEffect, r.modelledChange]]));
    expect(table.low?.[0]).toBeCloseTo(-0.041, 3);
    expect(table.central?.[0]).toBeCloseTo(-0.073, 3);
    expect(table.high?.[0]).toBeCloseTo(-0.105, 3);
    expect(table.low?.[1]).toBeCloseTo(0.122, 3);
    expect(table.central?.[1]).toBeCloseTo(0.085, 3);
    expect(table.high?.[1]).toBeCloseTo(0.047, 3);
  });

  it('with the non-US growth of +12.4% instead (derived, § 6) the sign holds for every set', () => {
    for (const set of PARAMETER_SETS) expect(backcastUsExports(trade, set, (475 - 153) / (406 - 119.5) - 1).modelledChange, set).toBeGreaterThan(0);
  });

  it('diversion from China and the exemption are what cut the loss (central set)', () => {
    const path = shippedTariffScenario(trade, 'path-2025');
    const full = applyTariffShift(trade, path);
    const vietnamOnly = applyTariffShift(trade, { ...path, chinaReciprocalTariffRate: 0, chinaAllGoodsTariffRate: 0, othersReciprocalTariffRate: 0 });
    const noExemption = applyTariffShift(trade, { ...path, reciprocalExemptShare: { electronics: 0, 'garments-footwear': 0, 'furniture-wood': 0, agrifood: 0, other: 0 } });
    expect(usTotal(vietnamOnly) / base - 1).toBeCloseTo(-0.152, 3);
    expect(usTotal(full)).toBeGreaterThan(usTotal(vietnamOnly));
    expect(usTotal(noExemption)).toBeLessThan(usTotal(full));
    // Electronics, mostly exempt and with China's all-goods duty on its rival, hold their US volume.
    expect(full.usVolumeFactor.electronics).toBeGreaterThan(0.99);
  });

  it('the Chinese inputs drawn in by created trade stay within the observed rise of imports from China (§ 6: +$41.8 bn)', () => {
    const end = applyTariffShift(trade, { ...shippedTariffScenario(trade, 'end-2025'), reciprocalTariffRate: 0 });
    expect(sum(end.chineseInputsUsdPerYear)).toBeGreaterThan(0);
    expect(sum(end.chineseInputsUsdPerYear)).toBeLessThan((186 - 144.2) * 1e9);
  });

  it('charging 40% on the transshipped bound (28% of US value from 7 Aug) still leaves the observed sign at +17% growth', () => {
    const path = shippedTariffScenario(trade, 'path-2025');
    const r = applyTariffShift(trade, { ...path, transshippedShare: (0.28 * 147) / 365 });
    expect((sum(r.usExportValueUsdPerYear) / base) * 1.17 - 1).toBeGreaterThan(0);
  });
});

describe('signs of the trade response (every parameter set)', () => {
  const rates = [0, 0.05, 0.1, 0.2, 0.46];

  it('a higher Vietnamese rate with China\'s fixed lowers VN->US', () => {
    for (const parameterSet of PARAMETER_SETS) {
      const us = rates.map((r) => usTotal(applyTariffShift(trade, { reciprocalTariffRate: r, chinaReciprocalTariffRate: 0.2, chinaAllGoodsTariffRate: 0.1, parameterSet })));
      for (let i = 1; i < us.length; i++) expect(us[i], `${parameterSet} ${rates[i]}`).toBeLessThan(us[i - 1] as number);
    }
  });

  it('a higher Chinese rate with Vietnam\'s fixed raises VN->US, on both China rates', () => {
    for (const parameterSet of PARAMETER_SETS) {
      const reciprocal = rates.map((r) => usTotal(applyTariffShift(trade, { reciprocalTariffRate: 0.2, chinaReciprocalTariffRate: r, parameterSet })));
      const allGoods = rates.map((r) => usTotal(applyTariffShift(trade, { reciprocalTariffRate: 0.2, chinaAllGoodsTariffRate: r, parameterSet })));
      for (let i = 1; i < rates.length; i++) {
        expect(reciprocal[i], `${parameterSet} ${rates[i]}`).toBeGreaterThan(reciprocal[i - 1] as number);
        expect(allGoods[i], `${parameterSet} ${rates[i]}`).toBeGreaterThan(allGoods[i - 1] as number);
      }
    }
  });

  it('China\'s rate alone raises VN->US above the base: created trade, other markets unchanged', () => {
    const r = applyTariffShift(trade, { reciprocalTariffRate: 0, chinaReciprocalTariffRate: 0.3 });
    expect(usTotal(r)).toBeGreaterThan(base);
    expect(sum(r.usLossUsdPerYear)).toBe(0);
    expect(r.usdPerYear.eu).toEqual(trade.exportsUsdPerYear.eu);
    expect(tableTotal(r.usdPerYear)).toBeCloseTo(tableTotal(trade.exportsUsdPerYear) + sum(r.createdTradeUsdPerYear), -1);
  });
});

describe('exemptions', () => {
  const allExempt = { electronics: 1, 'garments-footwear': 1, 'furniture-wood': 1, agrifood: 1, other: 1 };

  it('an exempt group\'s US volume is unaffected by Vietnam\'s reciprocal and transshipment rates', () => {
    const a = applyTariffShift(trade, { reciprocalTariffRate: 0, reciprocalExemptShare: allExempt });
    const b = applyTariffShift(trade, { reciprocalTariffRate: 0.46, transshippedShare: 0.5, reciprocalExemptShare: allExempt });
    for (const c of COMMODITIES) expect(b.usdPerYear.us[c]).toBe(a.usdPerYear.us[c]);
    expect(b.usdPerYear.us).toEqual(trade.exportsUsdPerYear.us);
  });

  it('an exempt group still gains from China\'s all-goods duty, and not from China\'s reciprocal rate', () => {
    const ref = applyTariffShift(trade, { reciprocalTariffRate: 0.2, reciprocalExemptShare: allExempt });
    const fentanyl = applyTariffShift(trade, { reciprocalTariffRate: 0.2, chinaAllGoodsTariffRate: 0.2, reciprocalExemptShare: allExempt });
    const reciprocal = applyTariffShift(trade, { reciprocalTariffRate: 0.2, chinaReciprocalTariffRate: 0.2, reciprocalExemptShare: allExempt });
    for (const c of COMMODITIES) {
      expect(fentanyl.usdPerYear.us[c]).toBeGreaterThan(ref.usdPerYear.us[c]);
      expect(reciprocal.usdPerYear.us[c]).toBe(ref.usdPerYear.us[c]);
    }
  });

  it('the shipped electronics exemption (70%) makes electronics fall least under deal-20', () => {
    const r = applyTariffShift(trade, shippedTariffScenario(trade, 'deal-20'));
    for (const c of COMMODITIES) if (c !== 'electronics') expect(r.usVolumeFactor.electronics).toBeGreaterThan(r.usVolumeFactor[c]);
  });
});

describe('pass-through', () => {
  it('below 1 the exporter absorbs part of the tariff: its FOB price falls by τ̂^(φ−1), and volume falls less', () => {
    const full = applyTariffShift(trade, { reciprocalTariffRate: 0.2, tariffPassThrough: 1 });
    const part = applyTariffShift(trade, { reciprocalTariffRate: 0.2, tariffPassThrough: 0.8 });
    expect(full.usFobPriceFactor['furniture-wood']).toBe(1);
    // furniture: MFN 1%, no exemption: τ̂ = 1.21 / 1.01.
    expect(part.usFobPriceFactor['furniture-wood']).toBeCloseTo((1.21 / 1.01) ** -0.2, 12);
    expect(part.usVolumeFactor['furniture-wood']).toBeGreaterThan(full.usVolumeFactor['furniture-wood']);
  });
});
