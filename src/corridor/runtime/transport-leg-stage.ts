/**
 * Ferry and sea legs: a fleet of vessels (Caspian feeders and Ro-Pax ferries) or a liner
 * service (weekly sailings via Suez or the Cape) carrying containers between two ports, with
 * storms closing the crossing. Built on the batch transport, which owns departures, the fleet
 * cycle and closures; this stage adds the measurements.
 */
import { sumOf } from '../../distributions/index.ts';
import type { ProcessGenerator } from '../../engine/index.ts';
import { alternatingRenewal, BatchTransport, Closure, type BatchRecord, type BatchTransportOptions } from '../../resources/index.ts';
import type { CompiledFerryLeg, CompiledSeaLeg, CompiledStorms } from '../compiled.ts';
import type { Container, RunContext } from './container.ts';
import { StageMonitor } from './stage-monitor.ts';
import type { Stage } from './stage.ts';

// A liner service is many ships; enough that a sailing never waits for a vessel to come back.
const LINER_VESSELS = 256;

/** A ferry or sea leg in a running replication. */
export class TransportLegStage implements Stage {
  readonly kind: 'ferry' | 'sea';
  readonly id: string;
  readonly name: string;
  readonly monitor: StageMonitor;
  /** The crossing's closure (storms), or null when it never closes. */
  readonly closure: Closure | null;
  private readonly transport: BatchTransport<Container>;

  /** @param spec the compiled leg. @param ctx the replication. */
  constructor(spec: CompiledFerryLeg | CompiledSeaLeg, private readonly ctx: RunContext) {
    this.kind = spec.kind;
    this.id = spec.id;
    this.name = spec.name;
    this.closure = spec.storms !== undefined ? this.stormClosure(spec.id, spec.storms) : null;
    const common = { name: spec.id, random: ctx.streams, onChange: (now: number) => this.changed(now) };
    const options: BatchTransportOptions =
      spec.kind === 'ferry'
        ? {
            ...common,
            capacity: spec.capacityFeu,
            vehicles: spec.vessels,
            policy: spec.policy,
            loadTime: spec.loading,
            travelTime: spec.sailing,
            unloadTime: spec.unloading,
            returnTime: spec.return,
            loadFactor: spec.loadFactor,
          }
        : {
            ...common,
            capacity: spec.capacityFeu,
            vehicles: LINER_VESSELS,
            policy: { kind: 'timetable', times: [0], period: spec.headway, cutoff: spec.cutoff },
            travelTime: spec.transshipment !== undefined ? sumOf([spec.transit, spec.transshipment]) : spec.transit,
            returnTime: 0,
          };
    this.transport = new BatchTransport<Container>(ctx.sim, this.closure !== null ? { ...options, closure: this.closure } : options);
    this.monitor = new StageMonitor(spec.kind === 'ferry' ? spec.vessels : Number.NaN, ctx.sim.now);
  }

  /** Wait for a sailing, then cross. */
  *visit(container: Container): ProcessGenerator {
    const sim = this.ctx.sim;
    const arrived = sim.now;
    const record = (yield this.transport.board(container)) as BatchRecord<Container>;
    container.started = record.departed;
    container.group = null;
    const left = sim.now;
    this.monitor.record(left, record.departed - arrived, left - record.departed, container.measured);
  }

  /** Departures, cancellations and load factor so far (for reports). */
  get counters(): { departures: number; cancelled: number; meanLoadFactor: number } {
    const t = this.transport;
    return { departures: t.departures, cancelled: t.cancelledDepartures, meanLoadFactor: t.meanLoadFactor };
  }

  private changed(now: number): void {
    this.monitor.queue.update(now, this.transport.queueLength);
    if (this.kind === 'ferry') this.monitor.setBusy(now, this.transport.vehiclesInUse);
  }

  private stormClosure(id: string, storms: CompiledStorms): Closure {
    const { sim, streams, calendar } = this.ctx;
    const closure = new Closure(sim, `${id}/storms`);
    alternatingRenewal(sim, closure, {
      timeBetween: storms.between,
      duration: storms.duration,
      rng: streams.stream(`${id}/storms`),
      reason: 'storm',
      ...(storms.seasonality !== undefined ? { seasonality: { calendar, monthlyRate: storms.seasonality } } : {}),
    });
    return closure;
  }

  /** Restart measurement at `now`. */
  reset(now: number): void {
    this.monitor.reset(now);
  }
}
