import type { OpeningHoursEntry } from '../../shared/directory';

/** A moment as wall-clock time in a zone: ISO weekday (1 = Monday), date and HH:MM. */
export type WallClock = { weekday: number; date: string; time: string };

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function wallClock(timeZone: string, now: Date): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: WEEKDAYS[part('weekday')] ?? 1,
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

export type OpeningStatus = { state: 'open'; until: string } | { state: 'opensLater'; opens: string } | { state: 'closedForDay' } | { state: 'closedToday' };

/** Today's status in the point's own time zone, so a browser elsewhere still sees Porvoo's day. */
export function openingStatus(hours: readonly OpeningHoursEntry[], timeZone: string, now: Date): OpeningStatus {
  const { weekday, time } = wallClock(timeZone, now);
  const today = hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
  if (today.length === 0) return { state: 'closedToday' };
  const current = today.find((h) => h.opens <= time && time < h.closes);
  if (current) return { state: 'open', until: current.closes };
  const next = today.find((h) => time < h.opens);
  return next ? { state: 'opensLater', opens: next.opens } : { state: 'closedForDay' };
}

export const isOpenToday = (hours: readonly OpeningHoursEntry[], timeZone: string, now: Date) =>
  hours.some((h) => h.weekday === wallClock(timeZone, now).weekday);

/** The dates (YYYY-MM-DD) of the current Monday–Sunday week in the zone, with their ISO weekdays. */
export function currentWeek(timeZone: string, now: Date): { weekday: number; date: string }[] {
  const { weekday, date } = wallClock(timeZone, now);
  const today = Date.parse(`${date}T00:00:00Z`);
  return [1, 2, 3, 4, 5, 6, 7].map((d) => ({ weekday: d, date: new Date(today + (d - weekday) * 86_400_000).toISOString().slice(0, 10) }));
}

/** Periods of one weekday as "09:00–11:30, 12:00–15:00", earliest first. */
export function periodsOf(hours: readonly OpeningHoursEntry[], weekday: number): string[] {
  return hours
    .filter((h) => h.weekday === weekday)
    .sort((a, b) => a.opens.localeCompare(b.opens))
    .map((h) => `${h.opens}–${h.closes}`);
}
