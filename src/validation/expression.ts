/**
 * The small arithmetic language of a validation target's model side: metric names (as in
 * replications.csv, e.g. `stage.alat.feu_per_week`), numbers, `+ - * /`, unary minus and
 * parentheses, e.g. `(stage.alat.feu_per_week + stage.alat.background_feu_per_week) * 2 * 52.14`.
 * A metric name is a run of letters, digits, `_`, `.` and `-` that starts with a letter, so a
 * minus between two names must have a space before it (`a - b`; `a-b` is one name). Evaluation is
 * per replication; a metric that is missing or null there, or a division by zero, makes the
 * value undefined (null) for that replication.
 */

/** A parsed expression. */
export type Expression =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'metric'; readonly name: string }
  | { readonly kind: 'negate'; readonly operand: Expression }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expression; readonly right: Expression };

/** A syntax error: what was wrong and at which character (0-based) of the expression text. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  /** 0-based character offset of the problem in the expression text. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

type Token = { readonly type: 'number'; readonly value: number; readonly at: number } | { readonly type: 'name' | 'op'; readonly text: string; readonly at: number };

const NAME = /[A-Za-z][A-Za-z0-9_.-]*/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ('+-*/()'.includes(c)) {
      tokens.push({ type: 'op', text: c, at: i });
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number !== null) {
      tokens.push({ type: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name !== null) {
      // A trailing '.' or '-' belongs to no metric name: leave it to be reported.
      const trimmed = name[0].replace(/[.-]+$/, '');
      tokens.push({ type: 'name', text: trimmed, at: i });
      i += trimmed.length;
      continue;
    }
    throw new ExpressionError(`unexpected character "${c}"`, i);
  }
  return tokens;
}

/**
 * Parse `text` into an expression.
 * @throws ExpressionError naming the problem and its character offset.
 */
export function parseExpression(text: string): Expression {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (t: Token | undefined, ops: string): t is Token & { type: 'op'; text: string } => t !== undefined && t.type === 'op' && ops.includes(t.text);

  function primary(): Expression {
    const t = peek();
    if (t === undefined) throw new ExpressionError('unexpected end: expected a metric name, a number or "("', text.length);
    pos++;
    if (t.type === 'number') return { kind: 'number', value: t.value };
    if (t.type === 'name') return { kind: 'metric', name: t.text };
    if (t.text === '-') return { kind: 'negate', operand: primary() };
    if (t.text === '(') {
      const inner = sum();
      const close = peek();
      if (!isOp(close, ')')) throw new ExpressionError('expected ")"', close?.at ?? text.length);
      pos++;
      return inner;
    }
    throw new ExpressionError(`unexpected "${t.text}": expected a metric name, a number or "("`, t.at);
  }
  function product(): Expression {
    let left = primary();
    while (isOp(peek(), '*/')) {
      const op = (tokens[pos++] as { text: '*' | '/' }).text;
      left = { kind: 'binary', op, left, right: primary() };
    }
    return left;
  }
  function sum(): Expression {
    let left = product();
    while (isOp(peek(), '+-')) {
      const op = (tokens[pos++] as { text: '+' | '-' }).text;
      left = { kind: 'binary', op, left, right: product() };
    }
    return left;
  }

  const result = sum();
  const rest = peek();
  if (rest !== undefined) throw new ExpressionError(`unexpected ${rest.type === 'number' ? String(rest.value) : `"${rest.type === 'name' ? rest.text : rest.text}"`} after a complete expression`, rest.at);
  return result;
}

/** The metric names an expression reads, in first-use order, without repeats. */
export function metricNames(expression: Expression): string[] {
  const names: string[] = [];
  const walk = (e: Expression): void => {
    if (e.kind === 'metric') {
      if (!names.includes(e.name)) names.push(e.name);
    } else if (e.kind === 'negate') walk(e.operand);
    else if (e.kind === 'binary') {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(expression);
  return names;
}

/**
 * The value of `expression` with metric values looked up in `metrics` (one replication, in the
 * metrics' own units). null when a metric is absent or null, or on a division by zero or any
 * other non-finite result.
 */
export function evaluateExpression(expression: Expression, metrics: Readonly<Record<string, number | null>>): number | null {
  const value = (e: Expression): number | null => {
    switch (e.kind) {
      case 'number':
        return e.value;
      case 'metric': {
        const v = Object.hasOwn(metrics, e.name) ? metrics[e.name] : undefined;
        return v === undefined || v === null ? null : v;
      }
      case 'negate': {
        const v = value(e.operand);
        return v === null ? null : -v;
      }
      case 'binary': {
        const l = value(e.left);
        const r = value(e.right);
        if (l === null || r === null) return null;
        if (e.op === '/' && r === 0) return null;
        const out = e.op === '+' ? l + r : e.op === '-' ? l - r : e.op === '*' ? l * r : l / r;
        return Number.isFinite(out) ? out : null;
      }
    }
  };
  return value(expression);
}
