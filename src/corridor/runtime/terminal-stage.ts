/**
 * A port or rail terminal: each container queues for a handling server (crane, reach stacker),
 * is handled, dwells in the yard and clears customs, then passes the gate.
 */
import type { Distribution } from '../../distributions/index.ts';
import type { RandomStream } from '../../random/index.ts';
import { Resource } from '../../resources/index.ts';
import type { CompiledTerminal } from '../compiled.ts';
import type { Container, RunContext } from './container.ts';
import { StageMonitor } from './stage-monitor.ts';
import type { Stage } from './stage.ts';
import type { ProcessGenerator } from '../../engine/index.ts';

/** A terminal in a running replication. */
export class TerminalStage implements Stage {
  readonly kind = 'terminal';
  readonly id: string;
  readonly name: string;
  readonly monitor: StageMonitor;
  private readonly handlers: Resource;
  private readonly gate: Resource | null;
  private readonly gateHeadway: number;
  private readonly handling: Distribution;
  private readonly delays: Distribution[];
  private readonly handlingStream: RandomStream;
  private readonly delayStream: RandomStream;

  /** @param spec the compiled terminal. @param ctx the replication. */
  constructor(spec: CompiledTerminal, private readonly ctx: RunContext) {
    this.id = spec.id;
    this.name = spec.name;
    this.monitor = new StageMonitor(spec.servers, ctx.sim.now);
    this.handlers = new Resource(ctx.sim, spec.servers, `${spec.id}/handling`);
    this.handlers.onChange = (now) => this.monitor.setBusy(now, this.handlers.users);
    this.gate = spec.gateHeadway !== undefined ? new Resource(ctx.sim, 1, `${spec.id}/gate`) : null;
    this.gateHeadway = spec.gateHeadway ?? 0;
    this.handling = spec.handling;
    this.delays = [spec.dwell, spec.customs].filter((d): d is Distribution => d !== undefined);
    this.handlingStream = ctx.streams.stream(`${spec.id}/handling`);
    this.delayStream = ctx.streams.stream(`${spec.id}/dwell-customs`);
  }

  /** Handling queue and service, dwell and customs, then the gate. */
  *visit(container: Container): ProcessGenerator {
    const sim = this.ctx.sim;
    const monitor = this.monitor;
    const arrived = sim.now;
    monitor.joinQueue(arrived);
    const request = this.handlers.request();
    yield request;
    monitor.leaveQueue(sim.now);
    const started = sim.now;
    yield sim.timeout(this.handling.sample(this.handlingStream));
    this.handlers.release(request);
    let delay = 0;
    for (const d of this.delays) delay += d.sample(this.delayStream);
    if (delay > 0) yield sim.timeout(delay);
    let gateWait = 0;
    if (this.gate !== null) {
      const queued = sim.now;
      monitor.joinQueue(queued);
      const slot = this.gate.request();
      yield slot;
      monitor.leaveQueue(sim.now);
      gateWait = sim.now - queued;
      yield sim.timeout(this.gateHeadway);
      this.gate.release(slot);
    }
    container.started = started;
    container.group = null;
    const left = sim.now;
    const waited = started - arrived + gateWait;
    monitor.record(left, waited, left - arrived - waited, container.measured);
  }

  /** Restart measurement at `now`. */
  reset(now: number): void {
    this.monitor.reset(now);
  }
}
