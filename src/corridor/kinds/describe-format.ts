/**
 * Numbers for people, shared by the kinds' descriptions (what `corridor-sim validate` prints):
 * durations in hours below two days and days above, three significant digits, departure rules
 * in words.
 */
import type { DeparturePolicy } from '../../resources/index.ts';

const HOURS_PER_WEEK = 168;

/** A duration for people: hours below two days, days above. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return '';
  return hours < 48 ? `${round(hours)} h` : `${round(hours / 24)} days`;
}

/** Three significant digits at most, without trailing zeros. */
export function round(value: number): string {
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** A departure rule in words: "when full or after 2 days (min 41 FEU)", "timetable, 7/week". */
export function policyText(policy: DeparturePolicy): string {
  switch (policy.kind) {
    case 'whenFull':
      return 'when full';
    case 'fullOrMaxWait':
      return `when full or after ${formatHours(policy.maxWait)}${(policy.minLoad ?? 1) > 1 ? ` (min ${policy.minLoad} FEU)` : ''}`;
    case 'timetable': {
      const perWeek = policy.period !== undefined ? (policy.times.length * HOURS_PER_WEEK) / policy.period : policy.times.length;
      return policy.period !== undefined ? `timetable, ${round(perWeek)}/week` : `timetable, ${policy.times.length} in all`;
    }
  }
}
