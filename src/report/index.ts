/**
 * The report of a finished run (`corridor-sim report <run dir>`): report.html, self-contained,
 * and each chart as report/<chart>.svg.
 *
 *     import { writeReport } from './src/report/index.ts';
 *     const { html, svgs } = await writeReport('results/caspian-capacity/20261122T134500Z');
 */
export { writeReport, reportSpecs, DEFAULT_QUEUE_STAGES } from './write-report.ts';
export type { ChartSpec, ReportOptions, ReportPlan, WrittenReport } from './write-report.ts';
export { readRunFolder } from './run-folder.ts';
export type { RunFolder } from './run-folder.ts';
export { SeriesTable, type SeriesPoint } from './series-table.ts';
export { ReportError } from './report-error.ts';
