/**
 * A port or rail terminal at run time: each container queues for a handling server (crane,
 * reach stacker), is handled, dwells in the yard and clears customs, then passes the gate. While
 * the place is closed no handling starts (servers drop to 0; boxes being handled finish);
 * `reduced` scales the servers and `repair` takes some out. Background units (other boxes,
 * trucks, wagons in FEU-equivalents) take a server each.
 */
import type { Distribution } from '../../../distributions/index.ts';
import type { ProcessGenerator } from '../../../engine/index.ts';
import type { RandomStream } from '../../../random/index.ts';
import { Resource } from '../../../resources/index.ts';
import { backgroundUnit, type Container, type RunContext } from '../../runtime/container.ts';
import { DisruptedServers, StageBase } from '../../runtime/stage.ts';
import type { Direction } from '../kind.ts';
import type { CompiledTerminal } from './compile.ts';

/** A terminal in a running replication. */
export class TerminalStage extends StageBase {
  readonly kind = 'terminal';
  private readonly handlers: Resource;
  private readonly gate: Resource | null;
  private readonly gateHeadway: number;
  private readonly handling: Distribution;
  private readonly delays: Distribution[];
  private readonly handlingStream: RandomStream;
  private readonly delayStream: RandomStream;
  private readonly servers: DisruptedServers;

  /** @param spec the compiled terminal. @param ctx the replication. */
  constructor(spec: CompiledTerminal, ctx: RunContext) {
    super(spec.id, spec.name, ctx, spec.servers);
    this.handlers = new Resource(ctx.sim, spec.servers, `${spec.id}/handling`);
    this.handlers.onChange = (now) => this.monitor.setBusy(now, this.handlers.users);
    this.gate = spec.gateHeadway !== undefined ? new Resource(ctx.sim, 1, `${spec.id}/gate`) : null;
    this.gateHeadway = spec.gateHeadway ?? 0;
    this.handling = spec.handling;
    this.delays = [spec.dwell, spec.customs].filter((d): d is Distribution => d !== undefined);
    this.handlingStream = ctx.streams.stream(`${spec.id}/handling`);
    this.delayStream = ctx.streams.stream(`${spec.id}/dwell-customs`);
    this.servers = new DisruptedServers(this.handlers, spec.servers, this.closure);
  }

  /** Handling queue and service, dwell and customs, then the gate. */
  *visit(container: Container): ProcessGenerator {
    const sim = this.ctx.sim;
    const monitor = this.monitor;
    const arrived = sim.now;
    const counted = !container.background;
    if (counted) monitor.joinQueue(arrived);
    const request = this.handlers.request();
    yield request;
    if (counted) monitor.leaveQueue(sim.now);
    const started = sim.now;
    yield sim.hold(this.handling.sample(this.handlingStream));
    this.handlers.release(request);
    if (!counted) {
      monitor.recordBackground(1, started - arrived);
      return;
    }
    let delay = 0;
    for (const d of this.delays) delay += d.sample(this.delayStream);
    if (delay > 0) yield sim.hold(delay);
    let gateWait = 0;
    if (this.gate !== null) {
      const queued = sim.now;
      monitor.joinQueue(queued);
      const slot = this.gate.request();
      yield slot;
      monitor.leaveQueue(sim.now);
      gateWait = sim.now - queued;
      yield sim.hold(this.gateHeadway);
      this.gate.release(slot);
    }
    container.started = started;
    container.group = null;
    const left = sim.now;
    const waited = started - arrived + gateWait;
    monitor.record(left, waited, left - arrived - waited, container.measured);
  }

  /** Scale the servers (`reduced`) and take some out (`repair`). */
  override setCapacity(factor: number, unitsOut: number): void {
    this.servers.set(factor, unitsOut);
  }

  /** One background unit (FEU-equivalent) to handle: it takes a server like a container. */
  override backgroundVisit(_feu: number, _direction: Direction): ProcessGenerator {
    return this.visit(backgroundUnit(this.ctx.sim.now));
  }
}
