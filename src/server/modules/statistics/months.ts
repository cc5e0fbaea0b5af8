import { addDays } from '../scheduling/time.js';

/** The first and the last day of the month of a day (YYYY-MM-DD). */
export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
export const monthEnd = (day: string) => addDays(monthStart(addDays(monthStart(day), 31)), -1);

/** The whole months within `from`…`to` (inclusive days): the first day of the first and the last day of the last, or null. */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const first = from === monthStart(from) ? from : addDays(monthEnd(from), 1);
  const last = to === monthEnd(to) ? to : addDays(monthStart(to), -1);
  return first <= last ? { first, last } : null;
}
