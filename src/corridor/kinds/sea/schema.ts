/** File schema of a sea leg: a liner service with weekly sailings (via Suez, the Cape, the Black Sea). */
import { z } from 'zod';
import { containerCountSchema, durationSchema, legCommon, rate, timeDistributionSchema } from '../../schema-parts.ts';

/** A deep-sea leg: a liner service with weekly sailings. */
export const seaLegSchema = z.strictObject({
  kind: z.literal('sea'),
  ...legCommon,
  /** Capacity allocated to this flow per sailing. */
  vessel: containerCountSchema,
  sailingsPerWeek: rate,
  cutoff: durationSchema.optional(),
  transit: timeDistributionSchema,
  /** Transshipment dwell at a hub, if any. */
  transshipment: timeDistributionSchema.optional(),
});

/** A sea leg of a model file. */
export type SeaLegSpec = z.infer<typeof seaLegSchema>;
