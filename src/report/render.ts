/**
 * Vega-Lite to SVG in Node: compile to Vega, run a headless view (renderer 'none': no canvas,
 * no DOM) and serialise its scenegraph with Vega's own SVG renderer. `inlineSvg` adapts the
 * result for embedding several charts in one HTML page.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { useFontMetrics } from './text-width.ts';

/**
 * Render a Vega-Lite specification to a standalone SVG document (text). Compiler and view
 * warnings (a channel dropped for want of data, say) go to `onWarning` rather than the console.
 */
export async function renderSvg(spec: TopLevelSpec, onWarning: (message: string) => void = () => {}): Promise<string> {
  useFontMetrics();
  const logger = vega.logger(vega.Warn, 'warn', (_method, _level, args) => onWarning(args.map(String).join(' ')));
  const compiled = compile(spec, { logger });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', logger });
  try {
    return hoverTitles(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Hover values for a reader: Vega writes each mark item's description (its encoded values, e.g.
 * "scenario: us-20; FEU per week: 291") as an `aria-label` for screen readers, which a browser
 * does not show on hover; an SVG `<title>` child is what it shows. So every mark item
 * (`role="graphics-symbol"`) with a label gets its label as a title too.
 */
export function hoverTitles(svg: string): string {
  return svg.replace(/<(path|rect|circle|line|text|image|ellipse|polygon)(\s[^>]*?role="graphics-symbol"[^>]*?)(\/?)>/g, (whole, tag: string, attrs: string, selfClosing: string) => {
    const label = /\saria-label="([^"]*)"/.exec(attrs)?.[1];
    if (label === undefined || label === '') return whole;
    return selfClosing === '/' ? `<${tag}${attrs}><title>${label}</title></${tag}>` : `${whole}<title>${label}</title>`;
  });
}

/**
 * The SVG made fit to sit inline in an HTML page beside other charts: every `id` (Vega names
 * clip paths clip1, clip2, ... in each chart) gets `prefix`, and so does every reference to it,
 * so that one chart never clips with another's path; the namespace declarations go, since HTML
 * puts inline <svg> in the SVG namespace by itself (and the page then holds no URL at all).
 */
export function inlineSvg(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
  let out = svg.replace(/\s+xmlns(:xlink)?="[^"]*"/g, '');
  for (const id of ids) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`(\\sid=")${escaped}"`, 'g'), `$1${prefix}-${id}"`)
      .replace(new RegExp(`url\\(#${escaped}\\)`, 'g'), `url(#${prefix}-${id})`)
      .replace(new RegExp(`(href=")#${escaped}"`, 'g'), `$1#${prefix}-${id}"`);
  }
  return out;
}
