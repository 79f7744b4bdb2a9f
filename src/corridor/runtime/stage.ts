/**
 * The one interface every part of a route implements, and the base class the kinds share. A
 * container's journey passes it from stage to stage (journey.ts); each stage is a state machine
 * over the containers in it: `arrive` takes one in, the stage schedules the container itself with
 * step numbers of its own, `resume` is handed those steps back, and `container.leave()` ends the
 * visit.
 *
 * Why not a generator process per visit, as the engine also allows? A corridor year is 56,000
 * containers through a dozen stages each; a generator frame, a request event and a delivery
 * event per visit made most of the allocation of a run. The state machines make the same entries
 * at the same moments as those processes did (a grant, a hold, a delivery each schedule one entry
 * where the event would have), so the order of events, and every result, is the same.
 */
import { Closure, followClosure, usableItems } from '../../resources/index.ts';
import type { Direction } from '../kinds/kind.ts';
import { noLeave, type Container, type RunContext } from './container.ts';
import { StageMonitor } from './stage-monitor.ts';

/** A terminal, yard or leg as the simulation sees it. */
export interface Stage {
  readonly id: string;
  readonly name: string;
  /** The kind's name (a key of the kind registry). */
  readonly kind: string;
  readonly monitor: StageMonitor;
  /** The place's closure: closed while any `closed` disruption of this node or leg is active. */
  readonly closure: Closure;
  /**
   * The waterside's closure (a port's berths): closed while the place is closed or a
   * `scope: waterside` closure is active. Ferry and sea legs follow their ports' waterside.
   */
  readonly waterside: Closure;
  /**
   * `container` arrives now (`container.arrived`): wait for capacity, be served or carried, set
   * `container.started` to when service began, and call `container.leave()` when it leaves.
   */
  arrive(container: Container): void;
  /** An entry this stage scheduled for `container` with `step` (>= 1) fired. */
  resume(container: Container, step: number): void;
  /** Names of a container's steps here, by number, 0 being `arrive` (for event traces). */
  readonly steps: readonly string[];
  /**
   * Capacity disruptions changed: `factor` is the product of the active `reduced` factors (1 for
   * none), `unitsOut` the sum of the active `repair` units (0 for none).
   */
  setCapacity(factor: number, unitsOut: number): void;
  /**
   * Background traffic: one unit (a train of `feu` FEU-equivalents, or one FEU-equivalent)
   * arrives now, starting in an URGENT entry at this instant. It takes capacity like a container
   * but is measured apart; `left`, if given, is called as the unit leaves.
   */
  admitBackground(feu: number, direction: Direction, left?: () => void): void;
  /** Hand the stage's measurement start to `now` (end of warm-up). */
  reset(now: number): void;
}

/**
 * The servers (cranes, tracks) of a stage under its disruptions: `base` of them, floor(base x
 * factor) under `reduced` (usableItems, the load-factor rule) less the `repair` units out, and
 * none while the place is closed (units in service finish).
 */
export class DisruptedServers {
  /** Product of the active `reduced` factors (1 for none); kinds also scale headways by it. */
  factor = 1;
  private unitsOut = 0;

  /** @param resource the servers. @param base their number with no disruption. @param closure the place's closure. */
  constructor(
    private readonly resource: { setCapacity(capacity: number): void },
    private readonly base: number,
    private readonly closure: Closure,
  ) {
    closure.onChange(() => this.apply());
  }

  /** Active `reduced` factor and `repair` units out changed (a stage's `setCapacity`). */
  set(factor: number, unitsOut: number): void {
    this.factor = factor;
    this.unitsOut = unitsOut;
    this.apply();
  }

  private apply(): void {
    this.resource.setCapacity(this.closure.isOpen ? Math.max(0, usableItems(this.base, this.factor) - this.unitsOut) : 0);
  }
}

/** Identity, monitor and closure of a stage; kinds extend it. */
export abstract class StageBase implements Stage {
  abstract readonly kind: string;
  readonly monitor: StageMonitor;
  readonly closure: Closure;
  readonly waterside: Closure;

  /**
   * @param id the node or leg id. @param name its name. @param ctx the replication.
   * @param capacity servers, tracks, vessels or paths for utilization (NaN where none).
   * @param phases names of the sub-times this stage measures per container (hours).
   */
  constructor(
    readonly id: string,
    readonly name: string,
    protected readonly ctx: RunContext,
    capacity: number,
    phases: readonly string[] = [],
  ) {
    this.monitor = new StageMonitor(capacity, ctx.sim.now, phases, ctx.stageStatistics ?? true);
    this.closure = new Closure(ctx.sim, id);
    this.waterside = new Closure(ctx.sim, `${id}/waterside`);
    followClosure(this.closure, this.waterside, 'place closed');
  }

  abstract arrive(container: Container): void;

  abstract resume(container: Container, step: number): void;

  abstract readonly steps: readonly string[];

  /** By default a kind has no capacity to scale (the compiler refuses such disruptions). */
  setCapacity(factor: number, unitsOut: number): void {
    if (factor !== 1 || unitsOut !== 0) throw new Error(`Stage "${this.id}" (${this.kind}) has no capacity a disruption could change`);
  }

  /** By default a kind takes no background traffic (the compiler refuses it). */
  admitBackground(_feu: number, _direction: Direction, _left: () => void = noLeave): void {
    throw new Error(`Stage "${this.id}" (${this.kind}) takes no background traffic`);
  }

  /** Restart measurement at `now`. */
  reset(now: number): void {
    this.monitor.reset(now, this.waterside.closedHours);
  }
}
