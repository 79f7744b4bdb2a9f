/**
 * Text widths for Vega in Node. Without a canvas Vega guesses 0.8 em for every character, about
 * 1.6 times too wide for a sans-serif font: titles then widen charts by hundreds of pixels and
 * legend titles are cut short. This measures with Helvetica's character widths instead (the
 * metrics Arial shares), 12% wider to allow for DejaVu Sans and Liberation Sans, the fallbacks
 * a Linux browser picks from the system font stack. Vega documents a custom
 * `textMetrics.width` for this (vl-convert does the same).
 */
import * as vega from 'vega';

// Helvetica advance widths (1/1000 em) for ASCII 32..126, from its AFM file.
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const FALLBACK_SCALE = 1.12;
const BOLD_SCALE = 1.08;

/** Width in pixels of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    units += WIDTHS[code - 32] ?? 556;
  }
  return (units / 1000) * fontSize * FALLBACK_SCALE * (bold ? BOLD_SCALE : 1);
}

/** The part of a Vega text item the measure needs. */
interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
}

interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
}

let installed = false;

/** Make Vega measure text with `textWidth` (once per process; Vega's metrics are global). */
export function useFontMetrics(): void {
  if (installed) return;
  const metrics = (vega as unknown as { textMetrics?: TextMetrics }).textMetrics;
  if (metrics === undefined) return;
  metrics.width = (item, text) => {
    const value = text ?? item.text;
    const line = (Array.isArray(value) ? value.join(' ') : String(value ?? '')).trim();
    const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    return textWidth(line, size, bold);
  };
  installed = true;
}
