/**
 * Compiling a validated model file into the engine's form (compiled.ts): hours, FEU, FEU per hour
 * and `Distribution` objects, with every cross-reference checked on the way. All problems are
 * collected and thrown together as `ModelErrors`; the compiled model is only returned when clean.
 *
 * Rules beyond the schema, checked here: leg ends name nodes; ferry and sea legs never touch a
 * yard (yards handle whole trains, so a yard sits only between rail legs, and a route starts and
 * ends at a terminal); route stages alternate node, leg, node with each leg's `from`/`to` equal
 * to the nodes around it; demand names a route; ids are unique across nodes and legs (a route
 * stage is looked up in both); legs sharing a `line` agree on `pathsPerDay`; timetable times
 * increase and lie within the period; `minLoadFeu` fits the vehicle; every time distribution is
 * valid and cannot go below 0.
 */
import { describeValue } from '../distributions/errors.ts';
import type { DeparturePolicy } from '../resources/index.ts';
import type { CompiledDemand, CompiledLeg, CompiledModel, CompiledNode, CompiledRoute, CompiledStorms, RouteStage } from './compiled.ts';
import { didYouMean, ErrorCollector, type Locator, type PathSegment } from './model-error.ts';
import type { DemandSpec, DepartureSpec, LegSpec, ModelFile, NodeSpec, RouteSpec, StormSpec } from './schema.ts';
import { capacityFeu, DistributionBuilder, durationHours, HOURS_PER_DAY, HOURS_PER_WEEK, normaliseSeasonality, volumeFeuPerHour } from './units.ts';

/** `record[key]` if `key` is its own entry (not `constructor` or another inherited name). */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The model being compiled, the errors found so far, and its distributions built in hours. */
class Context extends DistributionBuilder {
  constructor(
    readonly model: ModelFile,
    locate: Locator,
  ) {
    super(model, new ErrorCollector(locate));
  }

  /** Record a bad value at `path`. */
  fail(path: readonly PathSegment[], value: unknown, expected: string, got?: string): void {
    this.errors.add(path, value, expected, got);
  }
}

function compileNode(id: string, spec: NodeSpec, c: Context): CompiledNode {
  const at = (...rest: PathSegment[]): PathSegment[] => ['nodes', id, ...rest];
  const base = { id, name: spec.name, country: spec.country, position: spec.position };
  if (spec.kind === 'terminal') {
    return {
      ...base,
      kind: 'terminal',
      servers: spec.handling.servers,
      handling: c.time(spec.handling.time, at('handling', 'time')),
      dwell: c.optionalTime(spec.dwell, at('dwell')),
      customs: c.optionalTime(spec.customs, at('customs')),
      gateHeadway: spec.gate === undefined ? undefined : HOURS_PER_DAY / spec.gate.containersPerDay,
    };
  }
  const westbound = c.time(spec.processing.westbound, at('processing', 'westbound'));
  // One set of timings serves both directions unless the file says the borders differ.
  const eastbound = c.optionalTime(spec.processing.eastbound, at('processing', 'eastbound')) ?? westbound;
  const minHeadway = spec.trainsPerDay === undefined ? undefined : HOURS_PER_DAY / spec.trainsPerDay;
  return { ...base, kind: 'yard', tracks: spec.tracks, processing: { westbound, eastbound }, minHeadway };
}

function compilePolicy(spec: DepartureSpec, path: readonly PathSegment[], capacity: number, c: Context): DeparturePolicy {
  switch (spec.policy) {
    case 'whenFull':
      return { kind: 'whenFull' };
    case 'fullOrMaxWait': {
      const maxWait = durationHours(spec.maxWait);
      if (spec.minLoadFeu === undefined) return { kind: 'fullOrMaxWait', maxWait };
      if (spec.minLoadFeu > capacity) c.fail([...path, 'minLoadFeu'], spec.minLoadFeu, `at most the vehicle capacity, ${capacity} FEU`);
      return { kind: 'fullOrMaxWait', maxWait, minLoad: spec.minLoadFeu };
    }
    case 'timetable': {
      const period = durationHours(spec.period);
      if (!(period > 0)) c.fail([...path, 'period'], spec.period, 'a period longer than 0');
      const times = spec.times.map(durationHours);
      times.forEach((t, i) => {
        const got = `${describeValue(spec.times[i])} (${t} h)`;
        if (t >= period) c.fail([...path, 'times', i], spec.times[i], `a time within the period, from 0 up to but not including ${period} h`, got);
        else if (i > 0 && !(t > (times[i - 1] as number))) c.fail([...path, 'times', i], spec.times[i], `a time after the previous one (${times[i - 1]} h)`, got);
      });
      const policy = { kind: 'timetable', times, period } as const;
      return spec.cutoff === undefined ? policy : { ...policy, cutoff: durationHours(spec.cutoff) };
    }
  }
}

function compileStorms(spec: StormSpec | undefined, path: readonly PathSegment[], c: Context): CompiledStorms | undefined {
  if (spec === undefined) return undefined;
  // Storm seasonality multiplies a rate month by month, so it is kept as given (not normalised).
  return { between: c.time(spec.between, [...path, 'between']), duration: c.time(spec.duration, [...path, 'duration']), seasonality: spec.seasonality };
}

/** Leg ends must be nodes, different ones, and only rail legs may touch a yard. */
function checkLegEnds(id: string, spec: LegSpec, c: Context): void {
  for (const end of ['from', 'to'] as const) {
    const node = own(c.model.nodes, spec[end]);
    const path = ['legs', id, end];
    if (node === undefined) c.fail(path, spec[end], `the id of a node${didYouMean(spec[end], Object.keys(c.model.nodes))}`);
    else if (node.kind === 'yard' && spec.kind !== 'rail') c.fail(path, spec[end], `a terminal: only rail legs may start or end at a yard (a yard handles whole trains)`, `"${spec[end]}", a yard`);
  }
  if (spec.from === spec.to) c.fail(['legs', id, 'to'], spec.to, `a node other than "from"`);
}

function compileLeg(id: string, spec: LegSpec, c: Context, lines: Map<string, { legId: string; pathsPerDay: number }>): CompiledLeg {
  checkLegEnds(id, spec, c);
  const at = (...rest: PathSegment[]): PathSegment[] => ['legs', id, ...rest];
  const base = { id, name: spec.name, from: spec.from, to: spec.to, direction: spec.direction };
  switch (spec.kind) {
    case 'rail': {
      const capacity = capacityFeu(spec.train);
      const line = spec.line ?? id;
      const shared = lines.get(line);
      if (shared === undefined) lines.set(line, { legId: id, pathsPerDay: spec.pathsPerDay });
      else if (shared.pathsPerDay !== spec.pathsPerDay) c.fail(at('pathsPerDay'), spec.pathsPerDay, `${shared.pathsPerDay}, as on leg "${shared.legId}", which shares line "${line}"`);
      const fleet = spec.fleet === undefined ? undefined : { trainsets: spec.fleet.trainsets, return: c.time(spec.fleet.return, at('fleet', 'return')) };
      const policy = compilePolicy(spec.departure, at('departure'), capacity, c);
      return { ...base, kind: 'rail', capacityFeu: capacity, policy, pathHeadway: HOURS_PER_DAY / spec.pathsPerDay, line, running: c.time(spec.running, at('running')), fleet };
    }
    case 'ferry': {
      const capacity = capacityFeu(spec.vessel);
      const sailing = c.time(spec.sailing, at('sailing'));
      return {
        ...base,
        kind: 'ferry',
        capacityFeu: capacity,
        vessels: spec.fleet.vessels,
        policy: compilePolicy(spec.departure, at('departure'), capacity, c),
        loading: c.time(spec.loading, at('loading')),
        sailing,
        unloading: c.time(spec.unloading, at('unloading')),
        return: c.optionalTime(spec.return, at('return')) ?? sailing,
        storms: compileStorms(spec.storms, at('storms'), c),
        loadFactor: spec.loadFactor,
      };
    }
    case 'sea':
      return {
        ...base,
        kind: 'sea',
        capacityFeu: capacityFeu(spec.vessel),
        headway: HOURS_PER_WEEK / spec.sailingsPerWeek,
        cutoff: spec.cutoff === undefined ? 0 : durationHours(spec.cutoff),
        transit: c.time(spec.transit, at('transit')),
        transshipment: c.optionalTime(spec.transshipment, at('transshipment')),
        storms: compileStorms(spec.storms, at('storms'), c),
      };
  }
}

/** Check that `stages` run terminal, leg, node, leg, …, terminal with every leg's ends meeting its neighbours. */
function checkStages(stages: readonly RouteStage[], path: readonly PathSegment[], c: Context): void {
  const { nodes, legs } = c.model;
  if (stages.length < 3) c.fail(path, stages.map((s) => s.id), 'at least node, leg, node: a route needs a leg');
  for (const [i, stage] of stages.entries()) {
    const at = [...path, i];
    const before = stages[i - 1];
    const after = stages[i + 1];
    const leg = stage.kind === 'leg' ? own(legs, stage.id) : undefined;
    if (stage.kind === 'node' && own(nodes, stage.id)?.kind === 'yard' && (before === undefined || after === undefined)) {
      c.fail(at, stage.id, 'a terminal: a route starts and ends at a terminal (a yard sits between rail legs)', `"${stage.id}", a yard`);
    }
    if (leg !== undefined && (before === undefined || after === undefined)) {
      c.fail(at, stage.id, `a node: a route ${before === undefined ? 'starts' : 'ends'} at a node`, `leg "${stage.id}"`);
    }
    if (before !== undefined && before.kind === stage.kind) {
      const between = stage.kind === 'node' ? `a leg from "${before.id}" to "${stage.id}"` : `the node where leg "${before.id}" ends`;
      c.fail(at, stage.id, `${between} first: stages alternate node, leg, node`, `${stage.kind} "${stage.id}" right after ${before.kind} "${before.id}"`);
    }
    if (leg === undefined) continue;
    if (before?.kind === 'node' && leg.from !== before.id) c.fail(at, stage.id, `a leg from "${before.id}", the node before it`, `leg "${stage.id}" from "${leg.from}"`);
    if (after?.kind === 'node' && leg.to !== after.id) c.fail(at, stage.id, `a leg to "${after.id}", the node after it`, `leg "${stage.id}" to "${leg.to}"`);
  }
}

function compileRoute(id: string, spec: RouteSpec, c: Context): CompiledRoute {
  const path = ['routes', id, 'stages'];
  const stages: RouteStage[] = [];
  const ids = [...Object.keys(c.model.nodes), ...Object.keys(c.model.legs)];
  spec.stages.forEach((stage, i) => {
    if (own(c.model.nodes, stage) !== undefined) stages.push({ kind: 'node', id: stage });
    else if (own(c.model.legs, stage) !== undefined) stages.push({ kind: 'leg', id: stage });
    else c.fail([...path, i], stage, `the id of a node or leg${didYouMean(stage, ids)}`);
  });
  // With an unknown stage the sequence checks would only repeat the same mistake in other words.
  if (stages.length === spec.stages.length) checkStages(stages, path, c);
  const { name, mode, freightRateUsdPerFeu, riskPremiumUsdPerFeu } = spec;
  const ends = { origin: spec.stages[0] ?? '', destination: spec.stages[spec.stages.length - 1] ?? '' };
  return { id, name, mode, stages, ...ends, freightRateUsdPerFeu, riskPremiumUsdPerFeu };
}

function compileDemand(spec: DemandSpec, i: number, c: Context): CompiledDemand {
  const at = (...rest: PathSegment[]): PathSegment[] => ['demand', i, ...rest];
  if (!Object.hasOwn(c.model.routes, spec.route)) c.fail(at('route'), spec.route, `the id of a route${didYouMean(spec.route, Object.keys(c.model.routes))}`);
  const first = c.model.demand.findIndex((d) => d.id === spec.id);
  if (first < i) c.fail(at('id'), spec.id, `an id not used by another demand (demand[${first}] has it)`);
  const seasonality = spec.seasonality === undefined ? undefined : normaliseSeasonality(spec.seasonality);
  if (spec.seasonality !== undefined && seasonality === undefined) c.fail(at('seasonality'), spec.seasonality, 'monthly multipliers with at least one above 0');
  const lotSize = spec.arrivals === 'poisson' ? undefined : c.count(spec.arrivals.batched.size, at('arrivals', 'batched', 'size'));
  return { id: spec.id, route: spec.route, feuPerHour: volumeFeuPerHour(spec.volume), seasonality, lotSize };
}

/**
 * Convert a schema-valid model file to the engine's form, checking its cross-references.
 *
 * @param model the output of `modelSchema.parse` (defaults filled in).
 * @param source the files it came from and their hash, copied to the result.
 * @param locate maps a model path to its file and line for error messages.
 * @throws ModelErrors listing every problem found.
 */
export function compileModel(model: ModelFile, source: CompiledModel['source'], locate: Locator = () => ({ file: '<model>' })): CompiledModel {
  const c = new Context(model, locate);
  const date = new Date(`${model.startDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== model.startDate) c.fail(['startDate'], model.startDate, 'a real calendar date as YYYY-MM-DD');
  for (const id of Object.keys(model.legs)) {
    if (Object.hasOwn(model.nodes, id)) c.fail(['legs', id], id, 'an id not used by a node (route stages name nodes and legs alike)', `"${id}", also a node id`);
  }
  const nodes = new Map(Object.entries(model.nodes).map(([id, spec]) => [id, compileNode(id, spec, c)]));
  const lines = new Map<string, { legId: string; pathsPerDay: number }>();
  const legs = new Map(Object.entries(model.legs).map(([id, spec]) => [id, compileLeg(id, spec, c, lines)]));
  const routes = new Map(Object.entries(model.routes).map(([id, spec]) => [id, compileRoute(id, spec, c)]));
  const demand = model.demand.map((spec, i) => compileDemand(spec, i, c));
  c.errors.throwIfAny();
  return { id: model.model, title: model.title, startDate: model.startDate, nodes, legs, routes, demand, source };
}
