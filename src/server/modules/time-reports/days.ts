import { addDays, localDate, zonedInstant } from '../scheduling/time.js';

/** Time reports count Helsinki calendar days and months (docs/time-reports.md). */
export const TZ = 'Europe/Helsinki';
export const helsinkiDay = (instant: Date) => localDate(instant, TZ);
export const monthOf = (date: string) => date.slice(0, 7);
export const currentMonth = (now = new Date()) => monthOf(helsinkiDay(now));

/** First and last day of a month 'YYYY-MM'. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addDays(next, -1) };
}

/** The instants [start of `from`, start of the day after `to`) in Helsinki: a half-open range for timestamp columns. */
export function instantRange(from: string, to: string): { start: Date; end: Date } {
  return { start: zonedInstant(from, '00:00', TZ), end: zonedInstant(addDays(to, 1), '00:00', TZ) };
}

/** Whole minutes between two instants, at least 1. */
export const minutesBetween = (a: Date, b: Date) => Math.max(1, Math.round((b.getTime() - a.getTime()) / 60_000));
