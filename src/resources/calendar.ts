/**
 * Simulation hours on the civil (UTC) calendar: which month, weekday and hour of day a
 * simulated instant falls on, so that seasonal models (Caspian storms in winter, low water in
 * autumn) and timetables can be tied to real dates.
 *
 * Month arithmetic goes through `Date.UTC`, so month lengths and leap years are the real
 * Gregorian ones. Every month boundary is computed as `(Date.UTC(...) - start) / 3.6e6`, and
 * `monthOfYear` and `nextMonthBoundary` are both defined from those same numbers, so they agree
 * exactly: at a boundary b, `monthOfYear(b)` is already the new month and
 * `nextMonthBoundary(b)` is the boundary after b (never b itself).
 *
 * Seasonal rates (`Seasonality`, `advanceByIntensity`) live here too: they are month arithmetic.
 */

const MS_PER_HOUR = 3_600_000;
// Month starts kept in a table (100 years, the longest run a model allows).
const MONTHS_KEPT = 1200;
const HOURS_PER_DAY = 24;
// A date, optionally with a UTC time. Local times are refused: their meaning depends on the
// machine's time zone, and a run must mean the same thing everywhere.
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z)?$/;

/** Parse a UTC ISO date (`"2025-01-01"` or `"2025-01-01T06:00Z"`) to epoch milliseconds. */
function parseUtc(text: string): number {
  const match = ISO_UTC.exec(text);
  if (match === null) {
    throw new Error(`Calendar dates must be UTC ISO dates like "2025-01-01" or "2025-01-01T06:00:00Z", got ${JSON.stringify(text)}`);
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  // The fraction is read as a decimal fraction of a second: ".05" is 50 ms.
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, Math.round(Number(`0.${match[7] ?? 0}`) * 1000));
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`Calendar date ${JSON.stringify(text)} is not a real date and time`);
  }
  return ms;
}

function requireFiniteHours(hours: number, what: string): void {
  if (!Number.isFinite(hours)) throw new RangeError(`SimCalendar.${what} requires a finite number of hours, got ${hours}`);
}

/**
 * Maps simulation time (hours since the start instant, which is simulation time 0) to calendar
 * positions in UTC. Negative hours are allowed and fall before the start date.
 */
export class SimCalendar {
  /** The start instant as epoch milliseconds (UTC); simulation time 0 is this instant. */
  readonly startMs: number;
  private readonly startYear: number;
  private readonly startMonth: number;
  /** Hours past midnight at the start instant (0 for a date-only start). */
  private readonly startHourOfDay: number;
  /** Weekday of the start date, 0 = Sunday. */
  private readonly startWeekday: number;
  // monthStart(offset) for offsets computed so far.
  private readonly monthStarts: number[] = [];

  /** @param startDate the UTC date (and optional time) of simulation hour 0, e.g. `"2025-01-01"`. */
  constructor(readonly startDate: string) {
    this.startMs = parseUtc(startDate);
    const start = new Date(this.startMs);
    this.startYear = start.getUTCFullYear();
    this.startMonth = start.getUTCMonth();
    this.startWeekday = start.getUTCDay();
    this.startHourOfDay = (this.startMs - Date.UTC(this.startYear, this.startMonth, start.getUTCDate())) / MS_PER_HOUR;
  }

  /** The UTC instant `hours` after the start (whole milliseconds). */
  dateAt(hours: number): Date {
    requireFiniteHours(hours, 'dateAt');
    return new Date(this.startMs + Math.round(hours * MS_PER_HOUR));
  }

  /** Simulation hours of a UTC ISO date or date-time (the inverse of `dateAt`). */
  hoursAt(isoDate: string): number {
    return (parseUtc(isoDate) - this.startMs) / MS_PER_HOUR;
  }

  /** Month of the year at `hours`: 0 = January ... 11 = December. */
  monthOfYear(hours: number): number {
    requireFiniteHours(hours, 'monthOfYear');
    const offset = this.monthOffset(hours);
    return (((this.startMonth + offset) % 12) + 12) % 12;
  }

  /** Hour of the day at `hours`, in [0, 24) (fractional: 6.5 is 06:30 UTC). */
  hourOfDay(hours: number): number {
    requireFiniteHours(hours, 'hourOfDay');
    // Work from the start's hour of day, not from epoch hours: adding ~480 000 epoch hours
    // would spend float precision that the fraction of an hour needs.
    const h = (hours + this.startHourOfDay) % HOURS_PER_DAY;
    return h < 0 ? h + HOURS_PER_DAY : h;
  }

  /** Day of the week at `hours`: 0 = Sunday ... 6 = Saturday (as `Date.getUTCDay`). */
  dayOfWeek(hours: number): number {
    requireFiniteHours(hours, 'dayOfWeek');
    const days = Math.floor((hours + this.startHourOfDay) / HOURS_PER_DAY);
    return (((this.startWeekday + days) % 7) + 7) % 7;
  }

  /** Simulation hours of the first instant of the next month: the smallest boundary > `hours`. */
  nextMonthBoundary(hours: number): number {
    requireFiniteHours(hours, 'nextMonthBoundary');
    return this.monthStart(this.monthOffset(hours) + 1);
  }

  /** Simulation hours of 00:00 UTC on the first of the month `offset` months after the start's month. */
  private monthStart(offset: number): number {
    // Seasonal arrivals ask for every arrival; Date.UTC was 2% of a corridor year. The table
    // holds the same numbers, computed once (offsets from 0 to 100 years).
    if (offset >= 0 && offset < MONTHS_KEPT) {
      const known = this.monthStarts[offset];
      if (known !== undefined) return known;
      const start = this.computeMonthStart(offset);
      this.monthStarts[offset] = start;
      return start;
    }
    return this.computeMonthStart(offset);
  }

  private computeMonthStart(offset: number): number {
    // Date.UTC normalises month overflow (month 12 is next January) and knows leap years.
    return (Date.UTC(this.startYear, this.startMonth + offset, 1) - this.startMs) / MS_PER_HOUR;
  }

  /** Months from the start's month to the month containing `hours` (may be negative). */
  private monthOffset(hours: number): number {
    // A guess from the average month length, corrected against the exact boundaries: the loops
    // run at most a step or two, and make the answer consistent with `monthStart` by definition.
    let offset = Math.floor((hours + this.startHourOfDay) / (365.2425 * HOURS_PER_DAY / 12));
    while (this.monthStart(offset + 1) <= hours) offset++;
    while (this.monthStart(offset) > hours) offset--;
    return offset;
  }
}

/**
 * A seasonal rate: `monthlyRate[m]` multiplies a baseline rate during calendar month m
 * (0 = January), e.g. the storm-onset rate of `alternatingRenewal`. The multipliers are used as
 * given, not normalised: 1 is the baseline month, 3 means three times as many events per hour,
 * 0 means none in that month. To keep the annual number of events of the unseasoned model, pass
 * multipliers whose day-weighted mean is 1.
 */
export interface Seasonality {
  readonly calendar: SimCalendar;
  /** Twelve non-negative multipliers, January first, not all zero. */
  readonly monthlyRate: readonly number[];
}

/** Months in 400 Gregorian years, after which the calendar (and so any monthly rate) repeats exactly. */
const CYCLE_MONTHS = 4800;
/** Hours in 400 Gregorian years (146 097 days). */
const CYCLE_HOURS = 146_097 * HOURS_PER_DAY;
/** Hours a Date can reach either side of 1970 (8.64e15 ms); later times are past any calendar. */
const DATE_RANGE_HOURS = 8.64e15 / MS_PER_HOUR;

/**
 * The time change behind seasonality: the real time t >= `from` at which ∫_from^t r(s) ds =
 * `amount`, with r(s) = `monthlyRate[month of s]` piecewise constant over calendar months.
 * Months of rate 0 are passed over whole, so nothing ends in them.
 *
 * A huge `amount` (a heavy-tailed draw, a tiny rate) would take one step per month for ever:
 * after 400 years walked, whole 400-year cycles (whose integral is the same for every cycle) are
 * skipped at once. Infinity when t lies beyond the dates the calendar can represent
 * (about 270 000 years): the event never happens in any run.
 */
export function advanceByIntensity(calendar: SimCalendar, monthlyRate: readonly number[], from: number, amount: number): number {
  let t = from;
  let remaining = amount;
  let months = 0;
  // Intensity of the whole months walked from the first boundary: one cycle's, once 4800 are done
  // (summed apart, since `remaining` may be too large to change by it).
  let perCycle = 0;
  for (;;) {
    const rate = monthlyRate[calendar.monthOfYear(t)] as number;
    const boundary = calendar.nextMonthBoundary(t);
    if (Number.isNaN(boundary)) return Infinity;
    if (rate > 0) {
      const end = t + remaining / rate;
      // max(): rounding in `remaining` must not step back before the month's start.
      if (end <= boundary) return Math.max(t, end);
      remaining -= rate * (boundary - t);
      if (months > 0) perCycle += rate * (boundary - t);
    }
    t = boundary;
    months++;
    if (months === 1 + CYCLE_MONTHS) {
      const cycles = perCycle > 0 ? Math.floor(remaining / perCycle) : 0;
      // Keep at most one cycle to walk, so rounding cannot skip past the answer.
      if (cycles > 1) {
        t += (cycles - 1) * CYCLE_HOURS;
        remaining -= (cycles - 1) * perCycle;
        // Past the dates a Date holds (and Date.UTC is slow to say so for huge months).
        if (!(t <= DATE_RANGE_HOURS)) return Infinity;
      }
    }
  }
}

/** Check twelve finite, non-negative multipliers, not all zero; returns them. */
export function validateMonthlyRate(monthlyRate: readonly number[]): readonly number[] {
  if (!Array.isArray(monthlyRate) || monthlyRate.length !== 12) {
    throw new RangeError(`seasonality.monthlyRate needs 12 multipliers (January first), got ${Array.isArray(monthlyRate) ? monthlyRate.length : String(monthlyRate)}`);
  }
  monthlyRate.forEach((rate, m) => {
    if (!(Number.isFinite(rate) && rate >= 0)) throw new RangeError(`seasonality.monthlyRate[${m}] must be a finite number >= 0, got ${rate}`);
  });
  if (monthlyRate.every((rate) => rate === 0)) throw new RangeError('seasonality.monthlyRate is all zero: the rate would be zero all year');
  return monthlyRate;
}
