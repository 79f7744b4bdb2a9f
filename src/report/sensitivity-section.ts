/**
 * The report's sensitivity section: when the run folder has sensitivity.csv (an experiment made
 * with defineSensitivity), its tornado chart (one-at-a-time) or Morris μ*–σ chart, as
 * report/sensitivity-tornado.svg or report/sensitivity-morris.svg and on the page. Factor labels
 * and units come from the plan in the manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { SENSITIVITY_COLUMNS } from '../experiments/sensitivity/analyze.ts';
import type { FactorInfo } from '../experiments/sensitivity/plan.ts';
import { csvObjects, numberCell } from './csv-read.ts';
import type { PageChart } from './html.ts';
import { inlineSvg, renderSvg } from './render.ts';
import type { RunFolder } from './run-folder.ts';
import { morrisSpec, tornadoSpec, type MorrisMark, type TornadoBar } from './sensitivity-specs.ts';

/** The section's charts (for the page) and the SVG files written. */
export interface SensitivitySection {
  readonly charts: readonly PageChart[];
  readonly svgs: readonly string[];
}

const READING = {
  tornado:
    'One panel per output. For each factor, the blue bar is the change in the output when the factor is at its low end and the red bar at its high end, other factors at baseline: the mean paired difference over replications (common random numbers), with its 95% Student-t interval as a whisker. ' +
    'Factors are sorted by the size of high minus low, largest on top; a whisker that crosses zero means that end is not distinguishable from the baseline with these replications.',
  morris:
    'One panel per output, one point per factor. μ* (right) is the mean absolute elementary effect: how much the output moves when the factor moves across its range, in the output unit; the whisker is its 95% bootstrap interval over trajectories. ' +
    'σ (up) is how much that effect varies from one point of the input space to another: above the dashed line σ = μ* the factor acts mostly through non-linearity or interactions. Factors near the origin can be fixed at any value in their range.',
} as const;

/** A factor's label as shown: `label (low-high unit)`. */
function factorLabel(info: FactorInfo | undefined, id: string): string {
  if (info === undefined) return id;
  return `${info.label} (${info.low}–${info.high}${info.unit === '' ? '' : ` ${info.unit}`})`;
}

/**
 * Render the sensitivity charts of `run` into `out`/report/. Returns nothing to show when the run
 * has no sensitivity.csv.
 */
export async function sensitivitySection(run: RunFolder, out: string, onWarning?: (message: string) => void): Promise<SensitivitySection> {
  const file = path.join(run.dir, 'sensitivity.csv');
  if (!existsSync(file)) return { charts: [], svgs: [] };
  const rows = csvObjects(readFileSync(file, 'utf8'), SENSITIVITY_COLUMNS, 'sensitivity.csv');
  const factors = new Map((run.experiment.sensitivity?.factors ?? []).map((f) => [f.id, f]));
  const label = (id: string): string => factorLabel(factors.get(id), id);
  const outputs = [...new Set(rows.map((r) => r.output))];
  const charts: PageChart[] = [];
  const svgs: string[] = [];
  const emit = async (id: 'sensitivity-tornado' | 'sensitivity-morris', heading: string, reading: string, spec: Parameters<typeof renderSvg>[0]): Promise<void> => {
    const svg = await renderSvg(spec, onWarning);
    const svgFile = path.join(out, 'report', `${id}.svg`);
    writeFileAtomic(svgFile, svg);
    svgs.push(svgFile);
    charts.push({ id, heading, svg: inlineSvg(svg, id), reading });
  };
  const oat = rows.filter((r) => r.method === 'oat');
  if (oat.length > 0) {
    const bars: TornadoBar[] = oat.flatMap((r): TornadoBar[] => {
      const end = r.statistic === 'low_minus_baseline' ? 'low' : r.statistic === 'high_minus_baseline' ? 'high' : null;
      const effect = numberCell(r.value);
      if (end === null || effect === null) return [];
      return [{ output: r.output, factor: label(r.factor), end, effect, ci95Low: numberCell(r.ci95_low), ci95High: numberCell(r.ci95_high) }];
    });
    // Rows of sensitivity.csv are already ranked by |high - low| within each output.
    const order = new Map(outputs.map((o) => [o, [...new Set(oat.filter((r) => r.output === o).map((r) => label(r.factor)))]]));
    await emit('sensitivity-tornado', 'Sensitivity: one-at-a-time (tornado)', READING.tornado, tornadoSpec(bars, order));
  }
  const morris = rows.filter((r) => r.method === 'morris');
  if (morris.length > 0) {
    const marks: MorrisMark[] = morris.filter((r) => r.statistic === 'mu_star').flatMap((r): MorrisMark[] => {
      const muStar = numberCell(r.value);
      const sigma = numberCell(morris.find((s) => s.output === r.output && s.factor === r.factor && s.statistic === 'sigma')?.value);
      if (muStar === null || sigma === null) return [];
      return [{ output: r.output, factor: factors.get(r.factor)?.label ?? r.factor, muStar, sigma, ci95Low: numberCell(r.ci95_low), ci95High: numberCell(r.ci95_high) }];
    });
    await emit('sensitivity-morris', 'Sensitivity: Morris elementary effects', READING.morris, morrisSpec(marks, outputs));
  }
  return { charts, svgs };
}
