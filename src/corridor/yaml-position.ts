/**
 * Where a value sits in a parsed YAML file, so an error can name its line and column. Shared by
 * every loader of YAML input (models and overlays, trade calibration, validation targets).
 */
import { type Document, isMap, isNode, isScalar, type LineCounter } from 'yaml';
import type { PathSegment } from './model-error.ts';

/** Where the entry at `path` starts: its key in a mapping (a block value starts a line later), else its value. */
function entryOffset(doc: Document, path: readonly PathSegment[]): number | undefined {
  const parent = path.length === 0 ? undefined : doc.getIn(path.slice(0, -1), true);
  const last = String(path[path.length - 1]);
  const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === last) : undefined;
  const key: unknown = pair?.key;
  if (isScalar(key) && key.range !== undefined && key.range !== null) return key.range[0];
  const node: unknown = doc.getIn(path, true);
  return isNode(node) ? node.range?.[0] : undefined;
}

/**
 * The 1-based line and column of `path` in `doc`, or of its nearest ancestor present in the
 * file; `{}` when not even the root has a position.
 */
export function yamlPosition(doc: Document, lines: LineCounter, path: readonly PathSegment[]): { line?: number; column?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const offset = entryOffset(doc, path.slice(0, depth));
    if (offset !== undefined) {
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    }
  }
  return {};
}
