/** File schema of a terminal: a port or rail terminal where containers are handled one by one. */
import { z } from 'zod';
import { nodeCommon, rate, timeDistributionSchema, unitCount } from '../../schema-parts.ts';

/** A port or rail terminal: containers are handled one by one. */
export const terminalSchema = z.strictObject({
  kind: z.literal('terminal'),
  ...nodeCommon,
  /** Cranes, reach stackers or berth gangs working in parallel. */
  handling: z.strictObject({ servers: unitCount, time: timeDistributionSchema }),
  /** Yard dwell before the container is ready for the next leg (paperwork, scheduling). */
  dwell: timeDistributionSchema.optional(),
  /** Customs and inspection delay: usually a mixture (most boxes 0 h, some inspected). */
  customs: timeDistributionSchema.optional(),
  /** Gate or in-terminal transfer lanes: containers per day. */
  gate: z.strictObject({ containersPerDay: rate }).optional(),
});

/** A terminal node of a model file. */
export type TerminalSpec = z.infer<typeof terminalSchema>;
