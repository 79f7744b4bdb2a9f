/**
 * Shared helpers of the per-kind tests: hand-built compiled nodes and legs with deterministic
 * times (hours, FEU), dated disruption windows, a run that returns the journey log by stage, and
 * a network built by hand so that a test can admit background traffic at exact times.
 */
import type { CompiledDisruption, CompiledFerryLeg, CompiledModel, CompiledRailLeg, CompiledSeaLeg, CompiledTerminal, CompiledWeather, CompiledYard } from '../../../src/corridor/compiled.ts';
import { Container, startAt, type Itinerary, type JourneyRow, type RunContext } from '../../../src/corridor/runtime/container.ts';
import { buildNetwork, type Network } from '../../../src/corridor/runtime/network.ts';
import { runReplication, type ScriptedArrival } from '../../../src/corridor/runtime/run-replication.ts';
import type { Stage } from '../../../src/corridor/runtime/stage.ts';
import type { ReplicationResult, StageResult } from '../../../src/corridor/runtime/result.ts';
import { deterministic } from '../../../src/distributions/index.ts';
import { Simulation } from '../../../src/engine/index.ts';
import { RandomStreams } from '../../../src/random/index.ts';
import { SimCalendar } from '../../../src/resources/index.ts';

export const fixed = deterministic;

/** A terminal with `servers` servers and a fixed handling time; extra fields override. */
export function term(id: string, servers: number, handling: number, extra: Partial<CompiledTerminal> = {}): CompiledTerminal {
  return { kind: 'terminal', id, name: id, country: undefined, position: undefined, disruptions: [], capacityAssumption: undefined, servers, handling: fixed(handling), dwell: undefined, customs: undefined, gateHeadway: undefined, ...extra };
}

/** A yard with `tracks` tracks and a fixed processing time per train (both directions). */
export function yardNode(id: string, tracks: number, processing: number, extra: Partial<CompiledYard> = {}): CompiledYard {
  const p = fixed(processing);
  return { kind: 'yard', id, name: id, country: undefined, position: undefined, disruptions: [], capacityAssumption: undefined, tracks, processing: { westbound: p, eastbound: p }, minHeadway: undefined, ...extra };
}

/** A whenFull rail leg of `trainFeu`-FEU trains, fixed running time, `pathsPerDay` on its own line. */
export function railLeg(id: string, from: string, to: string, trainFeu: number, running: number, pathsPerDay: number, extra: Partial<CompiledRailLeg> = {}): CompiledRailLeg {
  return { kind: 'rail', id, name: id, from, to, direction: 'westbound', disruptions: [], capacityAssumption: undefined, capacityFeu: trainFeu, policy: { kind: 'whenFull' }, pathHeadway: 24 / pathsPerDay, line: id, running: fixed(running), fleet: undefined, ...extra };
}

/** Times of a ferry leg, hours (per FEU for loading and unloading). */
export interface FerryTimes {
  readonly loadPerFeu: number;
  readonly sailing: number;
  readonly unloadPerFeu: number;
  readonly return: number;
}

/** A whenFull ferry of `capacityFeu` FEU, `vessels` vessels, one berth, no berthing or call times. */
export function ferryLeg(id: string, from: string, to: string, capacityFeu: number, vessels: number, t: FerryTimes, extra: Partial<CompiledFerryLeg> = {}): CompiledFerryLeg {
  return {
    kind: 'ferry', id, name: id, from, to, direction: 'westbound', disruptions: [], capacityAssumption: undefined,
    capacityFeu, vessels, berths: 1, policy: { kind: 'whenFull' }, berthing: undefined, loadPerFeu: fixed(t.loadPerFeu), closing: undefined,
    sailing: fixed(t.sailing), unloadPerFeu: fixed(t.unloadPerFeu), turnaround: undefined, return: fixed(t.return), loadFactor: 1, ...extra,
  };
}

/** A liner leg: `capacityFeu` per sailing, a sailing every `headway` hours from 0, fixed transit. */
export function seaLeg(id: string, from: string, to: string, capacityFeu: number, headway: number, cutoff: number, transit: number, extra: Partial<CompiledSeaLeg> = {}): CompiledSeaLeg {
  return { kind: 'sea', id, name: id, from, to, direction: 'westbound', disruptions: [], capacityAssumption: undefined, capacityFeu, headway, cutoff, transit: fixed(transit), transshipment: undefined, ...extra };
}

/** A disruption active in the window [start, end) hours, optionally repeated every `repeatEvery` hours. */
export function windowed(effect: CompiledDisruption['effect'], start: number, end: number, opts: { scope?: 'all' | 'waterside'; factor?: number; units?: number; repeatEvery?: number } = {}): CompiledDisruption {
  return { effect, scope: opts.scope ?? 'all', factor: opts.factor ?? 1, units: opts.units ?? 0, timing: { kind: 'window', start, end, repeatEvery: opts.repeatEvery }, reason: effect };
}

/** A `closed` disruption driven by weather driver `driver`. */
export function weatherClosure(driver: string, scope: 'all' | 'waterside' = 'waterside'): CompiledDisruption {
  return { effect: 'closed', scope, factor: 1, units: 0, timing: { kind: 'weather', driver }, reason: `storm (${driver})` };
}

/** A weather driver with fixed open spells `between` and episodes `duration` (hours). */
export function fixedWeather(id: string, between: number, duration: number, correlation: number): CompiledWeather {
  return { id, between: fixed(between), duration: fixed(duration), seasonality: undefined, correlation };
}

/** What `runLogged` returns: the result and the journey rows of each stage, as [container, arrived, started, left]. */
export interface LoggedRun {
  readonly result: ReplicationResult;
  readonly rows: JourneyRow[];
  at(stage: string): number[][];
  stage(id: string): StageResult;
}

/** Run `model` with no warm-up over `horizon` hours with scripted arrivals, logging journeys. */
export function runLogged(model: CompiledModel, arrivals: readonly ScriptedArrival[], horizon: number, warmup = 0): LoggedRun {
  const rows: JourneyRow[] = [];
  const result = runReplication(model, { seed: 1, warmupHours: warmup, horizonHours: horizon, scriptedArrivals: arrivals, journeyLog: (row) => rows.push(row) });
  return {
    result,
    rows,
    at: (stage) => rows.filter((r) => r.stage === stage).map((r) => [r.container, r.arrived, r.started, r.left]),
    stage: (id) => {
      const found = result.stages.find((s) => s.id === id);
      if (found === undefined) throw new Error(`no stage ${id}`);
      return found;
    },
  };
}

/** A network built by hand over a fresh simulation (no demand, no disruptions started). */
export function handNetwork(model: CompiledModel): { ctx: RunContext; network: Network; sim: Simulation } {
  const sim = new Simulation();
  const ctx: RunContext = { sim, streams: new RandomStreams(1), calendar: new SimCalendar(model.startDate), warmupEnd: 0 };
  return { ctx, network: buildNetwork(model, ctx), sim };
}

/** When each box sent by `visitAt` left its stage: the record to fill in, and its clock. */
const visits = new WeakMap<Container, { readonly visit: { left: number }; readonly sim: Simulation }>();
const recordLeaving: Itinerary = {
  left(container) {
    const entry = visits.get(container);
    if (entry !== undefined) entry.visit.left = entry.sim.now;
  },
};

/** A measured study container entering at `now` whose leaving a stage is recorded by `visitAt`. */
export function studyBox(id: number, now: number): Container {
  return new Container(id, 0, now, true, false, recordLeaving);
}

/**
 * Send `box` (a `studyBox`) through `stage` from time `at` (hours), as a journey would; the
 * returned record's `left` is the time it left the stage (NaN until then; read it after `sim.run`).
 */
export function visitAt(sim: Simulation, stage: Stage, box: Container, at: number): { left: number } {
  const visit = { left: Number.NaN };
  visits.set(box, { visit, sim });
  sim.scheduleAt(at, () => startAt(sim, box, stage));
  return visit;
}
