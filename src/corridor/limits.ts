/**
 * Runtime limits of one replication: guards against runaway models (a demand far above what the
 * corridor can carry, a lot size near 0, a horizon of centuries) that would otherwise eat
 * gigabytes or run for hours before anyone noticed. A model file may raise them in an optional
 * top-level block, `limits: { maxFeuInSystem: <n>, maxEventsPerReplication: <n> }`; the checks
 * are counter compares on the hot path, so they cost nothing measurable.
 */
import { z } from 'zod';

/** The limits a replication runs under. */
export interface ModelLimits {
  /** Most FEU in the system at once: containers entered and not delivered, plus background units. */
  readonly maxFeuInSystem: number;
  /** Most future-event-list entries one replication (warm-up and horizon) may process. */
  readonly maxEventsPerReplication: number;
}

/**
 * The defaults, far above what the shipped model needs and still safe on a laptop:
 * - `maxFeuInSystem` 250 000 FEU: `models/middle-corridor.yaml` holds a few thousand FEU at
 *   once, so this leaves a margin of fifty or more; each FEU in the system holds a container,
 *   its seats on transports and its queue entries (under 1 kB by their fields; the earlier
 *   process runtime's was measured at about 1.5 kB), so the limit keeps one replication under
 *   about 0.4 GB, and a few worker threads side by side under the heap limit.
 * - `maxEventsPerReplication` 50 000 000 events: one simulated year of the shipped model is about
 *   1.2 million events (about 0.4 s), so this allows some 40 years of it, or a model ten times as
 *   busy for several years, while a run that hangs is stopped within a minute or so.
 */
export const DEFAULT_LIMITS: ModelLimits = { maxFeuInSystem: 250_000, maxEventsPerReplication: 50_000_000 };

/** A limit value: a whole number >= 1 (up to 2^53 - 1, where integers stay exact). */
const limitValue = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The optional `limits:` block of a model file; an omitted limit keeps its default. */
export const limitsSchema = z
  .strictObject({
    /** Most FEU (containers and background units) in the system at once; default 250 000. */
    maxFeuInSystem: limitValue.optional(),
    /** Most events one replication may process; default 50 000 000. */
    maxEventsPerReplication: limitValue.optional(),
  })
  .describe(
    `Runtime limits of one replication, raised for a model that really needs more: { maxFeuInSystem: ${DEFAULT_LIMITS.maxFeuInSystem}, maxEventsPerReplication: ${DEFAULT_LIMITS.maxEventsPerReplication} } (the defaults).`,
  );

/** The `limits:` block of a model file. */
export type LimitsSpec = z.infer<typeof limitsSchema>;

/** The limits of a model file: its `limits:` block over the defaults. */
export function compileLimits(spec: LimitsSpec | undefined): ModelLimits {
  return {
    maxFeuInSystem: spec?.maxFeuInSystem ?? DEFAULT_LIMITS.maxFeuInSystem,
    maxEventsPerReplication: spec?.maxEventsPerReplication ?? DEFAULT_LIMITS.maxEventsPerReplication,
  };
}

/**
 * A replication stopped at a limit. The message names the limit, the value reached, the time, the
 * likely causes and how to raise it (`limits:` in the model file), on one line.
 */
export class LimitError extends Error {
  override readonly name = 'LimitError';

  /**
   * @param limit which limit was reached.
   * @param value its value (FEU or events).
   * @param time simulation time when it was reached, hours.
   */
  constructor(
    readonly limit: keyof ModelLimits,
    readonly value: number,
    readonly time: number,
  ) {
    const at = `t=${time.toFixed(1)} h (day ${(time / 24).toFixed(1)})`;
    const what =
      limit === 'maxFeuInSystem'
        ? `${value} FEU were in the system at once at ${at}, a sign of demand far above what the routes can carry or of a lot size or capacity off by orders of magnitude`
        : `${value} events were processed by ${at}, a sign of a demand or rate off by orders of magnitude or of a very long horizon`;
    super(`Replication stopped at limit ${limit} = ${value}: ${what}. If the model really needs more, raise the limit in the model file: limits: { ${limit}: ${value * 10} }`);
  }
}
