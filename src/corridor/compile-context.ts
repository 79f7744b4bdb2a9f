/**
 * What every compile step shares: the model file being compiled (for cross-references), the
 * errors found so far, and the builder of its distributions in hours. Kind modules
 * (src/corridor/kinds/<kind>/compile.ts) receive it, so each kind compiles its own fields with
 * the same error reporting (file, line, field, value, expectation).
 */
import { DistributionBuilder } from './units.ts';
import { ErrorCollector, type Locator, type PathSegment } from './model-error.ts';
import type { ModelFile } from './schema.ts';

/** The model being compiled, the errors found so far, and its distributions built in hours. */
export class CompileContext extends DistributionBuilder {
  /**
   * @param model the schema-valid model file.
   * @param locate maps a model path to its file and line for error messages.
   */
  constructor(
    readonly model: ModelFile,
    locate: Locator,
  ) {
    super(model, new ErrorCollector(locate));
  }

  /** Record a bad value at `path`, with what was expected (and what was found, if not the value). */
  fail(path: readonly PathSegment[], value: unknown, expected: string, got?: string): void {
    this.errors.add(path, value, expected, got);
  }
}

/** `record[key]` if `key` is its own entry (not `constructor` or another inherited name). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
