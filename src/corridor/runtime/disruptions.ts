/**
 * Disruptions at run time: each node's and leg's closures, reduced capacity and units in repair,
 * driven by dated windows, random spells or a shared weather driver.
 *
 * A `closed` disruption holds the stage's own closure (closes nest, so a storm and a border hold
 * overlapping keep the place shut until both end). A `reduced` or `repair` disruption drives a
 * closure of its own that only tracks whether it is active; whenever one changes, the stage is
 * told the product of the active factors and the sum of the active units out.
 */
import { alternatingRenewal, Closure, scheduleWindows, sharedWeather } from '../../resources/index.ts';
import type { CompiledDisruption, CompiledModel, DisruptionTiming } from '../compiled.ts';
import type { RunContext } from './container.ts';
import type { Stage } from './stage.ts';

/** Start driving `timing` on `closure`; weather timings are collected into `weatherPlaces` instead. */
function drive(timing: DisruptionTiming, closure: Closure, reason: string, stream: string, ctx: RunContext, weatherPlaces: Map<string, Array<{ closure: Closure; stream: string }>>): void {
  const { sim, streams, calendar } = ctx;
  switch (timing.kind) {
    case 'window':
      // A window that ended before the run began closes nothing; scheduleWindows needs a future.
      if (timing.repeatEvery !== undefined || timing.end > sim.now) {
        scheduleWindows(sim, closure, [{ start: timing.start, end: timing.end }], timing.repeatEvery, reason);
      }
      return;
    case 'random':
      alternatingRenewal(sim, closure, {
        timeBetween: timing.between,
        duration: timing.duration,
        rng: streams.stream(stream),
        reason,
        ...(timing.seasonality !== undefined ? { seasonality: { calendar, monthlyRate: timing.seasonality } } : {}),
      });
      return;
    case 'weather': {
      const list = weatherPlaces.get(timing.driver) ?? [];
      list.push({ closure, stream });
      weatherPlaces.set(timing.driver, list);
      return;
    }
  }
}

/** Start every disruption of the model's stages, and the shared weather drivers. */
export function startDisruptions(model: CompiledModel, stages: ReadonlyMap<string, Stage>, ctx: RunContext): void {
  const weatherPlaces = new Map<string, Array<{ closure: Closure; stream: string }>>();
  const specs = [...model.nodes.values(), ...model.legs.values()];
  for (const spec of specs) {
    const stage = stages.get(spec.id);
    if (stage === undefined || spec.disruptions.length === 0) continue;
    const capacityStates: Array<{ closure: Closure; disruption: CompiledDisruption }> = [];
    const update = (): void => {
      let factor = 1;
      let unitsOut = 0;
      for (const { closure, disruption } of capacityStates) {
        if (closure.isOpen) continue;
        factor *= disruption.factor;
        unitsOut += disruption.units;
      }
      stage.setCapacity(factor, unitsOut);
    };
    spec.disruptions.forEach((disruption, i) => {
      const stream = `${spec.id}/disruptions/${i}`;
      if (disruption.effect === 'closed') {
        drive(disruption.timing, disruption.scope === 'waterside' ? stage.waterside : stage.closure, disruption.reason, stream, ctx, weatherPlaces);
        return;
      }
      // "Closed" here means "the disruption is active".
      const active = new Closure(ctx.sim, `${spec.id}/${disruption.effect}/${i}`);
      active.onChange(update);
      capacityStates.push({ closure: active, disruption });
      drive(disruption.timing, active, disruption.reason, stream, ctx, weatherPlaces);
    });
  }
  for (const [id, places] of weatherPlaces) {
    const driver = model.weather.get(id);
    // The compiler checks references; this guards against a hand-built compiled model.
    if (driver === undefined) throw new Error(`A disruption names weather driver "${id}", which the model does not define`);
    sharedWeather(ctx.sim, {
      timeBetween: driver.between,
      duration: driver.duration,
      monthlyRate: driver.seasonality,
      calendar: ctx.calendar,
      correlation: driver.correlation,
      seaRng: ctx.streams.stream(`weather/${id}/sea-wide`),
      places: places.map((p) => ({ closure: p.closure, rng: ctx.streams.stream(p.stream) })),
      reason: `storm (${id})`,
    });
  }
}
