/**
 * Compiling the fields every node and leg shares: name, place, disruptions and the
 * capacity-assumption marker. Disruptions are checked here once for every kind: exactly one of
 * `weather`, `random`, `window`; a weather driver that exists; a window that ends after it starts;
 * an effect the kind supports.
 */
import { usableItems } from '../../resources/index.ts';
import { didYouMean, type PathSegment } from '../model-error.ts';
import type { CompileContext } from '../compile-context.ts';
import { own } from '../compile-context.ts';
import type { DisruptionSpec } from '../schema-parts.ts';
import { HOURS_PER_DAY, HOURS_PER_YEAR } from '../units.ts';
import type { CompiledDisruption, CompiledLegBase, CompiledNodeBase, CompiledStageBase, DisruptionTiming } from './kind.ts';

/** Hours from the model's start date to `date` (both UTC midnight), or NaN for an invalid date. */
export function hoursFromStart(startDate: string, date: string): number {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const at = Date.parse(`${date}T00:00:00Z`);
  const valid = !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === date;
  return valid ? ((at - start) / 86_400_000) * HOURS_PER_DAY : Number.NaN;
}

function compileTiming(spec: DisruptionSpec, at: readonly PathSegment[], c: CompileContext): DisruptionTiming | undefined {
  const given = (['weather', 'random', 'window'] as const).filter((key) => spec[key] !== undefined);
  if (given.length !== 1) {
    c.fail(at, spec, 'exactly one of weather, random or window (when the disruption is active)', given.length === 0 ? 'none of them' : `${given.join(' and ')}`);
    return undefined;
  }
  if (spec.weather !== undefined) {
    const drivers = Object.keys(c.model.weather);
    if (own(c.model.weather, spec.weather) === undefined) c.fail([...at, 'weather'], spec.weather, `the id of a weather driver (top-level weather)${didYouMean(spec.weather, drivers)}`);
    return { kind: 'weather', driver: spec.weather };
  }
  if (spec.random !== undefined) {
    const r = spec.random;
    const between = c.time(r.between, [...at, 'random', 'between']);
    if (!(between.mean > 0)) c.fail([...at, 'random', 'between'], r.between, 'a time between spells with a mean above 0 hours');
    return { kind: 'random', between, duration: c.time(r.duration, [...at, 'random', 'duration']), seasonality: r.seasonality };
  }
  const w = spec.window;
  if (w === undefined) return undefined;
  const start = hoursFromStart(c.model.startDate, w.from);
  const end = hoursFromStart(c.model.startDate, w.to);
  if (Number.isNaN(start)) c.fail([...at, 'window', 'from'], w.from, 'a real calendar date as YYYY-MM-DD');
  if (Number.isNaN(end)) c.fail([...at, 'window', 'to'], w.to, 'a real calendar date as YYYY-MM-DD');
  else if (!Number.isNaN(start) && !(end > start)) c.fail([...at, 'window', 'to'], w.to, `a date after "from" (${w.from})`);
  if (w.yearly === true && end - start >= HOURS_PER_YEAR) c.fail([...at, 'window', 'to'], w.to, 'a window shorter than a year when it repeats yearly');
  return { kind: 'window', start, end, repeatEvery: w.yearly === true ? HOURS_PER_YEAR : undefined };
}

/** What the kind supports, for the disruption checks. */
export interface DisruptionSupport {
  readonly reduces: string | undefined;
  readonly repairs: string | undefined;
  readonly waterside: boolean;
}

/** Compile a node's or leg's disruptions, refusing effects its kind does not have. */
export function compileDisruptions(specs: readonly DisruptionSpec[] | undefined, kind: string, support: DisruptionSupport, at: readonly PathSegment[], c: CompileContext): CompiledDisruption[] {
  const out: CompiledDisruption[] = [];
  (specs ?? []).forEach((spec, i) => {
    const path = [...at, 'disruptions', i];
    if (spec.effect === 'reduced' && support.reduces === undefined) c.fail([...path, 'effect'], spec.effect, `closed or repair: a ${kind} has no capacity that "reduced" could scale`);
    if (spec.effect === 'repair' && support.repairs === undefined) c.fail([...path, 'effect'], spec.effect, `closed${support.reduces !== undefined ? ' or reduced' : ''}: a ${kind} has no units that could be in repair`);
    const scope = spec.effect === 'closed' ? (spec.scope ?? 'all') : 'all';
    if (scope === 'waterside' && !support.waterside) c.fail([...path, 'scope'], 'waterside', `all: a ${kind} has no waterside (only ports do)`);
    const timing = compileTiming(spec, path, c);
    if (timing === undefined) return;
    const factor = spec.effect === 'reduced' ? spec.factor : 1;
    const units = spec.effect === 'repair' ? spec.units : 0;
    const reason = spec.reason ?? (timing.kind === 'weather' ? `storm (${timing.driver})` : spec.effect);
    out.push({ effect: spec.effect, scope, factor, units, timing, reason });
  });
  return out;
}

/**
 * A vehicle's share under every `reduced` disruption of its place active at once (windows and
 * storms can overlap) must still take at least one box: a vessel or sailing that can take none
 * would never leave (the resources refuse it at run time). Reported at the last factor.
 *
 * @param capacity FEU per vehicle. @param loadFactor its usable share without disruptions.
 */
export function checkReducedLeavesOne(specs: readonly DisruptionSpec[] | undefined, capacity: number, loadFactor: number, at: readonly PathSegment[], c: CompileContext): void {
  let share = loadFactor;
  let last: { index: number; factor: number } | undefined;
  (specs ?? []).forEach((spec, index) => {
    if (spec.effect !== 'reduced') return;
    share *= spec.factor;
    last = { index, factor: spec.factor };
  });
  if (last === undefined || usableItems(capacity, share) >= 1) return;
  const others = loadFactor === 1 ? 'the other reduced factors of this place' : `loadFactor ${loadFactor} and the other reduced factors of this place`;
  c.fail([...at, 'disruptions', last.index, 'factor'], last.factor, `factors that, with ${others} active at once, leave at least 1 of the ${capacity} FEU per vehicle (a combined share of at least ${1 / capacity})`);
}

/**
 * Units in repair under every `repair` disruption of a place active at once may not exceed its
 * `units` (a fleet cannot have more vessels out than it has). Reported at the last one.
 */
export function checkRepairsFit(specs: readonly DisruptionSpec[] | undefined, units: number, what: string, at: readonly PathSegment[], c: CompileContext): void {
  let out = 0;
  let last: { index: number; units: number } | undefined;
  (specs ?? []).forEach((spec, index) => {
    if (spec.effect !== 'repair') return;
    out += spec.units;
    last = { index, units: spec.units };
  });
  if (last !== undefined && out > units) c.fail([...at, 'disruptions', last.index, 'units'], last.units, `units that, with the other repairs of this place active at once, take out at most its ${units} ${what}`);
}

interface CommonSpec {
  readonly kind: string;
  readonly name: string;
  readonly disruptions?: readonly DisruptionSpec[] | undefined;
  readonly capacityAssumption?: 'non-binding' | undefined;
}

function stageBase(id: string, spec: CommonSpec, support: DisruptionSupport, at: readonly PathSegment[], c: CompileContext): CompiledStageBase {
  return { id, name: spec.name, disruptions: compileDisruptions(spec.disruptions, spec.kind, support, at, c), capacityAssumption: spec.capacityAssumption };
}

/** The shared fields of a compiled node. */
export function nodeBase(id: string, spec: CommonSpec & { readonly country?: string | undefined; readonly position?: { lon: number; lat: number } | undefined }, support: DisruptionSupport, at: readonly PathSegment[], c: CompileContext): CompiledNodeBase {
  return { ...stageBase(id, spec, support, at, c), country: spec.country, position: spec.position };
}

/** The shared fields of a compiled leg; checks that its ends are nodes, different ones. */
export function legBase(id: string, spec: CommonSpec & { readonly from: string; readonly to: string; readonly direction: 'westbound' | 'eastbound'; readonly waypoints?: readonly { lon: number; lat: number }[] | undefined }, support: DisruptionSupport, at: readonly PathSegment[], c: CompileContext): CompiledLegBase {
  for (const end of ['from', 'to'] as const) {
    if (own(c.model.nodes, spec[end]) === undefined) c.fail([...at, end], spec[end], `the id of a node${didYouMean(spec[end], Object.keys(c.model.nodes))}`);
  }
  if (spec.from === spec.to) c.fail([...at, 'to'], spec.to, `a node other than "from"`);
  // Waypoints are carried for the report's map only; the simulation never reads them.
  return { ...stageBase(id, spec, support, at, c), from: spec.from, to: spec.to, direction: spec.direction, ...(spec.waypoints === undefined ? {} : { waypoints: spec.waypoints }) };
}
