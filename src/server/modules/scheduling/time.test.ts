import { describe, expect, it } from 'vitest';
import { holidayOn } from './holidays.js';
import { eachDate, localDate, localTime, weekdayOf, zonedInstant } from './time.js';

const tz = 'Europe/Helsinki';

describe('business time in Europe/Helsinki', () => {
  it('09:00 local is 07:00Z in winter and 06:00Z in summer, on both sides of each DST change', () => {
    expect(zonedInstant('2026-03-27', '09:00', tz).toISOString()).toBe('2026-03-27T07:00:00.000Z');
    expect(zonedInstant('2026-03-30', '09:00', tz).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(zonedInstant('2026-10-23', '09:00', tz).toISOString()).toBe('2026-10-23T06:00:00.000Z');
    expect(zonedInstant('2026-10-26', '09:00', tz).toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('round-trips local dates and times', () => {
    const t = zonedInstant('2026-12-31', '23:30', tz);
    expect(localDate(t, tz)).toBe('2026-12-31');
    expect(localTime(t, tz)).toBe('23:30');
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(eachDate('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('knows the days offices are closed', () => {
    for (const d of ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06', '2026-06-19', '2026-12-07'.replace('07', '06')]) {
      expect(holidayOn(d), d).toBeDefined();
    }
    expect(holidayOn('2026-12-23')).toBeUndefined();
    expect(holidayOn('2026-12-31')).toBeUndefined();
  });
});
