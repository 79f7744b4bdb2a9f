/**
 * Weather shared by several places on one sea (Aktau, Kuryk and Baku/Alat on the Caspian), and
 * closures that follow other closures.
 *
 * Shared weather is a common-shock model: storm episodes arrive as alternating renewal (see
 * `alternatingRenewal`) with the driver's open spells, durations and monthly rates. A share
 * `correlation` of the episode rate is sea-wide (one episode closes every place at once); the
 * rest, 1 - correlation, is local (each place has its own independent episodes). Every place
 * therefore sees storm onsets at the driver's full rate. With exponential open spells the
 * split is exact (a Poisson process thinned by a fixed share); for short closures the
 * correlation of two places' closed indicators is close to `correlation` (exactly
 * (c·f − f²)/(f − f²) with closed fraction f, if sea-wide and local episodes never overlapped).
 * Overlapping sea-wide and local episodes merge, so a place's closed fraction is slightly above
 * the single-process E[D]/(E[U]+E[D]) (at 50% closed and correlation 0.6: about 55%).
 */
import type { Distribution } from '../distributions/distribution.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { RandomStream } from '../random/index.ts';
import type { SimCalendar } from './calendar.ts';
import { alternatingRenewal, Closure } from './closure.ts';

/**
 * Make `target` closed whenever `source` is (a close with `reason` held while `source` is
 * closed), from now on. Returns a function that stops following.
 */
export function followClosure(source: Closure, target: Closure, reason: string): () => void {
  let holding = false;
  const sync = (isOpen: boolean): void => {
    if (!isOpen && !holding) {
      holding = true;
      target.close(reason);
    } else if (isOpen && holding) {
      holding = false;
      target.open(reason);
    }
  };
  sync(source.isOpen);
  return source.onChange((isOpen) => sync(isOpen));
}

/** Options of `sharedWeather`. Times in hours. */
export interface SharedWeatherOptions {
  /** Open spell between episodes, in intensity-weighted hours (see `alternatingRenewal`). */
  readonly timeBetween: Distribution;
  /** Length of one episode. */
  readonly duration: Distribution;
  /** Monthly multipliers of the episode rate (January first), or undefined for none. */
  readonly monthlyRate: readonly number[] | undefined;
  /** Needed with `monthlyRate`. */
  readonly calendar: SimCalendar;
  /** Share of the episode rate that is sea-wide, in [0, 1]. */
  readonly correlation: number;
  /** Stream of the sea-wide episodes. */
  readonly seaRng: RandomStream;
  /** Each place: its closure and the stream of its local episodes. */
  readonly places: readonly { readonly closure: Closure; readonly rng: RandomStream }[];
  /** Reason of the closes, default `"storm"`. */
  readonly reason?: string;
}

/** Start shared weather over `places`; see the module comment for the model. */
export function sharedWeather(sim: Simulation, options: SharedWeatherOptions): void {
  const { correlation, places } = options;
  if (!(correlation >= 0 && correlation <= 1)) throw new RangeError(`sharedWeather: correlation must be in [0, 1], got ${correlation}`);
  const reason = options.reason ?? 'storm';
  const base = options.monthlyRate ?? Array.from({ length: 12 }, () => 1);
  const scaled = (share: number): { calendar: SimCalendar; monthlyRate: number[] } => ({ calendar: options.calendar, monthlyRate: base.map((m) => m * share) });
  if (correlation > 0) {
    const sea = new Closure(sim, `${reason} (sea-wide)`);
    alternatingRenewal(sim, sea, { timeBetween: options.timeBetween, duration: options.duration, rng: options.seaRng, reason, seasonality: scaled(correlation) });
    for (const place of places) followClosure(sea, place.closure, `${reason} (sea-wide)`);
  }
  if (correlation < 1) {
    for (const place of places) {
      alternatingRenewal(sim, place.closure, { timeBetween: options.timeBetween, duration: options.duration, rng: place.rng, reason: `${reason} (local)`, seasonality: scaled(1 - correlation) });
    }
  }
}
