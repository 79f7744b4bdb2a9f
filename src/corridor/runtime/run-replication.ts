/**
 * One replication of a corridor model: build the network, let demand arrive, run the warm-up,
 * reset the statistics, run the measured horizon, and report plain data.
 */
import { EventLimitError, LATE, Simulation } from '../../engine/index.ts';
import { RandomStreams, type Seed } from '../../random/index.ts';
import { SimCalendar } from '../../resources/index.ts';
import { QuantileSketch, Tally, ThroughputCounter, TimeWeighted } from '../../stats/index.ts';
import type { CompiledModel } from '../compiled.ts';
import { DEFAULT_LIMITS, LimitError } from '../limits.ts';
import { HOURS_PER_WEEK, MAX_HOURS } from '../units.ts';
import type { JourneyRow, RunContext } from './container.ts';
import { capacityBound } from './binding.ts';
import { startDemand } from './demand-source.ts';
import { startDisruptions } from './disruptions.ts';
import { Journeys, type JourneyHooks } from './journey.ts';
import { buildNetwork, type RuntimeRoute } from './network.ts';
import type { Stage } from './stage.ts';
import { TRANSIT_QUANTILE_LEVELS, type FlowResult, type ReplicationResult, type RouteResult, type StageResult } from './result.ts';

/** How long to run and what to record. Times in hours. */
export interface ReplicationOptions {
  readonly seed: Seed;
  /** Hours simulated before measurement starts. */
  readonly warmupHours: number;
  /** Hours measured after the warm-up. */
  readonly horizonHours: number;
  /** Receives one row per container per stage, if given (the journey log). */
  readonly journeyLog?: (row: JourneyRow) => void;
  /** Arrivals at fixed times in addition to the model's demand (a replayed trace, or a test). */
  readonly scriptedArrivals?: readonly ScriptedArrival[];
  /** Called with the new Simulation before anything is scheduled (e.g. to set `sim.tracer`). */
  readonly onSimulation?: (sim: Simulation) => void;
  /**
   * False: the stages measure nothing, and the result has no stages and no bottlenecks, for a
   * caller that reads route times only (an equilibrium evaluation). The simulation itself, and
   * so every route figure, is the same either way; the stages' statistics are about 8% of a
   * corridor year. Default true.
   */
  readonly stageStatistics?: boolean;
}

/** A lot of containers entering a route at a fixed time (hours). */
export interface ScriptedArrival {
  readonly time: number;
  readonly route: string;
  readonly lot?: number;
}

/** Per-route accumulators. */
interface RouteStats {
  readonly transit: Tally;
  readonly sketch: QuantileSketch;
  readonly delivered: ThroughputCounter;
  entered: number;
}

/** Run one replication of `model`. */
export function runReplication(model: CompiledModel, options: ReplicationOptions): ReplicationResult {
  const { warmupHours, horizonHours } = options;
  // The daily queue series and weekly buckets grow with the horizon: bound it like any duration.
  if (!(warmupHours >= 0) || !(horizonHours > 0) || !(warmupHours + horizonHours <= MAX_HOURS)) {
    throw new RangeError(`runReplication: warm-up must be >= 0 h and horizon > 0 h, together at most ${MAX_HOURS} h (100 years), got warm-up ${warmupHours} h, horizon ${horizonHours} h`);
  }
  const limits = model.limits ?? DEFAULT_LIMITS;
  const maxFeu = limits.maxFeuInSystem;
  const sim = new Simulation();
  sim.eventLimit = limits.maxEventsPerReplication;
  options.onSimulation?.(sim);
  const stageStatistics = options.stageStatistics ?? true;
  const ctx: RunContext = { sim, streams: new RandomStreams(options.seed), calendar: new SimCalendar(model.startDate), warmupEnd: warmupHours, stageStatistics };
  const network = buildNetwork(model, ctx);
  const routeStats: RouteStats[] = network.routes.map(() => ({
    transit: new Tally(),
    sketch: new QuantileSketch(),
    delivered: new ThroughputCounter({ start: warmupHours }),
    entered: 0,
  }));
  const inSystem = new TimeWeighted(0, 0);
  let entered = 0;
  let delivered = 0;
  // Background units at a stage now (they take memory like containers, so they count too).
  let backgroundInSystem = 0;
  let nextId = 0;
  const log = options.journeyLog;

  const hooks: JourneyHooks = {
    stageLeft:
      log === undefined
        ? null
        : (container, route, stage, arrived) =>
            log({
              container: container.id,
              route: route.spec.id,
              origin: route.spec.origin,
              destination: route.spec.destination,
              stage: stage.id,
              stageKind: stage.kind,
              entered: container.entered,
              arrived,
              started: container.started,
              departed: Number.isNaN(container.departed) ? container.started : container.departed,
              left: sim.now,
            }),
    delivered(container) {
      delivered++;
      inSystem.update(sim.now, entered - delivered);
      const stats = routeStats[container.routeIndex] as RouteStats;
      stats.delivered.record(sim.now);
      if (container.measured) {
        const transit = sim.now - container.entered;
        stats.transit.add(transit);
        stats.sketch.add(transit);
      }
    },
  };

  const journeys = new Journeys(sim, network.routes, hooks);

  const routeIndexOf = (id: string, who: string): number => {
    const index = network.routeIndex.get(id);
    if (index === undefined) throw new Error(`${who} names route "${id}", which the model does not define`);
    return index;
  };
  const enter = (routeIndex: number, lot: number): void => {
    for (let i = 0; i < lot; i++) {
      if (entered - delivered + backgroundInSystem >= maxFeu) throw new LimitError('maxFeuInSystem', maxFeu, sim.now);
      const now = sim.now;
      const measured = now >= warmupHours;
      const container = journeys.create(nextId++, routeIndex, measured);
      entered++;
      if (measured) (routeStats[routeIndex] as RouteStats).entered++;
      inSystem.update(now, entered - delivered);
      journeys.start(container);
    }
  };
  const flows = startFlows(model, ctx, routeIndexOf, enter);
  startDisruptions(model, network.byId, ctx);
  // A background unit leaves when its stage says so (admitBackground's `left`).
  const backgroundLeft = (): void => {
    backgroundInSystem--;
  };
  for (const flow of model.background) {
    const stage = network.byId.get(flow.at);
    if (stage === undefined) throw new Error(`Background flow "${flow.id}" names stage "${flow.at}", which the model does not define`);
    const arrivals = { id: `background:${flow.id}`, feuPerHour: flow.arrivalsPerHour, seasonality: flow.seasonality, lotSize: undefined };
    startDemand(ctx, arrivals, (_flow, lot) => {
      for (let i = 0; i < lot; i++) {
        if (entered - delivered + backgroundInSystem >= maxFeu) throw new LimitError('maxFeuInSystem', maxFeu, sim.now);
        backgroundInSystem++;
        stage.admitBackground(flow.feuPerArrival, flow.direction, backgroundLeft);
      }
    });
  }
  for (const arrival of options.scriptedArrivals ?? []) {
    const routeIndex = routeIndexOf(arrival.route, 'A scripted arrival');
    sim.scheduleAt(arrival.time, () => enter(routeIndex, arrival.lot ?? 1));
  }

  const end = warmupHours + horizonHours;
  let dailyQueues: () => number[][];
  try {
    if (warmupHours > 0) sim.run(warmupHours);
    for (const stage of network.stages) stage.reset(warmupHours);
    inSystem.reset(warmupHours);
    dailyQueues = stageStatistics ? recordDailyQueues(sim, network.stages, warmupHours, end) : () => [];
    sim.run(end);
  } catch (error) {
    // The engine knows nothing of model files; say which limit of the model it was.
    if (error instanceof EventLimitError) throw new LimitError('maxEventsPerReplication', error.limit, error.time);
    throw error;
  }

  const weeks = horizonHours / 168;
  const assumed = new Set([...model.nodes.values(), ...model.legs.values()].filter((s) => s.capacityAssumption === 'non-binding').map((s) => s.id));
  const dailyQueue = dailyQueues();
  const measured = stageStatistics ? network.stages : [];
  const stages = measured.map((stage, i) => stageResult(stage, end, horizonHours, dailyQueue[i] ?? [], assumed.has(stage.id)));
  const totalWait = stages.reduce((sum, s) => sum + s.totalWaitHours, 0);
  const withShares = stages.map((s) => ({ ...s, waitShare: totalWait > 0 ? s.totalWaitHours / totalWait : 0 }));
  const bottlenecks = [...withShares].sort((a, b) => b.waitShare - a.waitShare || a.id.localeCompare(b.id)).filter((s) => s.waitShare > 0).map((s) => s.id);
  return {
    model: model.id,
    seed: options.seed,
    warmupHours,
    horizonHours,
    events: sim.eventsProcessed,
    containers: { entered, delivered, inSystem: entered - delivered },
    meanInSystem: inSystem.mean(end),
    routes: network.routes.map((route, i) => routeResult(route, routeStats[i] as RouteStats, end, weeks)),
    stages: withShares,
    bottlenecks,
    flows,
  };
}

/**
 * Start every demand flow on each of its routes: a Poisson stream at the flow's rate times the
 * route's share, or at the route's probe rate on an uncongested route (whose assigned volume is
 * accounted, not simulated). A pinned flow keeps the stream names `demand/<id>/...`; a choice
 * flow's route uses `demand/<id>/<route>/...`, so shares moving between routes leave the other
 * routes' arrival times alone (common random numbers across assignments).
 */
function startFlows(model: CompiledModel, ctx: RunContext, routeIndexOf: (id: string, who: string) => number, enter: (routeIndex: number, lot: number) => void): FlowResult[] {
  const out: FlowResult[] = [];
  // An uncongested route carries one probe, whatever number of flows use it: it is started for
  // the first flow with a share on it (so a route used by one flow keeps that flow's streams).
  const probed = new Set<string>();
  for (const demand of model.demand) {
    for (const choice of demand.choices) {
      const route = model.routes.get(choice.route);
      const routeIndex = routeIndexOf(choice.route, `Demand "${demand.id}"`);
      const assigned = demand.feuPerHour * choice.share;
      const probe = route?.probeFeuPerWeek;
      const firstProbe = probe !== undefined && choice.share > 0 && !probed.has(choice.route);
      if (firstProbe) probed.add(choice.route);
      const simulated = probe === undefined ? assigned : firstProbe ? probe / HOURS_PER_WEEK : 0;
      const id = demand.route === undefined ? `${demand.id}/${choice.route}` : demand.id;
      if (simulated > 0) startDemand(ctx, { id, feuPerHour: simulated, seasonality: demand.seasonality, lotSize: demand.lotSize }, (_flow, lot) => enter(routeIndex, lot));
      out.push({ demand: demand.id, route: choice.route, mode: route?.mode ?? 'other', share: choice.share, assignedFeuPerWeek: assigned * HOURS_PER_WEEK, simulated: probe === undefined });
    }
  }
  return out;
}

/**
 * Sample each stage's time-average queue per day of the measured period, from the integral of
 * its queue length (exact daily means, not snapshots), for queue-over-time charts. Returns what
 * to call after the run for the series, one per stage (FEU).
 *
 * The days go into arrays sized for the whole period at the start: arrays grown day by day
 * left a trail of outgrown copies, each old enough to have been promoted to the old generation,
 * so peak memory grew with the horizon.
 */
function recordDailyQueues(sim: Simulation, stages: readonly Stage[], start: number, end: number): () => number[][] {
  // One more than the whole days in the period, in case rounding lets one more sample in.
  const capacity = Math.max(0, Math.floor((end - start) / 24)) + 1;
  const series = stages.map(() => new Float64Array(capacity));
  const last = new Float64Array(stages.map((stage) => stage.monitor.queue.integral(start)));
  let days = 0;
  const sample = (): void => {
    const now = sim.now;
    for (let i = 0; i < stages.length; i++) {
      const integral = (stages[i] as Stage).monitor.queue.integral(now);
      (series[i] as Float64Array)[days] = (integral - (last[i] as number)) / 24;
      last[i] = integral;
    }
    days++;
    if (now + 24 <= end) sim.schedule(24, sample, 0, LATE);
  };
  if (start + 24 <= end) sim.scheduleAt(start + 24, sample, 0, LATE);
  return () => series.map((values) => Array.from(values.subarray(0, days)));
}

function stageResult(stage: Stage, end: number, horizon: number, dailyQueue: readonly number[], assumedNonBinding: boolean): StageResult {
  const weeks = horizon / 168;
  const m = stage.monitor;
  const utilization = Number.isNaN(m.capacity) ? Number.NaN : m.busy.mean(end) / m.capacity;
  const phases: Record<string, number> = {};
  m.phaseNames.forEach((name, i) => {
    const tally = m.phases[i];
    phases[name] = tally !== undefined && tally.count > 0 ? tally.mean : Number.NaN;
  });
  return {
    id: stage.id,
    name: stage.name,
    kind: stage.kind,
    feuPerWeek: m.throughput.total / weeks,
    containers: m.wait.count,
    meanWaitHours: m.wait.count > 0 ? m.wait.mean : 0,
    meanServiceHours: m.service.count > 0 ? m.service.mean : 0,
    meanQueueFeu: m.queue.mean(end),
    maxQueueFeu: m.queue.max,
    utilization,
    totalWaitHours: m.wait.sum,
    waitShare: 0,
    dailyQueue,
    closedShare: horizon > 0 ? (stage.waterside.closedHours - m.closedHoursAtStart) / horizon : 0,
    phases,
    backgroundFeuPerWeek: m.backgroundFeu / weeks,
    backgroundMeanWaitHours: m.backgroundWait.count > 0 ? m.backgroundWait.mean : 0,
    assumedNonBinding,
    bindingWarning: assumedNonBinding && capacityBound(utilization, dailyQueue),
  };
}

function routeResult(route: RuntimeRoute, stats: RouteStats, end: number, weeks: number): RouteResult {
  const { transit, sketch } = stats;
  const q = (p: number): number => (sketch.count > 0 ? sketch.quantile(p) : Number.NaN);
  return {
    id: route.spec.id,
    name: route.spec.name,
    mode: route.spec.mode,
    entered: stats.entered,
    delivered: stats.delivered.total,
    feuPerWeek: stats.delivered.total / weeks,
    transit: {
      count: transit.count,
      mean: transit.count > 0 ? transit.mean : Number.NaN,
      p10: q(0.1),
      p50: q(0.5),
      p90: q(0.9),
      p95: q(0.95),
      max: transit.count > 0 ? transit.max : Number.NaN,
      quantiles: TRANSIT_QUANTILE_LEVELS.map(q),
    },
    weekly: stats.delivered.buckets(end),
  };
}
