/**
 * Loading a corridor model: read the YAML file (a model, or an overlay on a base model, possibly
 * stacked), validate it with the zod schema, check its cross-references and convert it to the
 * engine's units (compile-model.ts). Anything wrong is thrown as `ModelErrors`, every problem
 * found at once, each naming the file, line, path, bad value and what was expected.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { CompiledModel } from './compiled.ts';
import { compileModel } from './compile-model.ts';
import { recordIssues } from './json-schema.ts';
import { ErrorCollector, type Locator, ModelError, ModelErrors, type PathSegment } from './model-error.ts';
import type { SourceLocation } from './model-error.ts';
import { type AppliedSet, applyOverlay } from './overlay.ts';
import { readInputFile } from './read-input.ts';
import { recordReservedKeys } from './reserved-keys.ts';
import { modelSchema, overlaySchema } from './schema.ts';
import { yamlPosition } from './yaml-position.ts';

/** One file read: the base model first, then each overlay on it. */
interface Layer {
  /** The file as named to the user (relative paths stay relative). */
  readonly file: string;
  readonly absolute: string;
  readonly text: string;
  readonly doc: Document;
  readonly lines: LineCounter;
  /** For an overlay, the `set` entries it applied. */
  readonly sets: readonly AppliedSet[];
}

/** The 1-based line and column of `path` in `layer`, or of its nearest ancestor present in the file. */
function position(layer: Layer, path: readonly PathSegment[]): { line?: number; column?: number } {
  return yamlPosition(layer.doc, layer.lines, path);
}

/** A value's location: the last overlay that set it (or a parent of it), else the base model. */
function layerLocator(layers: readonly Layer[]): Locator {
  const within = (prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean =>
    prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
  return (path) => {
    for (const layer of [...layers].reverse()) {
      const set = [...layer.sets].reverse().find((s) => within(s.path, path));
      if (set !== undefined) return { file: layer.file, ...position(layer, ['set', set.text, ...path.slice(set.path.length)]) };
    }
    const base = layers[0];
    return base === undefined ? { file: '<model>' } : { file: base.file, ...position(base, path) };
  };
}

// Parsed documents by their text: a study loads the same model file (and overlays) for every
// scenario of every equilibrium round, and parsing the YAML was most of a load's 60 ms. Only
// documents that parsed cleanly are kept; they are read (toJS, positions), never changed.
const parsedDocuments = new Map<string, { doc: Document; lines: LineCounter }>();
// Least recently used first out: a study's one-off scenario texts pass through, its model stays.
const PARSED_KEPT = 8;

/** Parse YAML text, or throw ModelErrors naming the file, line and column of each syntax error. */
function parseYaml(text: string, file: string): { doc: Document; lines: LineCounter } {
  const known = parsedDocuments.get(text);
  if (known !== undefined) {
    parsedDocuments.delete(text);
    parsedDocuments.set(text, known);
    return known;
  }
  const result = parseYamlText(text, file);
  if (parsedDocuments.size >= PARSED_KEPT) parsedDocuments.delete(parsedDocuments.keys().next().value as string);
  parsedDocuments.set(text, result);
  return result;
}

function parseYamlText(text: string, file: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  // `merge: true` allows `<<: *anchor`, so a model can share a spec and override one field.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, merge: true });
  if (doc.errors.length === 0) return { doc, lines };
  const sourceLines = text.split(/\r?\n/);
  throw new ModelErrors(
    doc.errors.map((error) => {
      const at = error.linePos?.[0];
      const location: SourceLocation = at === undefined ? { file } : { file, line: at.line, column: at.col };
      // Show the offending line; when the error is at a blank line (an unclosed bracket), the one above.
      let index = (at?.line ?? 1) - 1;
      while (index > 0 && (sourceLines[index] ?? '').trim() === '') index--;
      const reason = (error.message.split(' at line ')[0] ?? error.message).trim();
      return new ModelError({ location, path: [], value: (sourceLines[index] ?? '').trim(), expected: `valid YAML (${reason})` });
    }),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Read `text` (file `file`) into `layers`, stacking overlays on their bases, and return the
 * merged raw data. `chain` holds the absolute paths of the overlays that led here (cycles).
 */
function readLayers(text: string, file: string, layers: Layer[], chain: readonly string[]): unknown {
  const { doc, lines } = parseYaml(text, file);
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    const expected = 'a model (model:, title:, nodes:, …) or an overlay (overlay:, base:, set:, …)';
    throw new ModelErrors([new ModelError({ location: { file }, path: [], value: raw, expected, got: 'an empty file' })]);
  }
  const layer: Layer = { file, absolute: resolve(file), text, doc, lines, sets: [] };
  const errors = new ErrorCollector((path) => ({ file, ...position(layer, path) }));
  recordReservedKeys(raw, errors);
  errors.throwIfAny();
  if (!isObject(raw) || !Object.hasOwn(raw, 'overlay')) {
    layers.push(layer);
    return raw;
  }
  const overlay = overlaySchema.safeParse(raw);
  if (!overlay.success) {
    recordIssues(overlay.error.issues, overlaySchema, raw, errors);
    throw new ModelErrors(errors.errors);
  }
  const { base } = overlay.data;
  const baseFile = isAbsolute(base) ? base : join(dirname(file), base);
  const stack = [...chain, layer.absolute];
  if (stack.includes(resolve(baseFile))) {
    errors.add(['base'], base, `a base that does not lead back to this overlay (${[...stack, resolve(baseFile)].join(' -> ')})`);
    throw new ModelErrors(errors.errors);
  }
  let baseText: string;
  try {
    baseText = readFileSync(baseFile, 'utf8');
  } catch {
    errors.add(['base'], base, `an existing model or overlay file, relative to this overlay (looked for ${resolve(baseFile)})`);
    throw new ModelErrors(errors.errors);
  }
  const merged = applyOverlay(readLayers(baseText, baseFile, layers, stack), overlay.data, errors);
  errors.throwIfAny();
  layers.push({ ...layer, sets: merged.sets });
  return merged.data;
}

/**
 * Load a model from YAML text, as `loadModel` does for a file. `file` names the text in errors;
 * an overlay's `base` is read relative to it.
 *
 * @throws ModelErrors listing every problem found (YAML syntax, overlay paths, schema, references).
 */
export function loadModelText(text: string, file: string): CompiledModel {
  const layers: Layer[] = [];
  const data = readLayers(text, file, layers, []);
  const locate = layerLocator(layers);
  const parsed = modelSchema.safeParse(data);
  if (!parsed.success) {
    const errors = new ErrorCollector(locate);
    recordIssues(parsed.error.issues, modelSchema, data, errors);
    throw new ModelErrors(errors.errors);
  }
  // The hash covers the files as read, base first, so a run can be traced to exact inputs.
  const hash = createHash('sha256');
  for (const layer of layers) hash.update(layer.text, 'utf8');
  const source = { files: layers.map((layer) => layer.absolute), sha256: hash.digest('hex') };
  return compileModel(parsed.data, source, locate);
}

/**
 * Load a corridor model file (`models/<name>.yaml`) or an overlay on one, validated and converted
 * to hours and FEU. `source.files` lists the absolute paths read (base first), `source.sha256`
 * hashes their concatenated contents.
 *
 * @throws ModelErrors listing every problem found; the CLI exits with `EXIT_BAD_INPUT` (2).
 */
export function loadModel(file: string): CompiledModel {
  return loadModelText(readInputFile(file, 'model file'), file);
}
