/**
 * `writeReport(runDir)`: the report of a finished run, as report.html (self-contained) and
 * report/<chart>.svg in the run folder. It opens with the answer (the study's key table, or the
 * run's key metrics, with intervals), then: capacity (delivered against offered), where the
 * queues build (heat map by stage and scenario, bottleneck ranking with intervals), queues over
 * time at the worst stages, transit times (ECDFs and a p10/p50/p90 table with intervals), the
 * network map, weekly throughput per route; then the scenario comparison table.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../experiments/assemble.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { checkOutputFile, checkOutputFolder } from '../output/output-paths.ts';
import { averageSeries, metricMean, rankBottlenecks, stageFacts } from './aggregate.ts';
import { type AnswerTable, genericAnswer, readKeyTable } from './answer-table.ts';
import { capacityPoints, capacitySpec, capacityTakeaway } from './capacity-spec.ts';
import { BUSY_UTILIZATION, heatmapSpec, rankingSpec, type StageCell, stageCells, stagesByWaitShare, worstStages } from './stage-specs.ts';
import { transitRows, transitTableHtml } from './transit-table.ts';
import { keyComparisons } from './comparison-table.ts';
import { reportHtml, type PageChart } from './html.ts';
import { layoutNetwork } from './layout.ts';
import { mapSpec } from './map-spec.ts';
import { outputAnalysisFacts, replicationsFact } from './output-analysis-facts.ts';
import { worldMapFigure } from './world-map/index.ts';
import { inlineSvg, renderSvg } from './render.ts';
import { ReportError } from './report-error.ts';
import { readRunFolder, type RunFolder } from './run-folder.ts';
import { sensitivitySection } from './sensitivity-section.ts';
import { queueSpec, throughputSpec, transitSpec } from './series-specs.ts';
import { validationSection } from '../validation/report-section.ts';

/** Options of `writeReport`. */
export interface ReportOptions {
  /** Stage ids for the queue chart (default: the four with the largest baseline share of waiting). */
  readonly stages?: readonly string[];
  /** Where report.html and report/ go (default: the run folder). */
  readonly out?: string;
  /** Receives Vega-Lite's warnings (default: ignored). */
  readonly onWarning?: (message: string) => void;
  /**
   * Files of the run folder this process has just written, by name, with their exact text
   * (`ExperimentRun.written`): read from here instead of from disk. Default: none.
   */
  readonly written?: ReadonlyMap<string, string>;
}

/** The files written: report.html and the SVG of each chart, as paths under the output folder. */
export interface WrittenReport {
  readonly html: string;
  readonly svgs: readonly string[];
}

/** How many stages the queue chart shows by default. */
export const DEFAULT_QUEUE_STAGES = 4;

const READING = {
  capacity:
    'One point per scenario: what the Middle Corridor was offered (cargo assigned to its routes) against what it delivered, both in FEU per week. ' +
    'On the dashed diagonal it carries everything offered; below it, cargo queues or is left at the horizon: where points bend away from the diagonal is its capacity.',
  heatmap:
    'Rows are the stages with the most waiting (or busier than 85% somewhere), worst first; columns are scenarios. ' +
    'A dark cell is a capacity near its limit; a large number is a long wait. Compare along a row to see what a scenario does to that stage.',
  ranking:
    'Share of all container waiting hours in the network spent at each stage, per scenario. ' +
    'Stages whose intervals overlap cannot be ranked apart with these replications.',
  map:
    'Each point is a node (circle: port or terminal; square: border crossing or gauge-change yard), each line a leg (solid: rail; dotted: ferry; dashed: sea). ' +
    'Colour is the mean utilization in the baseline: the share of its cranes, tracks, vessels or train paths that was busy; grey means the stage has no such capacity. ' +
    'The ring marks the worst bottleneck: the stage where containers spent the largest share of all waiting time.',
  throughput:
    'One panel per route, one colour per scenario. The line is the mean over replications of the FEU delivered in each week; the shaded band is its 95% confidence interval. ' +
    'Each panel has its own vertical scale; dips that line up across routes share a cause upstream (a storm on the Caspian, a congested border).',
  transit:
    'Read across at 50% for the median transit time and at 95% for the time within which 95% of containers arrive. A curve further left is faster; a steeper curve is more reliable. ' +
    'Each panel has its own time axis.',
  queue:
    'The stages with the largest share of waiting time in the baseline (others can be chosen with corridor-sim report --stages). ' +
    'The line is the time-average number of FEU waiting in each week, mean over replications, with its 95% confidence band.',
} as const;

/** Ids in `order` first (model order), then any others in first-seen order. */
function ordered(ids: Iterable<string>, order: readonly string[]): string[] {
  const present = new Set(ids);
  return [...order.filter((id) => present.has(id)), ...[...present].filter((id) => !order.includes(id))];
}

/** One chart of the report before rendering. */
export interface ChartSpec {
  /** File stem and section id: map, throughput, transit, queue. */
  readonly id: keyof typeof READING;
  readonly heading: string;
  readonly reading: string;
  /** What it shows, one line computed from the data. */
  readonly takeaway: string;
  readonly spec: TopLevelSpec;
  /** HTML under the chart (a table of the same numbers), if any. */
  readonly extra?: string;
}

/** What the report shows: chart specifications, notes on charts left out, the bottleneck ranking. */
export interface ReportPlan {
  readonly specs: readonly ChartSpec[];
  readonly notes: readonly string[];
  /** Stage ids by baseline share of waiting time, largest first. */
  readonly bottlenecks: readonly string[];
  /** The table the page opens with. */
  readonly answer: AnswerTable;
}

/** The stages of the queue chart: each scenario's two worst by share of waiting, then stages busier than 85% anywhere, at most six. */
export function queueStages(cells: readonly StageCell[], scenarios: readonly string[]): string[] {
  const chosen: string[] = [];
  for (const scenario of scenarios) {
    for (const c of stagesByWaitShare(cells, scenario).slice(0, 2)) if (!chosen.includes(c.stage)) chosen.push(c.stage);
  }
  for (const c of cells) if ((c.utilization ?? 0) > BUSY_UTILIZATION && !chosen.includes(c.stage)) chosen.push(c.stage);
  return chosen.slice(0, DEFAULT_QUEUE_STAGES + 2);
}

/** The chart specifications of a run. @throws ReportError if `stages` names a stage the run lacks. */
export function reportSpecs(run: RunFolder, options: Pick<ReportOptions, 'stages'> = {}): ReportPlan {
  const { experiment, model, summary, series } = run;
  const scenarios = experiment.scenarios.map((s) => s.id);
  const stageIds = [...model.nodes.keys(), ...model.legs.keys()];
  const facts = stageFacts(summary, experiment.baseline, stageIds);
  const ranked = rankBottlenecks(facts);
  const bottlenecks = ranked.map((f) => f.id);
  const chart = (id: ChartSpec['id'], heading: string, takeaway: string, spec: TopLevelSpec, extra?: string): ChartSpec => ({ id, heading, reading: READING[id], takeaway, spec, ...(extra !== undefined ? { extra } : {}) });
  const specs: ChartSpec[] = [];
  const cells = stageCells(summary, scenarios, stageIds);
  const answer = readKeyTable(run.dir) ?? genericAnswer(summary, scenarios, cells);

  // Capacity: where does the Middle Corridor stop growing?
  const capacity = capacityPoints(summary, scenarios);
  if (capacity.length > 0) {
    const takeaway = capacityTakeaway(capacity);
    specs.push(chart('capacity', 'Capacity of the Middle Corridor', takeaway, capacitySpec(capacity, scenarios, takeaway)));
  }
  // Where the queues build: every scenario's stages, then the ranking with intervals.
  const worst = worstStages(cells);
  if (worst.length > 0) {
    const busiest = [...cells].filter((c) => c.utilization !== null).sort((a, b) => (b.utilization ?? 0) - (a.utilization ?? 0))[0];
    const heatTakeaway = busiest === undefined ? '' : `Busiest: ${busiest.stage} at ${((busiest.utilization ?? 0) * 100).toFixed(0)}% in ${busiest.scenario}${busiest.meanWaitHours === null ? '' : ` (mean wait ${busiest.meanWaitHours.toFixed(1)} h)`}.`;
    specs.push(chart('heatmap', 'Where the queues build', heatTakeaway, heatmapSpec(cells, worst, scenarios, heatTakeaway)));
    const top = ranked[0];
    const rankTakeaway = top === undefined ? '' : `In the baseline, ${top.id} holds ${((top.waitShare ?? 0) * 100).toFixed(0)}% of all waiting time.`;
    specs.push(chart('ranking', 'Bottleneck ranking', rankTakeaway, rankingSpec(cells, worst.slice(0, 8), scenarios, rankTakeaway)));
  }
  const notes: string[] = bindingWarnings(summary, scenarios);
  const mapTakeaway = ranked[0] === undefined ? '' : `The worst bottleneck in the baseline is ${ranked[0].id}.`;
  const mapChart = chart('map', 'Corridor network', mapTakeaway, mapSpec({ layout: layoutNetwork(model), facts: new Map(facts.map((f) => [f.id, f])), bottleneck: ranked[0] ?? null, modelTitle: model.title }));
  if (series.isEmpty) {
    specs.push(mapChart);
    notes.push('This run has no series.csv (it was made before series were recorded): the throughput, transit and queue charts are left out. Re-run it to get them.');
    return { specs, notes, bottlenecks, answer };
  }
  const routeOrder = [...model.routes.keys()];

  const recorded = new Set(series.keys('stage_weekly_queue_feu'));
  const unknown = (options.stages ?? []).filter((id) => !recorded.has(id));
  if (unknown.length > 0) throw new ReportError(`--stages: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a stage of this run (stages: ${[...recorded].join(', ')})`);
  const chosen = options.stages ?? queueStages(cells, scenarios).filter((id) => recorded.has(id));
  if (chosen.length === 0) notes.push('No stage had waiting containers: the queue chart is left out.');
  else {
    const queue = averageSeries(series, 'stage_weekly_queue_feu', new Set(chosen));
    const peak = [...queue].sort((a, b) => b.mean - a.mean)[0];
    const queueTakeaway = peak === undefined ? '' : `Longest weekly queue: ${peak.mean.toFixed(0)} FEU at ${peak.key} in week ${peak.x} of ${peak.scenario}.`;
    specs.push(chart('queue', 'Queues over time at the worst stages', queueTakeaway, queueSpec(queue, { scenarios, keys: [...chosen] }, experiment.replications)));
  }

  const transit = averageSeries(series, 'route_transit_h');
  const transitRoutes = ordered(transit.map((p) => p.key), routeOrder);
  const rows = transitRows(series, transitRoutes, scenarios);
  const slowest = [...rows].filter((r) => r.scenario === experiment.baseline).sort((a, b) => (b.quantiles[1]?.mean ?? 0) - (a.quantiles[1]?.mean ?? 0))[0];
  const transitTakeaway = slowest === undefined ? '' : `Slowest route in the baseline: ${slowest.route}, median ${slowest.quantiles[1]?.mean.toFixed(1) ?? '–'} days (p90 ${slowest.quantiles[2]?.mean.toFixed(1) ?? '–'}).`;
  specs.push(chart('transit', 'Transit times', transitTakeaway, transitSpec(transit, { scenarios, keys: transitRoutes }), transitTableHtml(rows)));

  specs.push(mapChart);
  const weekly = averageSeries(series, 'route_weekly_feu').filter((p, _i, all) => all.some((q) => q.key === p.key && q.mean > 0));
  const routes = ordered(weekly.map((p) => p.key), routeOrder);
  specs.push(chart('throughput', 'Throughput per week (detail)', '', throughputSpec(weekly, { scenarios, keys: routes }, experiment.replications)));
  return { specs, notes, bottlenecks, answer };
}

/**
 * One warning per scenario and stage whose capacity the model assumes non-binding but bound in
 * some replications (metric `binding_warning`, 1 when it bound; its mean is the share).
 */
export function bindingWarnings(summary: readonly SummaryRow[], scenarios: readonly string[]): string[] {
  const out: string[] = [];
  for (const row of summary) {
    const match = /^stage\.(.+)\.binding_warning$/.exec(row.metric);
    if (match === null || row.mean === null || row.mean <= 0 || !scenarios.includes(row.scenario)) continue;
    const stage = match[1] as string;
    const utilization = metricMean(summary, row.scenario, `stage.${stage}.utilization`);
    const busy = utilization === null ? '' : `, mean utilization ${(utilization * 100).toFixed(0)}%`;
    out.push(
      `Warning: ${stage} is marked capacityAssumption: non-binding, but its capacity bound in ${(row.mean * 100).toFixed(0)}% of the replications of scenario ${row.scenario}${busy}. ` +
        'Its assumed capacity, not data, shapes the results there.',
    );
  }
  return out;
}

/** Header facts: what ran, with which seed, for how long. */
function facts(run: RunFolder): [string, string][] {
  const { experiment, manifest } = run;
  const days = (hours: number): string => `${(hours / 24).toLocaleString('en-US', { maximumFractionDigits: 2 })} days`;
  return [
    ['run', `${manifest.runId} (${manifest.kind}), finished ${manifest.finishedAt}`],
    ['experiment file', manifest.experimentFile ?? '(programmatic run)'],
    ['model', `${run.model.title} (${experiment.scenarios.find((s) => s.id === experiment.baseline)?.model ?? ''})`],
    ['scenarios', experiment.scenarios.map((s) => (s.id === experiment.baseline ? `${s.id} (baseline)` : s.id)).join(', ')],
    ['seed', String(experiment.seed)],
    replicationsFact(run),
    ['warm-up, horizon', `${days(experiment.warmupHours)} discarded, then ${days(experiment.horizonHours)} measured`],
    // Output analysis (src/report/output-analysis-facts.ts): warm-up chosen and the not-steady flag, precision reached, batch means.
    ...outputAnalysisFacts(run),
    ['tool', `${manifest.tool} ${manifest.version}${manifest.gitCommit === null ? '' : `, commit ${manifest.gitCommit.slice(0, 12)}`}`],
  ];
}

/**
 * Write report.html and report/<chart>.svg for the run in `runDir`.
 * @throws ReportError if `runDir` is not a complete run, or an option names what the run lacks;
 *   OutputPathError if report/ or report.html cannot be written there.
 */
export async function writeReport(runDir: string, options: ReportOptions = {}): Promise<WrittenReport> {
  const run = readRunFolder(runDir, options.written);
  const { specs, notes, bottlenecks, answer } = reportSpecs(run, options);
  const out = options.out ?? runDir;
  // Before rendering (seconds of Vega): report/ or report.html that cannot be written is bad input.
  const where = options.out !== undefined ? 'option --out' : 'report folder';
  checkOutputFolder(path.join(out, 'report'), where);
  checkOutputFile(path.join(out, 'report.html'), where, true);
  mkdirSync(path.join(out, 'report'), { recursive: true });
  const charts: PageChart[] = [];
  const svgs: string[] = [];
  for (const { id, heading, reading, takeaway, spec, extra } of specs) {
    // The map with countries and sea lanes (src/report/world-map/) when every node has a position; else the schematic spec.
    const world = id === 'map' ? worldMapFigure(run) : null;
    const svg = world?.svg ?? (await renderSvg(spec, options.onWarning));
    const file = path.join(out, 'report', `${id}.svg`);
    writeFileAtomic(file, svg);
    svgs.push(file);
    charts.push({ id, heading, svg: inlineSvg(svg, id), reading: world?.reading ?? reading, takeaway, ...(extra !== undefined ? { extra } : {}) });
  }
  // Sensitivity section (src/report/sensitivity-section.ts): only when the run has sensitivity.csv.
  const sensitivity = await sensitivitySection(run, out, options.onWarning);
  charts.push(...sensitivity.charts);
  svgs.push(...sensitivity.svgs);
  const html = reportHtml({
    title: `${run.experiment.name}: report`,
    description: run.experiment.description ?? null,
    facts: facts(run),
    charts,
    notes,
    baseline: run.experiment.baseline,
    answer,
    comparison: keyComparisons(run.comparison, bottlenecks.slice(0, 3)),
    // Validation against published figures: only when the run folder has validation.csv.
    validation: validationSection(runDir),
  });
  const htmlFile = path.join(out, 'report.html');
  writeFileAtomic(htmlFile, html);
  return { html: htmlFile, svgs };
}
