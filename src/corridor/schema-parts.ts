/**
 * The building blocks of model-file schemas, shared by the file schema (schema.ts) and by every
 * kind of node and leg (src/corridor/kinds/<kind>/schema.ts): ids, durations, time
 * distributions with units, container counts, monthly multipliers, the fields every node and
 * leg has, and the disruptions any of them may carry.
 *
 * Units are explicit in the file: durations are `{ hours: n }` or `{ days: n }`; time
 * distributions carry `unit: hours | days`; container counts say `Feu` or `Teu` in the field
 * name. Inside the model one container is one FEU, and TEU = 2 FEU at the edges.
 */
import { z } from 'zod';

/** An id: lower-case letters, digits and dashes (never `__proto__` or `constructor`). */
export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes');
/** A number > 0. */
export const positive = z.number().positive();
/** A number >= 0. */
export const nonNegative = z.number().nonnegative();
/** An integer >= 1. */
export const positiveInt = z.number().int().positive();
/** A share in (0, 1]. */
export const fraction = z.number().gt(0).lte(1);

/** A duration with its unit: `{ hours: 48 }` or `{ days: 2 }`. */
export const durationSchema = z
  .union([z.strictObject({ hours: nonNegative }), z.strictObject({ days: nonNegative })])
  .describe('A duration such as { hours: 48 } or { days: 2 }.');

/** A time distribution: a distribution spec (see src/distributions) plus its unit. */
export const timeDistributionSchema = z
  .looseObject({
    dist: z.string().describe('A distribution kind such as lognormal, gamma, triangular or mixture.'),
    unit: z.enum(['hours', 'days']),
  })
  .describe('A distribution such as { dist: lognormal, mean: 20, cv: 0.3, unit: hours }; parameters are in `unit`.');

/** A count of containers: exactly one of FEU or TEU (2 TEU = 1 FEU). */
export const containerCountSchema = z
  .union([z.strictObject({ capacityFeu: positive }), z.strictObject({ capacityTeu: positive })])
  .describe('One of capacityFeu or capacityTeu, e.g. { capacityFeu: 100 } (2 TEU = 1 FEU).');

/** Twelve monthly multipliers, January first (1 = the annual average). */
export const monthlySchema = z.array(nonNegative).length(12);

/** A calendar date, YYYY-MM-DD (UTC). */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Random spells: alternating renewal of open spells `between` and closures `duration`. */
export const randomSpellsSchema = z
  .strictObject({
    /** Time between spells (open time) in the baseline month, intensity-weighted under seasonality. */
    between: timeDistributionSchema,
    /** Length of one spell. */
    duration: timeDistributionSchema,
    /** Monthly multipliers of the spell rate, January first (kept as given, not normalised). */
    seasonality: monthlySchema.optional(),
  })
  .describe('Random spells: { between: <time dist>, duration: <time dist>, seasonality?: [12 multipliers] }.');

/** A dated window: from (inclusive) to (exclusive), UTC dates, optionally every year. */
export const windowSchema = z
  .strictObject({ from: dateSchema, to: dateSchema, yearly: z.boolean().optional() })
  .describe('A window { from: "2025-11-03", to: "2025-11-20" } (UTC dates, to exclusive), optionally yearly: true.');

// When a disruption is active: exactly one of these (checked by the compiler, which can say so
// in words; a zod union would only say that no member matched).
const when = {
  /** Driven by a shared weather driver (top-level `weather`). */
  weather: id.optional(),
  random: randomSpellsSchema.optional(),
  window: windowSchema.optional(),
  /** What it stands for, for reports (a storm, a border hold, a dispatch ban). */
  reason: z.string().optional(),
};

/**
 * A disruption of a node or leg: closed, capacity reduced by a factor, or units (vessels,
 * servers, tracks) out for repair, while a weather driver, random spells or a window say so.
 */
export const disruptionSchema = z
  .discriminatedUnion('effect', [
    z.strictObject({
      effect: z.literal('closed'),
      /**
       * `all` (default): nothing is handled there. `waterside` (ports): vessels do not berth, load,
       * unload or leave, while the landside (rail and trucks to the yard) keeps working.
       */
      scope: z.enum(['all', 'waterside']).optional(),
      ...when,
    }),
    z.strictObject({ effect: z.literal('reduced'), factor: z.number().gt(0).lt(1), ...when }),
    z.strictObject({ effect: z.literal('repair'), units: positiveInt, ...when }),
  ])
  .describe('A disruption: { effect: closed | reduced (factor) | repair (units), and one of weather: <driver>, random: {...}, window: {...} }.');

/** Fields every node and leg has besides its own. */
export const stageCommon = {
  name: z.string().min(1),
  notes: z.string().optional(),
  /** Disruptions of this place: closures, reduced capacity, units in repair. */
  disruptions: z.array(disruptionSchema).optional(),
  /** `non-binding`: this capacity is an assumption believed not to bind; a run warns if it does. */
  capacityAssumption: z.literal('non-binding').optional(),
};

const position = z.strictObject({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });

/** Fields every node has besides its own. */
export const nodeCommon = {
  ...stageCommon,
  country: z.string().min(2).max(3).optional(),
  position: position.optional(),
};

/** Fields every leg has besides its own. */
export const legCommon = {
  ...stageCommon,
  from: id,
  to: id,
  /** Direction of travel, for direction-specific processing at yards. */
  direction: z.enum(['westbound', 'eastbound']).default('westbound'),
};

/** When a vehicle leaves: full, by timetable, or full-or-after-a-maximum-wait. */
export const departureSchema = z.discriminatedUnion('policy', [
  z.strictObject({ policy: z.literal('whenFull') }),
  z.strictObject({
    policy: z.literal('timetable'),
    /** Departure times within one period, from the period start. */
    times: z.array(durationSchema).min(1),
    /** The period after which the timetable repeats (e.g. { days: 7 }). */
    period: durationSchema,
    /** Containers must join at least this long before departure. */
    cutoff: durationSchema.optional(),
  }),
  z.strictObject({ policy: z.literal('fullOrMaxWait'), maxWait: durationSchema, minLoadFeu: positiveInt.optional() }),
]);

/** A duration with unit. */
export type DurationSpec = z.infer<typeof durationSchema>;
/** A time distribution with unit. */
export type TimeDistributionSpec = z.infer<typeof timeDistributionSchema>;
/** A container count in FEU or TEU. */
export type ContainerCountSpec = z.infer<typeof containerCountSchema>;
/** A departure policy. */
export type DepartureSpec = z.infer<typeof departureSchema>;
/** A disruption of a node or leg. */
export type DisruptionSpec = z.infer<typeof disruptionSchema>;
/** Random spells. */
export type RandomSpellsSpec = z.infer<typeof randomSpellsSchema>;
