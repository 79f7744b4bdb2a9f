/**
 * A ferry leg at run time: Caspian feeders or Ro-Pax ferries calling at two ports (see
 * FerryService). Closures belong to places: the origin and destination ports' closures stop
 * berthing, loading, unloading and leaving there (vessels bound for a closed port wait at
 * anchor), the leg's own closure holds departures. `reduced` scales the usable load (low water),
 * `repair` takes vessels out of service. Background units (trucks, wagons, other boxes in
 * FEU-equivalents) take deck slots and berth time.
 *
 * Each container's time here is split into five phases (hours): waiting for a vessel, at the
 * berth (its own loading and waiting aboard until the vessel leaves), sailing, at anchor and
 * berthing at the destination, and its own unloading.
 */
import { FerryService, type FerryRecord } from '../../../resources/index.ts';
import { BackgroundUnits } from '../../runtime/background-units.ts';
import { noLeave, type Container, type RunContext } from '../../runtime/container.ts';
import type { Stage } from '../../runtime/stage.ts';
import { StageBase } from '../../runtime/stage.ts';
import type { Direction } from '../kind.ts';
import type { CompiledFerryLeg } from './compile.ts';

/** Phases measured per container at a ferry leg, in this order (hours). */
export const FERRY_PHASES = ['wait_vessel', 'at_berth', 'sailing', 'anchor_berthing', 'unloading'] as const;

// Step of a container: its own unloading at the far port has ended (the service delivered it).
const UNLOADED = 1;

/** A ferry leg in a running replication. */
export class FerryLegStage extends StageBase {
  readonly kind = 'ferry';
  /** Names of a container's steps for event traces, by the step numbers above. */
  readonly steps = ['arrive', 'unloaded'] as const;
  private readonly service: FerryService<Container>;
  private readonly baseLoadFactor: number;
  private readonly units = new BackgroundUnits();

  /** @param spec the compiled leg. @param origin, destination the ports' stages. @param ctx the replication. */
  constructor(spec: CompiledFerryLeg, origin: Stage, destination: Stage, ctx: RunContext) {
    super(spec.id, spec.name, ctx, spec.vessels, FERRY_PHASES);
    this.baseLoadFactor = spec.loadFactor;
    this.service = new FerryService<Container>(ctx.sim, {
      name: spec.id,
      random: ctx.streams,
      capacity: spec.capacityFeu,
      vessels: spec.vessels,
      berths: spec.berths,
      policy: spec.policy,
      ...(spec.berthing !== undefined ? { berthingTime: spec.berthing } : {}),
      loadPerItem: spec.loadPerFeu,
      ...(spec.closing !== undefined ? { callCloseTime: spec.closing } : {}),
      sailingTime: spec.sailing,
      unloadPerItem: spec.unloadPerFeu,
      ...(spec.turnaround !== undefined ? { unloadCallTime: spec.turnaround } : {}),
      returnTime: spec.return,
      originPort: origin.waterside,
      destinationPort: destination.waterside,
      crossingClosure: this.closure,
      loadFactor: spec.loadFactor,
      onChange: (now) => this.changed(now),
      // The queue figure counts the study's boxes waiting for a vessel, not background units.
      onLoadStart: (item, now) => {
        if (!(item as Container).background) this.monitor.leaveQueue(now);
      },
    });
  }

  /** Wait for a vessel (then load, cross and unload: `resume`). */
  arrive(container: Container): void {
    if (!container.background) this.monitor.joinQueue(container.arrived);
    container.ferrySeat = this.service.ride(container, container, UNLOADED, container.ferrySeat ?? undefined);
  }

  /** The container's own unloading at the far port has ended: it leaves. */
  resume(container: Container, step: number): void {
    if (step !== UNLOADED) throw new Error(`Ferry leg "${this.id}": unknown step ${step}`);
    const r = container.ferrySeat as FerryRecord<Container>;
    container.group = null;
    const m = this.monitor;
    if (container.background) {
      m.recordBackground(1, r.loadStarted - r.joined);
      container.leave();
      return;
    }
    container.started = r.loadStarted;
    container.departed = r.departed;
    const left = this.ctx.sim.now;
    m.record(left, r.loadStarted - container.arrived, left - r.loadStarted, container.measured);
    if (container.measured) {
      m.recordPhase(0, r.loadStarted - r.joined);
      m.recordPhase(1, r.departed - r.loadStarted);
      m.recordPhase(2, r.arrivedOffB - r.departed);
      m.recordPhase(3, r.berthedB - r.arrivedOffB);
      m.recordPhase(4, r.delivered - r.berthedB);
    }
    container.leave();
  }

  /** `reduced` scales the usable share of each vessel; `repair` takes vessels out. */
  override setCapacity(factor: number, unitsOut: number): void {
    this.service.setLoadFactor(this.baseLoadFactor * factor);
    this.service.setVesselsOutOfService(unitsOut);
  }

  /** One background unit (FEU-equivalent) boards like a box: a deck slot and its loading time. */
  override admitBackground(_feu: number, _direction: Direction, left: () => void = noLeave): void {
    this.units.admit(this.ctx.sim, this, left);
  }

  private changed(now: number): void {
    // Utilization counts vessels at work: a vessel waiting at the berth for cargo is not.
    this.monitor.setBusy(now, this.service.vesselsWorking);
  }
}
