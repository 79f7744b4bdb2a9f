/**
 * The map's legend, in one row under the large map: the utilization scale (with the grey of
 * stages that have no capacity measure), line widths for throughput in FEU per week, and the
 * symbols for leg and node kinds and the bottleneck.
 */
import { LEG_KINDS, NODE_KINDS } from '../../corridor/kinds/registry.ts';
import { NO_DATA_COLOUR, utilizationColour } from './colour.ts';
import { legStrokes, nodeShape } from './panel.ts';
import { px, text } from './svg.ts';

/** Height of the legend row, pixels. */
export const LEGEND_HEIGHT = 96;

/** Round `value` down to 1, 2 or 5 times a power of ten (legend steps). */
export function niceFloor(value: number): number {
  if (!(value > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const unit = value / power;
  return (unit >= 5 ? 5 : unit >= 2 ? 2 : 1) * power;
}

/** A short sample of a leg line, `w` pixels wide, from x to x + length at height y. */
function sample(x: number, y: number, length: number, w: number, colour: string, kind = 'rail'): string {
  return legStrokes(kind, `M${px(x)},${px(y)}L${px(x + length)},${px(y)}`, w, colour);
}

/**
 * The legend as SVG in its own pixels (origin top left, `width` wide). `widths` are the throughput
 * values to show (FEU per week) and `legWidth` the stroke width of each; `gradientId` must be
 * unique in the document.
 */
export function legendSvg(width: number, widths: readonly number[], legWidth: (feuPerWeek: number) => number, gradientId: string): string {
  const out: string[] = [];
  // Utilization: a gradient with ticks, and the grey of no data.
  const barW = 250;
  const stops = Array.from({ length: 11 }, (_, i) => `<stop offset="${i * 10}%" stop-color="${utilizationColour(i / 10)}"/>`).join('');
  out.push(`<defs><linearGradient id="${gradientId}" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient></defs>`);
  out.push(text(0, 9, 'Utilization: share of capacity busy (%)', { size: 12, bold: true }));
  out.push(`<rect x="0" y="22" width="${barW}" height="14" fill="url(#${gradientId})" stroke="#2b2b2b" stroke-width="0.6"/>`);
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<path d="M${px(t * barW)},36L${px(t * barW)},40" stroke="#2b2b2b"/>`);
    out.push(text(t * barW, 49, `${t * 100}%`, { size: 11, anchor: t === 0 ? 'start' : t === 1 ? 'end' : 'middle' }));
  }
  out.push(`<rect x="0" y="64" width="26" height="14" fill="${NO_DATA_COLOUR}" stroke="#2b2b2b" stroke-width="0.6"/>`);
  out.push(text(32, 71, 'no capacity measure (liner sailings)', { size: 11 }));

  // Throughput: line widths.
  const x0 = Math.round(width * 0.3);
  out.push(text(x0, 9, 'Throughput (FEU/week)', { size: 12, bold: true }));
  widths.forEach((v, i) => {
    const y = 30 + i * 19;
    out.push(sample(x0, y, 44, legWidth(v), utilizationColour(0.5)));
    out.push(text(x0 + 54, y, `${v.toLocaleString('en-US')} FEU/week`, { size: 11 }));
  });

  // Symbols.
  const x1 = Math.round(width * 0.53);
  out.push(text(x1, 9, 'Legs and nodes', { size: 12, bold: true }));
  Object.keys(LEG_KINDS).forEach((kind, i) => {
    const y = 30 + i * 19;
    out.push(sample(x1, y, 44, 3, '#7a7a7a', kind));
    out.push(text(x1 + 54, y, `${kind} leg`, { size: 11 }));
  });
  const x2 = x1 + 150;
  Object.keys(NODE_KINDS).forEach((kind, i) => {
    const y = 30 + i * 19;
    out.push(nodeShape(kind, x2 + 6, y, 5, '#ffffff'));
    out.push(text(x2 + 18, y, kind === 'yard' ? 'yard (border, gauge change)' : `${kind} (port, rail hub)`, { size: 11 }));
  });
  const yRing = 30 + Object.keys(NODE_KINDS).length * 19 + 4;
  out.push(`<circle cx="${x2 + 6}" cy="${yRing}" r="9" fill="none" stroke="#000" stroke-width="2.2"/>`);
  out.push(text(x2 + 22, yRing, 'bottleneck: largest share of all waiting time', { size: 11 }));
  return out.join('');
}
