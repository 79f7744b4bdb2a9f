/**
 * Loading trade files: the shipped calibration loads with the figures it cites, and a bad file
 * fails with errors that name the file, line, dotted path, bad value and what was expected (the
 * same style as corridor models, tests/corridor/bad-models.test.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ModelError, ModelErrors } from '../../src/corridor/model-error.ts';
import { COMMODITIES, loadTrade, loadTradeText, marketTotal, MARKETS, tableTotal } from '../../src/trade/index.ts';

const SHIPPED = 'models/trade/vietnam-exports.yaml';
const shippedText = readFileSync(SHIPPED, 'utf8');
const BAD = 'bad-trade.yaml';

/** The errors of loading `text`; fails the test if it loads. */
function errorsOf(text: string): readonly ModelError[] {
  try {
    loadTradeText(text, BAD);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelErrors);
    return (error as ModelErrors).errors;
  }
  throw new Error('expected ModelErrors, but the trade file loaded');
}

/** The shipped text with `from` (which must occur exactly once) replaced by `to`. */
function edit(from: string, to: string): string {
  const at = shippedText.indexOf(from);
  if (at < 0 || shippedText.indexOf(from, at + 1) >= 0) throw new Error(`must occur exactly once: ${from}`);
  return shippedText.replace(from, to);
}

/** The 1-based line of the only occurrence of `snippet` in `text`. */
const lineOf = (text: string, snippet: string): number => text.slice(0, text.indexOf(snippet)).split('\n').length;

describe('the shipped calibration, models/trade/vietnam-exports.yaml', () => {
  const trade = loadTrade(SHIPPED);

  it('holds the §6 figures it cites, in USD per year', () => {
    expect(trade.baseYear).toBe(2024);
    expect(marketTotal(trade.exportsUsdPerYear, 'us')).toBeCloseTo(119.5e9, 0); // § 6 exports to US 2024 [Q]
    expect(marketTotal(trade.exportsUsdPerYear, 'eu')).toBeCloseTo((34.1e9 * 12) / 8, 0); // § 6 8M 2024, annualised [E]
    expect(trade.totalUsdPerYear).toBe(406e9); // § 6 total exports 2024 [E]
    expect(tableTotal(trade.exportsUsdPerYear) / trade.totalUsdPerYear).toBeCloseTo(1, 12);
    expect(trade.tariff.transshipmentTariffRate).toBe(0.4); // § 6 EO 31 Jul 2025 [Q]
  });

  it('derives the value of time as value × (capital + obsolescence rate) / 365', () => {
    // electronics: 250,000 × (0.08 + 0.30) / 365 = 260.27 USD per FEU per day.
    expect(trade.commodities.electronics.valueOfTimeUsdPerFeuDay).toBeCloseTo((250000 * 0.38) / 365, 9);
    for (const c of COMMODITIES) expect(trade.commodities[c].valueOfTimeUsdPerFeuDay).toBeGreaterThan(0);
  });

  it('normalises seasonality to a day-weighted mean of 1 and ships the scenarios the study needs', () => {
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    expect(trade.seasonality.reduce((sum, m, i) => sum + m * (days[i] ?? 0), 0)).toBeCloseTo(365, 9);
    expect([...trade.tariffScenarios.keys()]).toEqual(['baseline', 'interim-10', 'deal-20', 'deal-20-transshipped-28', 'transshipped-40', 'reciprocal-46', 'path-2025', 'end-2025']);
    expect(trade.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(MARKETS.every((m) => COMMODITIES.every((c) => trade.exportsUsdPerYear[m][c] >= 0))).toBe(true);
  });
});

describe('a bad trade file names the file, line, path, value and expectation', () => {
  it('a typo in a key: unknown key, with a suggestion', () => {
    const text = edit('    valueUsdPerFeu: 250000', '    valueUsdPerFue: 250000');
    const [error, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    expect(error?.path).toBe('commodities.electronics.valueUsdPerFue');
    expect(error?.got).toBe('unknown key "valueUsdPerFue"');
    expect(error?.expected).toContain('did you mean "valueUsdPerFeu"?');
    expect([error?.file, error?.line]).toEqual([BAD, lineOf(text, 'valueUsdPerFue')]);
  });

  it('a misspelt market: unknown key and suggestion', () => {
    const text = edit('    turkiye:\n', '    turkey:\n');
    const error = errorsOf(text).find((e) => e.path === 'exports.markets.turkey');
    expect(error?.expected).toContain('did you mean "turkiye"?');
  });

  it('a negative rate: the bound in words', () => {
    const text = edit('transshipmentTariffRate: 0.40', 'transshipmentTariffRate: -0.4');
    const [error] = errorsOf(text);
    expect([error?.path, error?.got, error?.expected]).toEqual(['tariff.transshipmentTariffRate', '-0.4', 'a number >= 0']);
    expect(error?.line).toBe(lineOf(text, 'transshipmentTariffRate: -0.4'));
  });

  it('commodity shares that do not sum to 1, and markets that miss the total', () => {
    const text = edit('electronics: 0.40, garments-footwear: 0.20, furniture-wood: 0.04', 'electronics: 0.50, garments-footwear: 0.20, furniture-wood: 0.04');
    const [shares] = errorsOf(text);
    expect(shares?.path).toBe('exports.markets.eu.commodityShares');
    expect(shares?.expected).toBe('commodity shares that sum to 1');
    const [total] = errorsOf(edit('usdBnPerYear: 171.35', 'usdBnPerYear: 181.35'));
    expect(total?.path).toBe('exports.totalUsdBnPerYear');
    expect(total?.expected).toContain('sum of the markets');
  });

  it('import shares over 1, an unordered range and a backcast of an unknown scenario', () => {
    const [shares] = errorsOf(edit('usImportShares: { vietnam: 0.08, china: 0.35 }', 'usImportShares: { vietnam: 0.8, china: 0.35 }'));
    expect(shares?.path).toBe('commodities.electronics.usImportShares');
    const text = shippedText.replace('sourceSubstitutionElasticity: { low: 1.3, central: 2.53, high: 3.7 }', 'sourceSubstitutionElasticity: { low: 3, central: 2.53, high: 3.7 }');
    expect(errorsOf(text).map((e) => e.path)).toContain('commodities.electronics.sourceSubstitutionElasticity');
    const [backcast] = errorsOf(edit('  scenario: path-2025', '  scenario: path-2026'));
    expect(backcast?.path).toBe('backcast.scenario');
  });

  it('diversion shares over 1, and a missing file', () => {
    const [diversion] = errorsOf(edit('rest-of-world: 0.23 }', 'rest-of-world: 0.93 }'));
    expect(diversion?.path).toBe('tariff.diversionShares');
    expect(() => loadTrade('models/trade/no-such-file.yaml')).toThrow(/no-such-file\.yaml: got .*expected a readable trade file \(ENOENT\)/);
  });

  it('the fixture used by the other tests loads', () => {
    const fixture = fileURLToPath(new URL('./fixtures/tiny-trade.yaml', import.meta.url));
    expect(loadTrade(fixture).id).toBe('tiny-trade');
  });
});
