/**
 * Compiling a validated model file into the engine's form (compiled.ts): hours, FEU, FEU per hour
 * and `Distribution` objects, with every cross-reference checked on the way. Each node and leg is
 * compiled by its kind (src/corridor/kinds/); this file checks what spans kinds. All problems
 * are collected and thrown together as `ModelErrors`; the compiled model is only returned when
 * clean.
 *
 * Rules beyond the schema, checked here: leg ends name nodes; a leg that carries single
 * containers (ferry, sea) never touches a node that handles whole trains (a yard), so a yard
 * sits only between rail legs and a route starts and ends at a container node; route stages
 * alternate node, leg, node with each leg's `from`/`to` equal to the nodes around it; demand
 * names a route; ids are unique across nodes and legs (a route stage is looked up in both);
 * weather drivers are used only where they exist; background traffic names a node or leg whose
 * kind takes it, in units that kind counts.
 */
import { nestedLogitShares } from '../trade/route-choice.ts';
import type { CompiledBackground, CompiledChoice, CompiledDemand, CompiledModel, CompiledRoute, CompiledWeather, RouteStage } from './compiled.ts';
import { CompileContext, own } from './compile-context.ts';
import { anyKind, legKind, nodeKind, type CompiledLeg, type CompiledNode, type LegSpec } from './kinds/registry.ts';
import { compileLimits } from './limits.ts';
import { didYouMean, type Locator, type PathSegment, valueAt } from './model-error.ts';
import type { BackgroundSpec, DemandSpec, ModelFile, RouteSpec } from './schema.ts';
import { MAX_FEU_PER_WEEK } from './schema-parts.ts';
import { FEU_PER_UNIT, HOURS_PER_WEEK, HOURS_PER_YEAR, normaliseSeasonality, TEU_PER_FEU, volumeFeuPerHour } from './units.ts';

/** A leg that carries single containers may not end at a node that handles whole trains. */
function checkLegEnds(id: string, spec: LegSpec, c: CompileContext): void {
  if (legKind(spec.kind).handles === 'trains') return;
  for (const end of ['from', 'to'] as const) {
    const node = own(c.model.nodes, spec[end]);
    if (node !== undefined && nodeKind(node.kind).handles === 'trains') {
      c.fail(['legs', id, end], spec[end], `a node that handles containers: only legs that carry trains may start or end at a ${node.kind} (it handles whole trains)`, `"${spec[end]}", a ${node.kind}`);
    }
  }
}

/** Check that `stages` run terminal, leg, node, leg, …, terminal with every leg's ends meeting its neighbours. */
function checkStages(stages: readonly RouteStage[], path: readonly PathSegment[], c: CompileContext): void {
  const { nodes, legs } = c.model;
  if (stages.length < 3) c.fail(path, stages.map((s) => s.id), 'at least node, leg, node: a route needs a leg');
  for (const [i, stage] of stages.entries()) {
    const at = [...path, i];
    const before = stages[i - 1];
    const after = stages[i + 1];
    const leg = stage.kind === 'leg' ? own(legs, stage.id) : undefined;
    const node = stage.kind === 'node' ? own(nodes, stage.id) : undefined;
    if (node !== undefined && nodeKind(node.kind).handles === 'trains' && (before === undefined || after === undefined)) {
      c.fail(at, stage.id, `a node that handles containers: a route starts and ends there (a ${node.kind} sits between rail legs)`, `"${stage.id}", a ${node.kind}`);
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

function compileRoute(id: string, spec: RouteSpec, c: CompileContext): CompiledRoute {
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
  return { id, name, mode, stages, ...ends, freightRateUsdPerFeu, riskPremiumUsdPerFeu, constantUsdPerFeu: spec.constantUsdPerFeu ?? 0, closed: spec.closed === true, probeFeuPerWeek: spec.probeFeuPerWeek };
}

/**
 * Default shares of a choice flow before any equilibrium: the logit over the money cost of each
 * open route (freight rate + risk premium + its mode's constant), since transit times are only
 * known from a simulation (src/assignment finds shares consistent with them).
 */
function moneyCostShares(routeIds: readonly string[], model: ModelFile): number[] {
  const assignment = model.assignment;
  const costs = routeIds.map((id) => {
    const route = own(model.routes, id);
    if (route === undefined) return Infinity;
    const constant = (assignment === undefined ? 0 : (assignment.modeConstantsUsdPerFeu[route.mode] ?? 0)) + (route.constantUsdPerFeu ?? 0);
    return (route.freightRateUsdPerFeu ?? 0) + (route.riskPremiumUsdPerFeu ?? 0) + constant;
  });
  const nestOf = routeIds.map((id) => nestOfMode(model.assignment?.nests ?? {}, own(model.routes, id)?.mode ?? id));
  return nestedLogitShares(costs, assignment?.logitScaleUsd ?? 1, nestOf, assignment?.nestScale ?? 1);
}

/** The nest of a route mode: the nest that lists it, else the mode itself. */
function nestOfMode(nests: Readonly<Record<string, readonly string[]>>, mode: string): string {
  return Object.entries(nests).find(([, modes]) => modes.includes(mode))?.[0] ?? mode;
}

function seasonal(months: readonly number[] | undefined, path: readonly PathSegment[], c: CompileContext): readonly number[] | undefined {
  if (months === undefined) return undefined;
  const normalised = normaliseSeasonality(months);
  if (normalised === undefined) c.fail(path, months, 'monthly multipliers with at least one above 0');
  return normalised;
}

/** The routes of a demand flow and their shares; closed routes are left out (their cargo re-assigned). */
function compileChoices(spec: DemandSpec, at: (...rest: PathSegment[]) => PathSegment[], c: CompileContext): CompiledChoice[] {
  const routes = c.model.routes;
  const known = (id: string, path: PathSegment[]): boolean => {
    if (own(routes, id) !== undefined) return true;
    c.fail(path, id, `the id of a route${didYouMean(id, Object.keys(routes))}`);
    return false;
  };
  if ((spec.route === undefined) === (spec.routes === undefined)) {
    c.fail(at(), spec, 'exactly one of route (a pinned flow) or routes (a choice set)', spec.route === undefined ? 'neither' : 'both');
    return [];
  }
  if (spec.route !== undefined) {
    if (!known(spec.route, at('route'))) return [];
    if (own(routes, spec.route)?.closed === true) {
      c.fail(at('route'), spec.route, 'an open route: this flow is pinned to a closed route; give it a choice set (routes: [...]) so its cargo can be re-assigned');
    }
    return [{ route: spec.route, share: 1 }];
  }
  const listed = spec.routes ?? [];
  listed.forEach((id, k) => {
    known(id, at('routes', k));
    if (listed.indexOf(id) < k) c.fail(at('routes', k), id, 'a route not already in the choice set');
  });
  const open = listed.filter((id) => own(routes, id) !== undefined && own(routes, id)?.closed !== true);
  if (open.length === 0 && listed.length > 0) c.fail(at('routes'), listed, 'at least one open route (every route of this choice set is closed)');
  if (spec.valueOfTimeUsdPerFeuDay === undefined) c.fail(at('valueOfTimeUsdPerFeuDay'), undefined, 'the value of time of a choice flow, USD per FEU per day');
  if (spec.shares === undefined && c.model.assignment === undefined) c.fail(at('routes'), listed, 'a model with an assignment block (logitScaleUsd) or fixed shares for this choice flow');
  for (const id of Object.keys(spec.shares ?? {})) if (!listed.includes(id)) c.fail(at('shares', id), id, `a route of this flow's choice set (${listed.join(', ')})`);
  if (open.length === 0) return [];
  if (spec.shares === undefined) {
    const shares = moneyCostShares(open, c.model);
    return open.map((route, k) => ({ route, share: shares[k] ?? 0 }));
  }
  const given = spec.shares;
  const total = open.reduce((sum, id) => sum + (given[id] ?? 0), 0);
  if (!(total > 0)) {
    c.fail(at('shares'), given, 'shares with at least one open route above 0');
    return [];
  }
  // Normalised over the open routes, so a share on a route closed by an overlay goes to the rest.
  return open.map((route) => ({ route, share: (given[route] ?? 0) / total }));
}

function compileDemand(spec: DemandSpec, i: number, c: CompileContext): CompiledDemand {
  const at = (...rest: PathSegment[]): PathSegment[] => ['demand', i, ...rest];
  const choices = compileChoices(spec, at, c);
  const first = c.model.demand.findIndex((d) => d.id === spec.id);
  if (first < i) c.fail(at('id'), spec.id, `an id not used by another demand (demand[${first}] has it)`);
  const lotSize = spec.arrivals === 'poisson' ? undefined : c.lotSize(spec.arrivals.batched.size, at('arrivals', 'batched', 'size'));
  const feuPerHour = volumeFeuPerHour(spec.volume);
  if (feuPerHour * HOURS_PER_WEEK > MAX_FEU_PER_WEEK) {
    const key = 'feuPerWeek' in spec.volume ? 'feuPerWeek' : 'teuPerYear';
    c.fail(at('volume', key), valueAt(spec.volume, [key]), `at most ${MAX_FEU_PER_WEEK} FEU per week (${Math.round((MAX_FEU_PER_WEEK * TEU_PER_FEU * HOURS_PER_YEAR) / HOURS_PER_WEEK)} TEU per year): a larger flow would only fill memory`);
  }
  return {
    id: spec.id,
    route: spec.route,
    choices,
    valueOfTimeUsdPerFeuDay: spec.valueOfTimeUsdPerFeuDay,
    feuPerHour,
    seasonality: seasonal(spec.seasonality, at('seasonality'), c),
    lotSize,
  };
}

function compileWeather(id: string, spec: ModelFile['weather'][string], c: CompileContext): CompiledWeather {
  const at = (...rest: PathSegment[]): PathSegment[] => ['weather', id, ...rest];
  const between = c.time(spec.between, at('between'));
  if (!(between.mean > 0)) c.fail(at('between'), spec.between, 'a time between episodes with a mean above 0 hours');
  if (spec.seasonality !== undefined && spec.seasonality.every((m) => m === 0)) c.fail(at('seasonality'), spec.seasonality, 'monthly multipliers with at least one above 0');
  return { id, between, duration: c.time(spec.duration, at('duration')), seasonality: spec.seasonality, correlation: spec.correlation };
}

function compileBackground(spec: BackgroundSpec, i: number, c: CompileContext): CompiledBackground {
  const at = (...rest: PathSegment[]): PathSegment[] => ['background', i, ...rest];
  const first = c.model.background.findIndex((b) => b.id === spec.id);
  if (first < i) c.fail(at('id'), spec.id, `an id not used by another background flow (background[${first}] has it)`);
  const place = own(c.model.nodes, spec.at) ?? own(c.model.legs, spec.at);
  const kind = place === undefined ? undefined : anyKind(place.kind);
  const unit = spec.volume.unit;
  let feuPerArrival = 1;
  let arrivalsPerHour = spec.volume.perYear / HOURS_PER_YEAR;
  if (place === undefined || kind === undefined) {
    c.fail(at('at'), spec.at, `the id of a node or leg${didYouMean(spec.at, [...Object.keys(c.model.nodes), ...Object.keys(c.model.legs)])}`);
  } else if (kind.background === undefined) {
    c.fail(at('at'), spec.at, `a node or leg whose kind takes background traffic (a ${place.kind} does not)`, `"${spec.at}", a ${place.kind}`);
  } else if (kind.background === 'train') {
    if (unit !== 'train') c.fail(at('volume', 'unit'), unit, `train: a ${place.kind} handles whole trains`);
    if (spec.trainFeu === undefined) c.fail(at('trainFeu'), undefined, 'the FEU-equivalents of one train (trainFeu), for the accounts');
    feuPerArrival = spec.trainFeu ?? 1;
  } else {
    if (unit === 'train') c.fail(at('volume', 'unit'), unit, `feu, teu, wagon or truck: a ${place.kind} handles single units`);
    else arrivalsPerHour *= FEU_PER_UNIT[unit];
    if (spec.trainFeu !== undefined) c.fail(at('trainFeu'), spec.trainFeu, 'no trainFeu: only train units have a train size');
  }
  return { id: spec.id, at: spec.at, arrivalsPerHour, feuPerArrival, direction: spec.direction, seasonality: seasonal(spec.seasonality, at('seasonality'), c) };
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
  const c = new CompileContext(model, locate);
  const date = new Date(`${model.startDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== model.startDate) c.fail(['startDate'], model.startDate, 'a real calendar date as YYYY-MM-DD');
  for (const id of Object.keys(model.legs)) {
    if (Object.hasOwn(model.nodes, id)) c.fail(['legs', id], id, 'an id not used by a node (route stages name nodes and legs alike)', `"${id}", also a node id`);
  }
  const weather = new Map(Object.entries(model.weather).map(([id, spec]) => [id, compileWeather(id, spec, c)]));
  const nodes = new Map<string, CompiledNode>(Object.entries(model.nodes).map(([id, spec]) => [id, nodeKind(spec.kind).compile(id, spec, c, ['nodes', id])]));
  const legs = new Map<string, CompiledLeg>(
    Object.entries(model.legs).map(([id, spec]) => {
      checkLegEnds(id, spec, c);
      return [id, legKind(spec.kind).compile(id, spec, c, ['legs', id])];
    }),
  );
  const routes = new Map(Object.entries(model.routes).map(([id, spec]) => [id, compileRoute(id, spec, c)]));
  const demand = model.demand.map((spec, i) => compileDemand(spec, i, c));
  const background = model.background.map((spec, i) => compileBackground(spec, i, c));
  c.errors.throwIfAny();
  const spec = model.assignment;
  const assignment =
    spec === undefined
      ? undefined
      : {
          logitScaleUsd: spec.logitScaleUsd,
          reliabilityWeight: spec.reliabilityWeight,
          modeConstantsUsdPerFeu: spec.modeConstantsUsdPerFeu,
          nestOfMode: Object.fromEntries(Object.entries(spec.nests).flatMap(([nest, modes]) => modes.map((m) => [m, nest]))),
          nestScale: spec.nestScale,
          tolerance: spec.tolerance,
          ...(spec.flowTolerance !== undefined ? { flowTolerance: spec.flowTolerance } : {}),
          averaging: spec.averaging,
          maxIterations: spec.maxIterations,
          replications: spec.replications,
        };
  const limits = compileLimits(model.limits);
  return { id: model.model, title: model.title, startDate: model.startDate, nodes, legs, routes, demand, weather, background, assignment, limits, source };
}
