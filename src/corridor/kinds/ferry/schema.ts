/**
 * File schema of a ferry leg: a Caspian feeder or Ro-Pax crossing run as berth operations
 * (boxes load one by one while a vessel is at the berth; each is delivered when its own
 * unloading ends).
 */
import { z } from 'zod';
import { containerCountSchema, departureSchema, fraction, legCommon, timeDistributionSchema, unitCount } from '../../schema-parts.ts';

/** A handling rate: per FEU, or per vessel call (the time for a full load, spread over its boxes). */
export const handlingRateSchema = z
  .union([z.strictObject({ perFeu: timeDistributionSchema }), z.strictObject({ perCall: timeDistributionSchema })])
  .describe('{ perFeu: <time dist> } or { perCall: <time dist> } (per call = a full load, spread over its boxes).');

/** A ferry or feeder crossing (the Caspian): a fleet of vessels calling at two ports. */
export const ferryLegSchema = z.strictObject({
  kind: z.literal('ferry'),
  ...legCommon,
  vessel: containerCountSchema,
  fleet: z.strictObject({ vessels: unitCount }),
  /** Vessels that may load at the origin at once (default 1). */
  berths: unitCount.optional(),
  departure: departureSchema,
  /** Mooring and ramp, per call, at each port. */
  berthing: timeDistributionSchema.optional(),
  loading: handlingRateSchema,
  /** After the load closes, before sailing (lashing, papers), per call. */
  closing: timeDistributionSchema.optional(),
  sailing: timeDistributionSchema,
  unloading: handlingRateSchema,
  /** At the destination after unloading (loading eastbound cargo, formalities), per call. */
  turnaround: timeDistributionSchema.optional(),
  /** Return voyage; defaults to the sailing time. */
  return: timeDistributionSchema.optional(),
  /** Share of nominal capacity usable (low water level limits draught); 1 = full. */
  loadFactor: fraction.default(1),
});

/** A ferry leg of a model file. */
export type FerryLegSpec = z.infer<typeof ferryLegSchema>;
