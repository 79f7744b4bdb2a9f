/** File schema of a rail leg: block trains assembled at `from`, run to `to` on a line's paths. */
import { z } from 'zod';
import { containerCountSchema, departureSchema, id, legCommon, rate, timeDistributionSchema, unitCount } from '../../schema-parts.ts';

/** A rail leg: block trains assembled at `from`, run to `to`. */
export const railLegSchema = z.strictObject({
  kind: z.literal('rail'),
  ...legCommon,
  train: containerCountSchema,
  departure: departureSchema,
  /** Train paths per day on the line; legs naming the same `line` share them. */
  pathsPerDay: rate,
  line: id.optional(),
  running: timeDistributionSchema,
  /** Trainsets (wagon sets with locomotives) cycling on the leg; omitted = always available. */
  fleet: z.strictObject({ trainsets: unitCount, return: timeDistributionSchema }).optional(),
});

/** A rail leg of a model file. */
export type RailLegSpec = z.infer<typeof railLegSchema>;
