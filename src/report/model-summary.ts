/**
 * The text summary `corridor-sim validate` prints for a valid model: its network at a glance,
 * in the units people quote (FEU, hours or days, per day or per week), so that a typo that is
 * valid YAML but wrong by a factor (a ferry of 3,000 FEU, a 3-hour rail leg) stands out.
 */
import path from 'node:path';
import type { CompiledLeg, CompiledModel, CompiledNode, DisruptionTiming } from '../corridor/compiled.ts';
import { formatHours, round } from '../corridor/kinds/describe-format.ts';
import { legKind, nodeKind } from '../corridor/kinds/registry.ts';
import { textTable } from '../output/text-table.ts';
import { SimCalendar } from '../resources/index.ts';

const HOURS_PER_WEEK = 168;

export { formatHours } from '../corridor/kinds/describe-format.ts';

function nodeRow(node: CompiledNode): string[] {
  const d = nodeKind(node.kind).describe(node);
  return [node.id, node.kind, node.country ?? '', d.capacity, d.times];
}

function legRow(leg: CompiledLeg): string[] {
  const d = legKind(leg.kind).describe(leg);
  return [leg.id, leg.kind, `${leg.from} -> ${leg.to}`, d.capacity, d.departs, d.times];
}

/** `2 rail, 1 ferry`; with `plural`, nouns get an s: `5 terminals, 1 yard`. */
const counted = (items: readonly string[], plural = false): string => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}${plural && n !== 1 ? 's' : ''}`).join(', ');
};

/** The summary of a valid model, as printed by `corridor-sim validate`. */
export function formatModelSummary(model: CompiledModel): string {
  const nodes = [...model.nodes.values()];
  const legs = [...model.legs.values()];
  const routes = [...model.routes.values()];
  const demandByRoute = new Map<string, number>();
  for (const d of model.demand) for (const c of d.choices) demandByRoute.set(c.route, (demandByRoute.get(c.route) ?? 0) + d.feuPerHour * c.share * HOURS_PER_WEEK);
  const total = [...demandByRoute.values()].reduce((s, v) => s + v, 0);
  const left = (header: string): { header: string; align: 'left'; value: (row: string[]) => string } => ({ header, align: 'left', value: () => '' });
  const columns = (headers: readonly string[]): ReturnType<typeof left>[] => headers.map((h, i) => ({ ...left(h), value: (row: string[]) => row[i] ?? '' }));
  const lines = [
    `Model ${model.id}: ${model.title}`,
    // A scenario's combined overrides are a virtual file (<scenario ...>.yaml): not worth showing.
    `Files: ${model.source.files.filter((f) => !path.basename(f).startsWith('<')).map((f) => path.relative(process.cwd(), f) || f).join(', ')}; time 0 is ${model.startDate}`,
    '',
    `Nodes: ${nodes.length} (${counted(nodes.map((n) => n.kind), true)})`,
    textTable(columns(['node', 'kind', 'country', 'capacity', 'times (means)']), nodes.map(nodeRow)),
    '',
    `Legs: ${legs.length} (${counted(legs.map((l) => l.kind))})`,
    textTable(columns(['leg', 'kind', 'from -> to', 'capacity', 'departs', 'times (means)']), legs.map(legRow)),
    '',
    `Routes: ${routes.length}; demand ${round(total)} FEU/week in all`,
    textTable(
      [...columns(['route', 'mode', 'stages', 'legs by mode']), { header: 'demand FEU/week', value: (row: string[]) => row[4] ?? '' }],
      routes.map((r) => {
        const legKinds = r.stages.filter((s) => s.kind === 'leg').map((s) => model.legs.get(s.id)?.kind ?? '?');
        const nodeCount = r.stages.length - legKinds.length;
        const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
        return [r.id, r.mode, `${r.stages.length} (${plural(nodeCount, 'node')}, ${plural(legKinds.length, 'leg')})`, counted(legKinds), round(demandByRoute.get(r.id) ?? 0)];
      }),
    ),
    '',
    ...sharing(model),
    ...disruptionLines(model),
  ];
  return lines.join('\n');
}

function timingText(timing: DisruptionTiming, startDate: string): string {
  const date = (hours: number): string => new SimCalendar(startDate).dateAt(hours).toISOString().slice(0, 10);
  switch (timing.kind) {
    case 'weather':
      return `weather ${timing.driver}`;
    case 'random':
      return `random, ${formatHours(timing.duration.mean)} long, base gap ${formatHours(timing.between.mean)}${timing.seasonality !== undefined ? ', seasonal' : ''}`;
    case 'window':
      return `${date(timing.start)} to ${date(timing.end)}${timing.repeatEvery !== undefined ? ' every year' : ''}`;
  }
}

/** Weather drivers, disruptions of each node and leg, background traffic and assumed capacities. */
function disruptionLines(model: CompiledModel): string[] {
  const out: string[] = [];
  for (const w of model.weather.values()) {
    out.push(`Weather ${w.id}: episodes ${formatHours(w.duration.mean)} long, base gap ${formatHours(w.between.mean)}${w.seasonality !== undefined ? ', seasonal' : ''}; ${round(100 * w.correlation)}% of episodes sea-wide`);
  }
  const places = [...model.nodes.values(), ...model.legs.values()];
  const rows = places.flatMap((p) =>
    p.disruptions.map((d) => {
      const effect = d.effect === 'reduced' ? `capacity x ${round(d.factor)}` : d.effect === 'repair' ? `${d.units} in repair` : d.scope === 'waterside' ? 'waterside closed' : 'closed';
      return [p.id, effect, timingText(d.timing, model.startDate), d.reason];
    }),
  );
  if (rows.length > 0) {
    const header = ['place', 'effect', 'when', 'reason'];
    out.push('', `Disruptions: ${rows.length}`, textTable(header.map((h, i) => ({ header: h, align: 'left' as const, value: (row: string[]) => row[i] ?? '' })), rows));
  }
  if (model.background.length > 0) {
    out.push('', `Background traffic (takes capacity, not in the study's statistics): ${model.background.length} flows`);
    for (const b of model.background) {
      const perWeek = b.arrivalsPerHour * HOURS_PER_WEEK;
      const what = b.feuPerArrival === 1 ? `${round(perWeek)} FEU-eq/week` : `${round(perWeek)} trains/week of ${round(b.feuPerArrival)} FEU-eq`;
      out.push(`  ${b.id} at ${b.at}: ${what}, ${b.direction}`);
    }
  }
  const assumed = places.filter((p) => p.capacityAssumption === 'non-binding').map((p) => p.id);
  if (assumed.length > 0) out.push('', `Capacities assumed non-binding (a run warns if they bind): ${assumed.join(', ')}`);
  return out;
}

/** Rail lines shared by several legs, and stages on several routes: where flows contend. */
function sharing(model: CompiledModel): string[] {
  const lines = new Map<string, string[]>();
  for (const leg of model.legs.values()) if (leg.kind === 'rail') lines.set(leg.line, [...(lines.get(leg.line) ?? []), leg.id]);
  const shared = [...lines].filter(([, legs]) => legs.length > 1);
  const out = [shared.length === 0 ? 'Line sharing: no rail line is shared by two legs.' : 'Line sharing (legs that share train paths):'];
  for (const [line, legs] of shared) out.push(`  ${line}: ${legs.join(', ')}`);
  const uses = new Map<string, number>();
  for (const route of model.routes.values()) for (const stage of new Set(route.stages.map((s) => s.id))) uses.set(stage, (uses.get(stage) ?? 0) + 1);
  const common = [...uses].filter(([, n]) => n > 1);
  out.push(
    common.length === 0
      ? 'Shared stages: no node or leg is on two routes.'
      : `Shared stages (routes contend for their capacity): ${common.map(([id, n]) => `${id} (${n} routes)`).join(', ')}`,
  );
  return out;
}
