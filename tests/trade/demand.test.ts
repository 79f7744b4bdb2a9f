/**
 * Export demand in containers: USD -> FEU by value density and containerised share, checked by
 * hand on the round-number fixture, and the monthly profile that spreads a year over months.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMODITIES, exportFeuPerYear, feuTable, loadTrade, marketTotal, MARKETS, monthlyProfile, TradeInputError, usdToFeu } from '../../src/trade/index.ts';

const tiny = loadTrade(fileURLToPath(new URL('./fixtures/tiny-trade.yaml', import.meta.url)));
const shipped = loadTrade('models/trade/vietnam-exports.yaml');

describe('USD to FEU', () => {
  it('is exact on a hand case: 40 bn × 0.5 electronics × 0.5 containerised / 200,000 = 50,000 FEU', () => {
    expect(exportFeuPerYear(tiny, 'us', 'electronics')).toBe(50_000);
    // garments: 40 bn × 0.5 × 1 / 100,000 = 200,000 FEU; EU garments: 20 bn × 0.5 / 100,000 = 100,000.
    expect(exportFeuPerYear(tiny, 'us', 'garments-footwear')).toBe(200_000);
    expect(exportFeuPerYear(tiny, 'eu', 'garments-footwear')).toBe(100_000);
    // agrifood to China: 10 bn × 1 × 0.8 / 50,000 = 160,000 FEU.
    expect(exportFeuPerYear(tiny, 'china', 'agrifood')).toBe(160_000);
    expect(usdToFeu(tiny, 'furniture-wood', 25_000)).toBe(1);
  });

  it('tabulates every market and commodity, matching the single-cell function', () => {
    const table = feuTable(shipped);
    for (const m of MARKETS) for (const c of COMMODITIES) expect(table[m][c]).toBe(exportFeuPerYear(shipped, m, c));
    // Shipped EU: ≈ 477,000 FEU/yr (see the calibration table in models/trade/vietnam-exports.yaml comments).
    expect(marketTotal(table, 'eu')).toBeGreaterThan(470_000);
    expect(marketTotal(table, 'eu')).toBeLessThan(480_000);
  });

  it('rejects a negative value', () => {
    expect(() => usdToFeu(tiny, 'other', -1)).toThrow(TradeInputError);
    expect(() => usdToFeu(tiny, 'other', -1)).toThrow('usdToFeu: "usd" must be a finite number >= 0, got -1');
  });
});

describe('monthly profile', () => {
  it('sums to the year and weights months by days and seasonality', () => {
    // Fixture: 1 for Jan-Nov, 2 for Dec -> mean (334 + 62) / 365; December gets 2 × 31 / 396 of the year.
    const months = monthlyProfile(tiny, 396_000);
    expect(months.reduce((a, b) => a + b, 0)).toBeCloseTo(396_000, 6);
    expect(months[11]).toBeCloseTo(62_000, 6);
    expect(months[1]).toBeCloseTo(28_000, 6);
  });
});
