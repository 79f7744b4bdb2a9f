/**
 * A port or rail terminal at run time: each container queues for a handling server (crane,
 * reach stacker), is handled, dwells in the yard and clears customs, then passes the gate. While
 * the place is closed no handling starts (servers drop to 0; boxes being handled finish);
 * `reduced` scales the servers and `repair` takes some out. Background units (other boxes,
 * trucks, wagons in FEU-equivalents) take a server each.
 */
import type { Distribution } from '../../../distributions/index.ts';
import { NORMAL } from '../../../engine/index.ts';
import type { RandomStream } from '../../../random/index.ts';
import { Servers } from '../../../resources/index.ts';
import { BackgroundUnits } from '../../runtime/background-units.ts';
import { noLeave, type Container, type RunContext } from '../../runtime/container.ts';
import { DisruptedServers, StageBase } from '../../runtime/stage.ts';
import type { Direction } from '../kind.ts';
import type { CompiledTerminal } from './compile.ts';

// Steps of a container's visit (see `resume`).
const HANDLING = 1;
const HANDLED = 2;
const DWELT = 3;
const AT_GATE = 4;
const THROUGH_GATE = 5;

/** A terminal in a running replication. */
export class TerminalStage extends StageBase {
  readonly kind = 'terminal';
  /** Names of a container's steps for event traces, by the step numbers above. */
  readonly steps = ['arrive', 'handling', 'handled', 'dwelt', 'at gate', 'through gate'] as const;
  private readonly handlers: Servers;
  private readonly gate: Servers | null;
  private readonly gateHeadway: number;
  private readonly handling: Distribution;
  private readonly delays: Distribution[];
  private readonly handlingStream: RandomStream;
  private readonly delayStream: RandomStream;
  private readonly servers: DisruptedServers;
  private readonly units = new BackgroundUnits();

  /** @param spec the compiled terminal. @param ctx the replication. */
  constructor(spec: CompiledTerminal, ctx: RunContext) {
    super(spec.id, spec.name, ctx, spec.servers);
    this.handlers = new Servers(ctx.sim, spec.servers, `${spec.id}/handling`);
    this.handlers.onChange = (now) => this.monitor.setBusy(now, this.handlers.users);
    this.gate = spec.gateHeadway !== undefined ? new Servers(ctx.sim, 1, `${spec.id}/gate`) : null;
    this.gateHeadway = spec.gateHeadway ?? 0;
    this.handling = spec.handling;
    this.delays = [spec.dwell, spec.customs].filter((d): d is Distribution => d !== undefined);
    this.handlingStream = ctx.streams.stream(`${spec.id}/handling`);
    this.delayStream = ctx.streams.stream(`${spec.id}/dwell-customs`);
    this.servers = new DisruptedServers(this.handlers, spec.servers, this.closure);
  }

  /** Queue for a handling server (then handling, dwell and customs, then the gate: `resume`). */
  arrive(container: Container): void {
    if (!container.background) this.monitor.joinQueue(container.arrived);
    this.handlers.request(container, HANDLING);
  }

  /** The next step of a container's visit. */
  resume(container: Container, step: number): void {
    const sim = this.ctx.sim;
    const monitor = this.monitor;
    switch (step) {
      case HANDLING:
        if (!container.background) monitor.leaveQueue(sim.now);
        container.started = sim.now;
        sim.enqueue(container, this.handling.sample(this.handlingStream), NORMAL, HANDLED);
        return;
      case HANDLED: {
        this.handlers.release();
        if (container.background) {
          monitor.recordBackground(1, container.started - container.arrived);
          container.leave();
          return;
        }
        let delay = 0;
        for (const d of this.delays) delay += d.sample(this.delayStream);
        if (delay > 0) sim.enqueue(container, delay, NORMAL, DWELT);
        else this.toGate(container);
        return;
      }
      case DWELT:
        this.toGate(container);
        return;
      case AT_GATE:
        monitor.leaveQueue(sim.now);
        // From here on `mark` is the gate wait.
        container.mark = sim.now - container.mark;
        sim.enqueue(container, this.gateHeadway, NORMAL, THROUGH_GATE);
        return;
      case THROUGH_GATE:
        (this.gate as Servers).release();
        this.depart(container, container.mark);
        return;
      default:
        throw new Error(`Terminal "${this.id}": unknown step ${step}`);
    }
  }

  private toGate(container: Container): void {
    const gate = this.gate;
    if (gate === null) {
      this.depart(container, 0);
      return;
    }
    const now = this.ctx.sim.now;
    container.mark = now;
    this.monitor.joinQueue(now);
    gate.request(container, AT_GATE);
  }

  private depart(container: Container, gateWait: number): void {
    container.group = null;
    const left = this.ctx.sim.now;
    const arrived = container.arrived;
    const waited = container.started - arrived + gateWait;
    this.monitor.record(left, waited, left - arrived - waited, container.measured);
    container.leave();
  }

  /** Scale the servers (`reduced`) and take some out (`repair`). */
  override setCapacity(factor: number, unitsOut: number): void {
    this.servers.set(factor, unitsOut);
  }

  /** One background unit (FEU-equivalent) to handle: it takes a server like a container. */
  override admitBackground(_feu: number, _direction: Direction, left: () => void = noLeave): void {
    this.units.admit(this.ctx.sim, this, left);
  }
}
