import { describe, expect, it } from 'vitest';
import { SimCalendar } from '../../src/resources/calendar.ts';

describe('SimCalendar', () => {
  it('maps hours to months with real month lengths, leap February included', () => {
    const leap = new SimCalendar('2024-01-01');
    expect(leap.monthOfYear(0)).toBe(0);
    expect(leap.monthOfYear(743.999)).toBe(0);
    expect(leap.monthOfYear(744)).toBe(1);
    // 29 February 2024, 23:00, is still February; 1 March starts at (31 + 29) * 24 = 1440 h.
    expect(leap.monthOfYear(1439)).toBe(1);
    expect(leap.monthOfYear(1440)).toBe(2);
    expect(leap.nextMonthBoundary(744)).toBe(1440);
    expect(leap.dateAt(1416).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    const plain = new SimCalendar('2025-01-01');
    expect(plain.nextMonthBoundary(744)).toBe(1416);
    expect(plain.monthOfYear(1416)).toBe(2);
    expect(plain.monthOfYear(-1)).toBe(11);
  });

  it('twelve month boundaries make a year: 8784 h in 2024, 8760 h in 2025', () => {
    for (const [start, hours] of [['2024-01-01', 8784], ['2025-01-01', 8760]] as const) {
      const calendar = new SimCalendar(start);
      let t = 0;
      const months: number[] = [];
      for (let i = 0; i < 12; i++) {
        months.push(calendar.monthOfYear(t));
        const next = calendar.nextMonthBoundary(t);
        expect(next).toBeGreaterThan(t);
        t = next;
      }
      expect(months).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(t).toBe(hours);
      expect(calendar.monthOfYear(t)).toBe(0);
    }
  });

  it('gives hour of day and day of week', () => {
    const calendar = new SimCalendar('2025-01-01'); // a Wednesday
    expect(calendar.dayOfWeek(0)).toBe(3);
    expect(calendar.dayOfWeek(4 * 24 - 0.5)).toBe(6);
    expect(calendar.dayOfWeek(4 * 24)).toBe(0);
    expect(calendar.dayOfWeek(-1)).toBe(2);
    expect(calendar.hourOfDay(30.5)).toBe(6.5);
    expect(calendar.hourOfDay(-1)).toBe(23);
  });

  it('accepts a UTC start time and converts dates both ways', () => {
    const calendar = new SimCalendar('2025-01-31T12:00Z');
    expect(calendar.hourOfDay(0)).toBe(12);
    expect(calendar.nextMonthBoundary(0)).toBe(12);
    expect(calendar.monthOfYear(12)).toBe(1);
    expect(calendar.dayOfWeek(12)).toBe(6); // 1 February 2025 is a Saturday
    expect(calendar.hoursAt('2025-03-01')).toBe(12 + 28 * 24);
    expect(new SimCalendar('2025-01-01T00:00:00.05Z').startMs - Date.UTC(2025, 0, 1)).toBe(50);
  });

  it('refuses local times, impossible dates and non-finite hours', () => {
    expect(() => new SimCalendar('2025-01-01T00:00')).toThrow('Calendar dates must be UTC ISO dates like "2025-01-01"');
    expect(() => new SimCalendar('2025-02-29')).toThrow('Calendar date "2025-02-29" is not a real date and time');
    expect(() => new SimCalendar('2025-01-01').monthOfYear(NaN)).toThrow('SimCalendar.monthOfYear requires a finite number of hours, got NaN');
  });
});
