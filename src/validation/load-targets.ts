/**
 * Loading a validation targets file: YAML, validated by the zod schema, then checked across
 * fields (unique ids, known scenarios, low <= high, the model's unit equal to the published one,
 * expressions that parse, model files that exist). Every problem is reported at once as
 * `ModelErrors`, each naming the file, line, field, value and what was expected, as model files
 * are (exit code 2 in the CLI).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { recordIssues } from '../corridor/json-schema.ts';
import { didYouMean, ErrorCollector, ModelError, ModelErrors, type PathSegment } from '../corridor/model-error.ts';
import { readInputFile } from '../corridor/read-input.ts';
import { yamlPosition } from '../corridor/yaml-position.ts';
import { ExpressionError, metricNames, parseExpression, type Expression } from './expression.ts';
import { targetsFileSchema, type SheetRow, type TargetData } from './targets-schema.ts';

/** The default targets file, relative to the project folder. */
export const DEFAULT_TARGETS_FILE = 'models/validation/targets.yaml';

/** A scenario of the targets file with its paths resolved (absolute). */
export interface ValidationScenario {
  readonly id: string;
  readonly description?: string;
  readonly model: string;
  readonly overlays: readonly string[];
}

/** A published range [low, high] in `unit`, and how it was read from the sheet. */
export interface PublishedRange {
  readonly low: number;
  readonly high: number;
  readonly unit: string;
  readonly note: string;
}

/** One target, checked: its expression parsed. */
export interface ValidationTarget {
  readonly id: string;
  readonly classification: 'output' | 'input-reproduced';
  readonly reason: string;
  readonly sheet: SheetRow;
  readonly scenario: string;
  readonly expressionText: string;
  readonly expression: Expression;
  /** Unit of the expression's value (equal to `published.unit`). */
  readonly unit: string;
  readonly published: PublishedRange;
  /** 1-based line and column of the target's entry in the file (for later errors). */
  readonly line: number | undefined;
  readonly column: number | undefined;
}

/** A loaded targets file. */
export interface ValidationTargets {
  /** The file as named to the user. */
  readonly file: string;
  readonly title: string;
  /** Scenarios that some target uses, in the file's order. */
  readonly scenarios: readonly ValidationScenario[];
  readonly targets: readonly ValidationTarget[];
  /** Sheet rows considered and not made targets. */
  readonly considered: number;
}

/**
 * Load and check the targets file `file`.
 * @throws ModelErrors listing every problem (file:line:column: field: got value, expected ...).
 */
export function loadTargets(file: string): ValidationTargets {
  return loadTargetsText(readInputFile(file, 'targets file'), file);
}

/** Load targets from YAML `text`; `file` names it in errors, and model paths are relative to its folder. */
export function loadTargetsText(text: string, file: string): ValidationTargets {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ModelErrors(
      doc.errors.map((e) => {
        const at = e.linePos?.[0];
        return new ModelError({ location: at === undefined ? { file } : { file, line: at.line, column: at.col }, path: [], value: (e.message.split(' at line ')[0] ?? e.message).trim(), expected: 'valid YAML', got: 'a syntax error' });
      }),
    );
  }
  const raw: unknown = doc.toJS();
  const errors = new ErrorCollector((p) => ({ file, ...yamlPosition(doc, lines, p) }));
  const parsed = targetsFileSchema.safeParse(raw);
  if (!parsed.success) {
    recordIssues(parsed.error.issues, targetsFileSchema, raw, errors);
    throw new ModelErrors(errors.errors);
  }
  const data = parsed.data;
  const dir = path.dirname(path.resolve(file));
  const scenarioIds = Object.keys(data.scenarios);
  for (const [sid, s] of Object.entries(data.scenarios)) {
    const files: [PathSegment[], string][] = [[['scenarios', sid, 'model'], s.model], ...(s.overlays ?? []).map((o, i): [PathSegment[], string] => [['scenarios', sid, 'overlays', i], o])];
    for (const [p, f] of files) {
      const absolute = path.resolve(dir, f);
      if (!existsSync(absolute)) errors.add(p, f, `an existing model or overlay file, relative to the targets file (looked for ${absolute})`);
    }
  }
  const seen = new Set<string>();
  const targets: ValidationTarget[] = [];
  data.targets.forEach((t: TargetData, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['targets', i, ...rest];
    if (seen.has(t.id)) errors.add(at('id'), t.id, 'an id not used by an earlier target');
    seen.add(t.id);
    if (!Object.hasOwn(data.scenarios, t.scenario)) errors.add(at('scenario'), t.scenario, `one of the scenarios: ${scenarioIds.join(', ')}${didYouMean(t.scenario, scenarioIds)}`);
    if (t.published.low > t.published.high) errors.add(at('published', 'high'), t.published.high, `a number >= published.low (${t.published.low})`);
    if (t.model.unit !== t.published.unit) errors.add(at('model', 'unit'), t.model.unit, `the published unit "${t.published.unit}" (convert in the expression)`);
    let expression: Expression | null = null;
    try {
      expression = parseExpression(t.model.expression);
      if (metricNames(expression).length === 0) errors.add(at('model', 'expression'), t.model.expression, 'an expression that reads at least one metric');
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      errors.add(at('model', 'expression'), t.model.expression, `metric names, numbers, + - * / and parentheses (${error.message} at character ${error.offset + 1})`);
    }
    if (expression !== null) {
      const { line, column } = yamlPosition(doc, lines, at());
      targets.push({
        id: t.id,
        classification: t.classification,
        reason: t.reason,
        sheet: t.sheet,
        scenario: t.scenario,
        expressionText: t.model.expression,
        expression,
        unit: t.model.unit,
        published: t.published,
        line,
        column,
      });
    }
  });
  errors.throwIfAny();
  const used = new Set(targets.map((t) => t.scenario));
  const scenarios = Object.entries(data.scenarios)
    .filter(([sid]) => used.has(sid))
    .map(([sid, s]): ValidationScenario => ({
      id: sid,
      ...(s.description !== undefined ? { description: s.description } : {}),
      model: path.resolve(dir, s.model),
      overlays: (s.overlays ?? []).map((o) => path.resolve(dir, o)),
    }));
  return { file, title: data.title, scenarios, targets, considered: data.considered?.length ?? 0 };
}
