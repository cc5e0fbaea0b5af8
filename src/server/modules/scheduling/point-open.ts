import type { AppContext } from '../../context.js';
import { catalogueFor, instantAt } from './availability-catalogue.js';
import { holidayOn } from './holidays.js';
import { addDays, localDate, weekdayOf } from './time.js';

type Point = { id: string; timeZone: string; openingHours: { weekday: number; opens: string; closes: string }[] };

/** How far ahead the next opening is looked for: past a long closure, not forever. */
const LOOK_AHEAD_DAYS = 62;

/**
 * Whether the point is open at `at` (its weekly hours on its own calendar day, not a public holiday nor an admin's
 * closure), and if not, when it next opens (undefined when no opening falls within two months).
 */
export async function pointOpenAt(ctx: AppContext, point: Point, at: Date): Promise<{ open: true } | { open: false; opensAt?: Date }> {
  const closures = await catalogueFor(ctx).closures(point.id);
  const tz = point.timeZone;
  const closed = (date: string) => !!holidayOn(date) || closures.some((c) => c.startsOn <= date && date <= c.endsOn);
  const today = localDate(at, tz);
  const t = at.getTime();
  for (let i = 0; i <= LOOK_AHEAD_DAYS; i++) {
    const date = addDays(today, i);
    if (closed(date)) continue;
    const periods = point.openingHours
      .filter((h) => h.weekday === weekdayOf(date))
      .map((h) => ({ start: instantAt(date, h.opens, tz), end: instantAt(date, h.closes, tz) }))
      .sort((a, b) => a.start - b.start);
    if (i === 0 && periods.some((p) => p.start <= t && t < p.end)) return { open: true };
    const next = periods.find((p) => p.start > t);
    if (next) return { open: false, opensAt: new Date(next.start) };
  }
  return { open: false };
}
