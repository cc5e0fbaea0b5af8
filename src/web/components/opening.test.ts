import { describe, expect, it } from 'vitest';
import { currentWeek, openingStatus, periodsOf, wallClock } from './opening';

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '15:00' }));
const tz = 'Europe/Helsinki';

describe('opening hours in the point’s time zone', () => {
  it('reads Helsinki wall-clock time whatever the runtime zone', () => {
    // 2025-11-03 is a Monday; 07:30Z is 09:30 in Helsinki (EET, +02:00).
    expect(wallClock(tz, new Date('2025-11-03T07:30:00Z'))).toEqual({ weekday: 1, date: '2025-11-03', time: '09:30' });
    // Summer time (+03:00): 21:30Z on Sunday is already Monday 00:30 in Helsinki.
    expect(wallClock(tz, new Date('2025-06-01T21:30:00Z'))).toEqual({ weekday: 1, date: '2025-06-02', time: '00:30' });
  });

  it('is open until closing time, then closed for the day', () => {
    expect(openingStatus(weekdays, tz, new Date('2025-11-03T07:30:00Z'))).toEqual({ state: 'open', until: '15:00' });
    expect(openingStatus(weekdays, tz, new Date('2025-11-03T06:00:00Z'))).toEqual({ state: 'opensLater', opens: '09:00' });
    expect(openingStatus(weekdays, tz, new Date('2025-11-03T13:00:00Z'))).toEqual({ state: 'closedForDay' });
    expect(openingStatus(weekdays, tz, new Date('2025-11-08T10:00:00Z'))).toEqual({ state: 'closedToday' });
  });

  it('handles a lunch break between two periods', () => {
    const split = [
      { weekday: 2, opens: '12:00', closes: '15:00' },
      { weekday: 2, opens: '09:00', closes: '11:00' },
    ];
    expect(openingStatus(split, tz, new Date('2025-11-04T09:30:00Z'))).toEqual({ state: 'opensLater', opens: '12:00' });
    expect(periodsOf(split, 2)).toEqual(['09:00–11:00', '12:00–15:00']);
  });

  it('lists the Monday–Sunday week around today', () => {
    const week = currentWeek(tz, new Date('2025-11-05T10:00:00Z'));
    expect(week[0]).toEqual({ weekday: 1, date: '2025-11-03' });
    expect(week[6]).toEqual({ weekday: 7, date: '2025-11-09' });
  });
});
