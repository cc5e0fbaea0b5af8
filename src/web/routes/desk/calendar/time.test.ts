import { describe, expect, it } from 'vitest';
import { addDays, dayRange, formatDayLong, formatTime, isoWeek, isoWeekday, mondayOf, workWeek, zonedInstant, zonedParts } from './time';

const TZ = 'Europe/Helsinki';

describe('calendar time in the point zone', () => {
  it('maps wall-clock times to instants on both sides of the DST changes', () => {
    expect(zonedInstant('2025-10-14', 9 * 60, TZ).toISOString()).toBe('2025-10-14T06:00:00.000Z');
    expect(zonedInstant('2025-12-01', 9 * 60, TZ).toISOString()).toBe('2025-12-01T07:00:00.000Z');
    // 26.10.2025 the clocks go back at 04:00: 08:00 is already winter time.
    expect(zonedInstant('2025-10-26', 8 * 60, TZ).toISOString()).toBe('2025-10-26T06:00:00.000Z');
    expect(zonedInstant('2026-03-29', 12 * 60, TZ).toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(zonedInstant('2025-10-14', 0, TZ).toISOString()).toBe('2025-10-13T21:00:00.000Z');
  });

  it('reads an instant as the zone shows it, whatever zone the browser is in', () => {
    expect(zonedParts('2025-10-13T21:30:00Z', TZ)).toEqual({ date: '2025-10-14', minutes: 30 });
    expect(zonedParts('2025-12-01T13:45:00Z', TZ)).toEqual({ date: '2025-12-01', minutes: 15 * 60 + 45 });
    expect(formatTime('2025-10-14T06:15:00Z', 'fi-FI', TZ)).toBe('9.15');
    expect(formatTime('2025-10-14T06:15:00Z', 'en-GB', TZ)).toBe('9:15');
  });

  it('counts days, weekdays and weeks', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(isoWeekday('2025-10-19')).toBe(7);
    expect(mondayOf('2025-10-19')).toBe('2025-10-13');
    expect(workWeek('2025-10-15')).toEqual(['2025-10-13', '2025-10-14', '2025-10-15', '2025-10-16', '2025-10-17']);
    expect(isoWeek('2025-10-14')).toBe(42);
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2027-01-01')).toBe(53);
  });

  it('gives whole days as an instant range', () => {
    expect(dayRange('2025-10-13', '2025-10-17', TZ)).toEqual({ from: '2025-10-12T21:00:00.000Z', to: '2025-10-17T21:00:00.000Z' });
  });
});

describe('dates in the UI language', () => {
  it('names the weekday in its base form', () => {
    expect(formatDayLong('2025-10-14', 'fi-FI')).toBe('tiistai 14.10.2025');
    expect(formatDayLong('2025-10-14', 'sv-FI')).toBe('tisdag 14.10.2025');
    expect(formatDayLong('2025-10-14', 'en-GB')).toBe('Tuesday, 14 October 2025');
  });
});
