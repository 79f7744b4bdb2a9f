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
import { MAX_HOURS } from './units.ts';

/**
 * Names that JavaScript objects inherit or treat specially: as an id or a key they could reach an
 * object's prototype, so they are refused everywhere in model and overlay files.
 */
export const RESERVED_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The id pattern: a lower-case letter or digit, then lower-case letters, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * An id of a node, leg, route, demand, weather driver, line or model: `^[a-z0-9][a-z0-9-]*$`
 * (lower-case letters, digits and dashes, e.g. `caspian-feeder`), and none of the reserved
 * JavaScript names `constructor` and `prototype` (`__proto__` fails the pattern already).
 */
export const id = z
  .string()
  .regex(ID_PATTERN, 'an id of lower-case letters, digits and dashes, starting with a letter or digit')
  .refine((text) => !RESERVED_NAMES.includes(text), 'an id other than the reserved names __proto__, constructor and prototype')
  .describe('An id: lower-case letters, digits and dashes (pattern ^[a-z0-9][a-z0-9-]*$), not constructor or prototype.');
/** A number > 0. */
export const positive = z.number().positive();
/** A number >= 0. */
export const nonNegative = z.number().nonnegative();
/** An integer >= 1. */
export const positiveInt = z.number().int().positive();
/** A share in (0, 1]. */
export const fraction = z.number().gt(0).lte(1);

/**
 * Most units of one kind at a place (servers, tracks, vessels, trainsets, berths, units in
 * repair). Far above any real place; it catches a typo such as 1e9 whose per-unit arrays would
 * not fit in memory.
 */
export const MAX_UNITS = 10_000;
/** A count of units (servers, tracks, vessels, trainsets, berths): an integer from 1 to MAX_UNITS. */
export const unitCount = positiveInt.max(MAX_UNITS);

/**
 * Smallest rate per day or per week (paths, sailings, containers or trains per day): one per
 * thousand days or weeks, so the headway (period / rate) stays within MAX_HOURS.
 */
export const MIN_RATE = 0.001;
/** Largest rate per day or per week: a million, a headway of well under a second. */
export const MAX_RATE = 1_000_000;
/** A rate per day or per week, from MIN_RATE to MAX_RATE. */
export const rate = z.number().gte(MIN_RATE).lte(MAX_RATE);

/**
 * Largest demand or probe volume, FEU per week (about 104 million TEU a year): above all the
 * world's container trade on one flow, so a larger number is a typo (1e308) that would only
 * fill memory. Checked where volumes are converted (compile-model.ts).
 */
export const MAX_FEU_PER_WEEK = 1_000_000;

/** A duration with its unit: `{ hours: 48 }` or `{ days: 2 }`, at most MAX_HOURS (100 years). */
export const durationSchema = z
  .union([z.strictObject({ hours: nonNegative.max(MAX_HOURS) }), z.strictObject({ days: nonNegative.max(MAX_HOURS / 24) })])
  .describe('A duration such as { hours: 48 } or { days: 2 }, at most 100 years.');

/** A time distribution: a distribution spec (see src/distributions) plus its unit. */
export const timeDistributionSchema = z
  .looseObject({
    dist: z.string().describe('A distribution kind such as lognormal, gamma, triangular or mixture.'),
    unit: z.enum(['hours', 'days']),
  })
  .describe('A distribution such as { dist: lognormal, mean: 20, cv: 0.3, unit: hours }; parameters are in `unit`.');

/** Largest vehicle capacity, FEU: ten times the largest container ship (24 000 TEU). */
export const MAX_CAPACITY_FEU = 120_000;
/**
 * A count of containers: exactly one of FEU or TEU (2 TEU = 1 FEU), at least one FEU (a vehicle
 * that cannot take one box never leaves) and at most MAX_CAPACITY_FEU.
 */
export const containerCountSchema = z
  .union([
    z.strictObject({ capacityFeu: z.number().gte(1).lte(MAX_CAPACITY_FEU) }),
    z.strictObject({ capacityTeu: z.number().gte(2).lte(2 * MAX_CAPACITY_FEU) }),
  ])
  .describe('One of capacityFeu or capacityTeu, e.g. { capacityFeu: 100 } (2 TEU = 1 FEU), at least 1 FEU.');

/**
 * Largest monthly multiplier: a month a thousand times the baseline is far beyond any season,
 * and it keeps rates (and so the number of events) bounded.
 */
export const MAX_MONTHLY = 1000;
/** Twelve monthly multipliers, January first (1 = the annual average), each from 0 to MAX_MONTHLY. */
export const monthlySchema = z.array(nonNegative.max(MAX_MONTHLY)).length(12);

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
    // A factor below 0.01 is a closure in all but name (and would stretch headways by 1 / factor).
    z.strictObject({ effect: z.literal('reduced'), factor: z.number().gte(0.01).lt(1), ...when }),
    z.strictObject({ effect: z.literal('repair'), units: unitCount, ...when }),
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
  /** Points the report's map draws the leg through, in order; degrees. Map only: no effect on the simulation. */
  waypoints: z
    .array(position)
    .optional()
    .describe('Map only: points (lon, lat in degrees) the report map draws the leg through between `from` and `to`, in order, e.g. sea lanes via Suez; no effect on the simulation.'),
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
