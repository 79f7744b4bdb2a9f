/**
 * The text summary `corridor-sim validate` prints for a valid model: its network at a glance,
 * in the units people quote (FEU, hours or days, per day or per week), so that a typo that is
 * valid YAML but wrong by a factor (a ferry of 3,000 FEU, a 3-hour rail leg) stands out.
 */
import path from 'node:path';
import type { CompiledLeg, CompiledModel, CompiledNode } from '../corridor/compiled.ts';
import type { DeparturePolicy } from '../resources/index.ts';
import { textTable } from '../output/text-table.ts';

const HOURS_PER_WEEK = 168;

/** A duration for people: hours below two days, days above. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return '';
  return hours < 48 ? `${round(hours)} h` : `${round(hours / 24)} days`;
}

/** Three significant digits at most, without trailing zeros. */
function round(value: number): string {
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function policyText(policy: DeparturePolicy): string {
  switch (policy.kind) {
    case 'whenFull':
      return 'when full';
    case 'fullOrMaxWait':
      return `when full or after ${formatHours(policy.maxWait)}${(policy.minLoad ?? 1) > 1 ? ` (min ${policy.minLoad} FEU)` : ''}`;
    case 'timetable': {
      const perWeek = policy.period !== undefined ? (policy.times.length * HOURS_PER_WEEK) / policy.period : policy.times.length;
      return policy.period !== undefined ? `timetable, ${round(perWeek)}/week` : `timetable, ${policy.times.length} in all`;
    }
  }
}

function nodeRow(node: CompiledNode): string[] {
  if (node.kind === 'terminal') {
    const extras = [
      node.dwell !== undefined ? `dwell ${formatHours(node.dwell.mean)}` : '',
      node.customs !== undefined ? `customs ${formatHours(node.customs.mean)}` : '',
      node.gateHeadway !== undefined ? `gate ${round(24 / node.gateHeadway)} FEU/day` : '',
    ].filter((t) => t !== '');
    return [node.id, node.kind, node.country ?? '', `${node.servers} server${node.servers === 1 ? '' : 's'}`, [`handling ${formatHours(node.handling.mean)}/FEU`, ...extras].join(', ')];
  }
  const trains = node.minHeadway !== undefined ? `, ${round(24 / node.minHeadway)} trains/day` : '';
  const west = formatHours(node.processing.westbound.mean);
  return [node.id, node.kind, node.country ?? '', `${node.tracks} track${node.tracks === 1 ? '' : 's'}${trains}`, `processing ${west}/train westbound`];
}

function legRow(leg: CompiledLeg): string[] {
  const ends = `${leg.from} -> ${leg.to}`;
  switch (leg.kind) {
    case 'rail': {
      const fleet = leg.fleet !== undefined ? `, ${leg.fleet.trainsets} trainsets` : '';
      const line = leg.line !== leg.id ? ` (line ${leg.line})` : '';
      return [leg.id, leg.kind, ends, `${round(leg.capacityFeu)} FEU/train${fleet}`, `${policyText(leg.policy)}; ${round(24 / leg.pathHeadway)} paths/day${line}`, `running ${formatHours(leg.running.mean)}`];
    }
    case 'ferry': {
      const seasonal = leg.storms?.seasonality !== undefined ? ', seasonal' : '';
      const storms = leg.storms !== undefined ? `; storms ${formatHours(leg.storms.duration.mean)} long, base gap ${formatHours(leg.storms.between.mean)}${seasonal}` : '';
      const usable = leg.loadFactor < 1 ? ` (${round(leg.loadFactor * 100)}% usable)` : '';
      const capacity = `${leg.vessels} vessels x ${round(leg.capacityFeu)} FEU${usable}`;
      return [leg.id, leg.kind, ends, capacity, policyText(leg.policy), `sailing ${formatHours(leg.sailing.mean)}${storms}`];
    }
    case 'sea':
      return [leg.id, leg.kind, ends, `${round(leg.capacityFeu)} FEU/sailing`, `${round(HOURS_PER_WEEK / leg.headway)} sailings/week`, `transit ${formatHours(leg.transit.mean)}`];
  }
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
  for (const d of model.demand) demandByRoute.set(d.route, (demandByRoute.get(d.route) ?? 0) + d.feuPerHour * HOURS_PER_WEEK);
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
  ];
  return lines.join('\n');
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
