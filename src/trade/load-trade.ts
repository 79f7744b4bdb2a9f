/**
 * Loading a trade calibration file (`models/trade/<name>.yaml`): parse the YAML, validate it with
 * the zod schema, check what the schema cannot (shares summing to one, markets adding up to the
 * total) and convert it (trade-model.ts). Every problem is thrown at once as `ModelErrors`, each
 * naming the file, line, dotted path, bad value and what was expected, as for corridor models.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { recordIssues } from '../corridor/json-schema.ts';
import { ErrorCollector, type Locator, ModelError, ModelErrors } from '../corridor/model-error.ts';
import { readInputFile } from '../corridor/read-input.ts';
import { yamlPosition } from '../corridor/yaml-position.ts';
import { COMMODITIES, MARKETS, OTHER_MARKETS } from './markets.ts';
import { compileTrade, type TradeModel } from './trade-model.ts';
import { type TradeFile, tradeFileSchema } from './trade-schema.ts';

/** How far shares may be from summing to 1 (rounding in hand-written decimals). */
const SHARE_SUM_SLACK = 1e-9;
/** How far the markets may be from the stated total (fraction of it): the file's figures are rounded. */
const TOTAL_SLACK = 0.001;

/** Locates a path in the file: the line of its key, or of its nearest ancestor present. */
function locator(file: string, doc: Document, lines: LineCounter): Locator {
  return (path) => ({ file, ...yamlPosition(doc, lines, path) });
}

/** The checks across fields, recorded in `errors`. */
function checkSums(data: TradeFile, errors: ErrorCollector): void {
  let marketSum = 0;
  for (const market of MARKETS) {
    const spec = data.exports.markets[market];
    marketSum += spec.usdBnPerYear;
    const shares = COMMODITIES.reduce((sum, commodity) => sum + spec.commodityShares[commodity], 0);
    if (Math.abs(shares - 1) > SHARE_SUM_SLACK) {
      errors.add(['exports', 'markets', market, 'commodityShares'], shares, 'commodity shares that sum to 1', `shares summing to ${shares}`);
    }
  }
  const total = data.exports.totalUsdBnPerYear;
  if (Math.abs(marketSum - total) > TOTAL_SLACK * total) {
    errors.add(['exports', 'totalUsdBnPerYear'], total, `the sum of the markets' usdBnPerYear (${marketSum}) within 0.1%`);
  }
  const diverted = OTHER_MARKETS.reduce((sum, market) => sum + data.tariff.diversionShares[market], 0);
  if (diverted > 1 + SHARE_SUM_SLACK) {
    errors.add(['tariff', 'diversionShares'], diverted, 'diversion shares that sum to at most 1', `shares summing to ${diverted}`);
  }
  if (!data.seasonality.some((month) => month > 0)) errors.add(['seasonality'], data.seasonality, 'at least one month > 0');
  for (const commodity of COMMODITIES) {
    const spec = data.commodities[commodity];
    const { vietnam, china } = spec.usImportShares;
    if (vietnam + china > 1 + SHARE_SUM_SLACK) {
      errors.add(['commodities', commodity, 'usImportShares'], vietnam + china, 'shares of Vietnam and China that sum to at most 1', `shares summing to ${vietnam + china}`);
    }
    for (const parameter of ['sourceSubstitutionElasticity', 'tariffPassThrough'] as const) {
      const { low, central, high } = spec[parameter];
      if (!(low <= central && central <= high)) errors.add(['commodities', commodity, parameter], [low, central, high], 'low <= central <= high');
    }
  }
  if (data.backcast !== undefined && !(data.backcast.scenario in data.tariffScenarios)) {
    errors.add(['backcast', 'scenario'], data.backcast.scenario, `one of the tariffScenarios (${Object.keys(data.tariffScenarios).join(', ')})`);
  }
}

/**
 * Load a trade calibration from YAML text; `file` names it in errors.
 * @throws ModelErrors listing every problem found (YAML syntax, schema, sums).
 */
export function loadTradeText(text: string, file: string): TradeModel {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const locate = locator(file, doc, lines);
  if (doc.errors.length > 0) {
    throw new ModelErrors(doc.errors.map((error) => {
      const at = error.linePos?.[0];
      const location = at === undefined ? { file } : { file, line: at.line, column: at.col };
      return new ModelError({ location, path: [], value: undefined, got: 'a syntax error', expected: `valid YAML (${(error.message.split(' at line ')[0] ?? error.message).trim()})` });
    }));
  }
  const raw: unknown = doc.toJS();
  const errors = new ErrorCollector(locate);
  const parsed = tradeFileSchema.safeParse(raw);
  if (!parsed.success) {
    recordIssues(parsed.error.issues, tradeFileSchema, raw, errors);
    throw new ModelErrors(errors.errors);
  }
  checkSums(parsed.data, errors);
  errors.throwIfAny();
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return compileTrade(parsed.data, { file: resolve(file), sha256 });
}

/**
 * Load a trade calibration file, e.g. `models/trade/vietnam-exports.yaml`.
 * @throws ModelErrors naming the file, line, path, value and expectation of every problem.
 */
export function loadTrade(file: string): TradeModel {
  return loadTradeText(readInputFile(file, 'trade file'), file);
}
