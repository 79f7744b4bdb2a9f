/**
 * A liner sea leg at run time (weekly sailings via Suez or the Cape, the Black Sea): boxes wait
 * for the next sailing whose cut-off they make and cross. A sailing is cancelled while the
 * loading port or the leg itself is closed; `reduced` scales the allocation per sailing (a
 * carrier cutting space).
 */
import { sumOf } from '../../../distributions/index.ts';
import { BatchTransport, Closure, followClosure, type BatchRecord } from '../../../resources/index.ts';
import type { Container, RunContext } from '../../runtime/container.ts';
import type { Stage } from '../../runtime/stage.ts';
import { StageBase } from '../../runtime/stage.ts';
import type { CompiledSeaLeg } from './compile.ts';

// Step of a container: its sailing has crossed (the transport delivered it).
const CROSSED = 1;

// A liner service is many ships; enough that a sailing never waits for a vessel to come back.
const LINER_VESSELS = 256;

/** A sea leg in a running replication. */
export class SeaLegStage extends StageBase {
  readonly kind = 'sea';
  /** Names of a container's steps for event traces, by the step numbers above. */
  readonly steps = ['arrive', 'crossed'] as const;
  private readonly transport: BatchTransport<Container>;

  /** @param spec the compiled leg. @param origin the loading port's stage. @param ctx the replication. */
  constructor(spec: CompiledSeaLeg, origin: Stage, ctx: RunContext) {
    super(spec.id, spec.name, ctx, Number.NaN);
    // Sailings go only while both the loading port and the sea lane are open.
    const sailing = new Closure(ctx.sim, `${spec.id}/sailings`);
    followClosure(origin.waterside, sailing, `port ${origin.id} closed`);
    followClosure(this.closure, sailing, `leg ${spec.id} closed`);
    this.transport = new BatchTransport<Container>(ctx.sim, {
      name: spec.id,
      random: ctx.streams,
      onChange: (now) => this.monitor.setQueue(now, this.transport.queueLength),
      capacity: spec.capacityFeu,
      vehicles: LINER_VESSELS,
      policy: { kind: 'timetable', times: [0], period: spec.headway, cutoff: spec.cutoff },
      travelTime: spec.transshipment !== undefined ? sumOf([spec.transit, spec.transshipment]) : spec.transit,
      returnTime: 0,
      closure: sailing,
    });
  }

  /** Wait for a sailing whose cut-off it makes (then cross: `resume`). */
  arrive(container: Container): void {
    container.batchSeat = this.transport.ride(container, container, CROSSED, container.batchSeat ?? undefined);
  }

  /** The sailing has crossed: the container leaves. */
  resume(container: Container, step: number): void {
    if (step !== CROSSED) throw new Error(`Sea leg "${this.id}": unknown step ${step}`);
    const departed = (container.batchSeat as BatchRecord<Container>).departed;
    container.started = departed;
    container.group = null;
    const left = this.ctx.sim.now;
    this.monitor.record(left, departed - container.arrived, left - departed, container.measured);
    container.leave();
  }

  /** `reduced`: the allocation per sailing shrinks by `factor`. */
  override setCapacity(factor: number, unitsOut: number): void {
    if (unitsOut !== 0) super.setCapacity(factor, unitsOut);
    this.transport.setLoadFactor(factor);
  }

  /** Sailings so far and those cancelled by closures (for reports). */
  get counters(): { departures: number; cancelled: number; meanLoadFactor: number } {
    const t = this.transport;
    return { departures: t.departures, cancelled: t.cancelledDepartures, meanLoadFactor: t.meanLoadFactor };
  }
}
