/**
 * Where each map label goes. Nodes crowd together around the Caspian and the Turkish border, so
 * labels are placed greedily: each takes the first of eight positions around its point that
 * overlaps nothing already placed (labels, points) and stays inside the plot, or else the one
 * that overlaps least. Widths come from the same font metrics the renderer uses.
 */
import { textWidth } from './text-width.ts';

/** A position around a point: offsets in pixels (times the label's gap) and text alignment. */
export interface Placement {
  readonly name: string;
  readonly dx: number;
  readonly dy: number;
  readonly align: 'left' | 'right' | 'center';
}

/** The candidate positions, in order of preference (right of the point first, as maps do). */
export const PLACEMENTS: readonly Placement[] = [
  { name: 'e', dx: 7, dy: 0, align: 'left' },
  { name: 'ne', dx: 5, dy: -9, align: 'left' },
  { name: 'se', dx: 5, dy: 9, align: 'left' },
  { name: 'w', dx: -7, dy: 0, align: 'right' },
  { name: 'nw', dx: -5, dy: -9, align: 'right' },
  { name: 'sw', dx: -5, dy: 9, align: 'right' },
  { name: 'n', dx: 0, dy: -11, align: 'center' },
  { name: 's', dx: 0, dy: 11, align: 'center' },
];

/** A label to place at a point given in pixels. */
export interface LabelRequest {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly fontSize: number;
  readonly bold?: boolean;
  /** Multiplies the offsets (a label beside a big symbol keeps its distance). */
  readonly gap?: number;
}

/** A label's extent in pixels. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The extent of `request` drawn at placement `p`. */
export function labelBox(request: LabelRequest, p: Placement): Box {
  const width = textWidth(request.text, request.fontSize, request.bold === true);
  const gap = request.gap ?? 1;
  const x = request.x + p.dx * gap;
  const y = request.y + p.dy * gap;
  const x0 = p.align === 'left' ? x : p.align === 'right' ? x - width : x - width / 2;
  return { x0, y0: y - request.fontSize / 2, x1: x0 + width, y1: y + request.fontSize / 2 };
}

/** Overlapping area of two boxes, square pixels. */
export const overlap = (a: Box, b: Box): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * A placement for each request, in request order (earlier requests get the better spots).
 * `points` are obstacles (the drawn symbols), `width` and `height` the plot in pixels.
 */
export function placeLabels(requests: readonly LabelRequest[], points: readonly { x: number; y: number }[], width: number, height: number): Map<string, Placement> {
  const taken: Box[] = points.map((p) => ({ x0: p.x - 5, y0: p.y - 5, x1: p.x + 5, y1: p.y + 5 }));
  const out = new Map<string, Placement>();
  for (const request of requests) {
    let best: { placement: Placement; box: Box; cost: number } | undefined;
    for (const placement of PLACEMENTS) {
      const box = labelBox(request, placement);
      const outside = (box.x1 - box.x0) * (box.y1 - box.y0) - overlap(box, { x0: 0, y0: 0, x1: width, y1: height });
      const cost = taken.reduce((sum, t) => sum + overlap(box, t), 0) + 10 * outside;
      if (best === undefined || cost < best.cost) best = { placement, box, cost };
      if (cost === 0) break;
    }
    if (best !== undefined) {
      out.set(request.id, best.placement);
      taken.push(best.box);
    }
  }
  return out;
}
