/**
 * The one interface every part of a route implements. A container's journey is a loop over its
 * route's stages, delegating to each stage's `visit` generator (see journey.ts).
 */
import type { ProcessGenerator } from '../../engine/index.ts';
import type { Container } from './container.ts';
import type { StageMonitor } from './stage-monitor.ts';

/** Kinds of stage, as reported. */
export type StageKind = 'terminal' | 'yard' | 'rail' | 'ferry' | 'sea';

/** A terminal, yard or leg as the simulation sees it. */
export interface Stage {
  readonly id: string;
  readonly name: string;
  readonly kind: StageKind;
  readonly monitor: StageMonitor;
  /**
   * Move `container` through this stage: wait for capacity, be served or carried, and set
   * `container.started` to when service began. Returns when the container leaves the stage.
   */
  visit(container: Container): ProcessGenerator;
  /** Hand the stage's measurement start to `now` (end of warm-up). */
  reset(now: number): void;
}
