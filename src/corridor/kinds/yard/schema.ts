/** File schema of a yard: a border crossing or gauge-change station handling whole trains. */
import { z } from 'zod';
import { nodeCommon, rate, timeDistributionSchema, unitCount } from '../../schema-parts.ts';

/** A border crossing or gauge-change yard: whole trains are handled. */
export const yardSchema = z.strictObject({
  kind: z.literal('yard'),
  ...nodeCommon,
  /** Trains handled at once (tracks, transfer gantries). */
  tracks: unitCount,
  /** Processing time per train, by direction (inbound and outbound differ at borders). */
  processing: z.strictObject({ westbound: timeDistributionSchema, eastbound: timeDistributionSchema.optional() }),
  /** Optional cap on trains handled per day (paperwork, locomotives), applied as a minimum headway. */
  trainsPerDay: rate.optional(),
});

/** A yard node of a model file. */
export type YardSpec = z.infer<typeof yardSchema>;
