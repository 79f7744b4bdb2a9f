/** Small helpers for writing SVG text by hand: escaping, numbers and path data. */
import type { Pixel } from './routes.ts';

/** `text` made safe for SVG content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate in pixels with one decimal (a tenth of a pixel is below what a screen shows). */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** SVG path data of a polyline in pixels. */
export function lineData(line: readonly Pixel[]): string {
  return line.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x)},${px(y)}`).join('');
}

/** A `<text>` element; `anchor` is SVG's text-anchor, the text is vertically centred on `y`. */
export function text(x: number, y: number, content: string, options: { size: number; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; fill?: string; halo?: boolean; cls?: string }): string {
  const attributes = [
    `x="${px(x)}"`,
    `y="${px(y)}"`,
    `font-size="${options.size}"`,
    'dominant-baseline="central"',
    options.anchor === undefined || options.anchor === 'start' ? '' : `text-anchor="${options.anchor}"`,
    options.bold === true ? 'font-weight="bold"' : '',
    `fill="${options.fill ?? '#1f1f1f'}"`,
    // A white halo keeps a label legible where it crosses a leg or a border.
    options.halo === true ? 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : '',
    options.cls === undefined ? '' : `class="${options.cls}"`,
  ].filter((a) => a !== '');
  return `<text ${attributes.join(' ')}>${esc(content)}</text>`;
}

/** Percent with no decimals, or a dash. */
export function percent(share: number | null): string {
  return share === null || Number.isNaN(share) ? '–' : `${(share * 100).toFixed(0)}%`;
}

/** A number with at most one decimal and thousands separators, or a dash. */
export function amount(value: number | null): string {
  return value === null || Number.isNaN(value) ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 });
}
