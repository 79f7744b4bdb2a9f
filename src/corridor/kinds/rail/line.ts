/** A rail line's train paths: one departure per headway, shared by every leg naming the line. */
import { Servers } from '../../../resources/index.ts';
import type { RunContext } from '../../runtime/container.ts';
import type { StageMonitor } from '../../runtime/stage-monitor.ts';

/** The paths of one line in a running replication. */
export class Line {
  readonly paths: Servers;
  private readonly monitors: StageMonitor[] = [];

  /** @param id the line id. @param ctx the replication. */
  constructor(readonly id: string, ctx: RunContext) {
    this.paths = new Servers(ctx.sim, 1, `line/${id}`);
    this.paths.onChange = (now) => {
      for (const monitor of this.monitors) monitor.setBusy(now, this.paths.users);
    };
  }

  /** Report this line's occupancy as the utilization of `monitor`. */
  watch(monitor: StageMonitor): void {
    this.monitors.push(monitor);
  }
}

/** The lines of one replication, made on first use. */
export class Lines {
  private readonly byId = new Map<string, Line>();

  /** @param ctx the replication. */
  constructor(private readonly ctx: RunContext) {}

  /** The line `id`, made if new. */
  get(id: string): Line {
    let line = this.byId.get(id);
    if (line === undefined) {
      line = new Line(id, this.ctx);
      this.byId.set(id, line);
    }
    return line;
  }
}

const perReplication = new WeakMap<RunContext, Lines>();

/** The lines of the replication `ctx` (shared by its rail legs). */
export function linesOf(ctx: RunContext): Lines {
  let lines = perReplication.get(ctx);
  if (lines === undefined) {
    lines = new Lines(ctx);
    perReplication.set(ctx, lines);
  }
  return lines;
}
