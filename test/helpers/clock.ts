import { holidayOn } from '../../src/server/modules/scheduling/holidays.js';
import { addDays, localDate, weekdayOf, zonedInstant } from '../../src/server/modules/scheduling/time.js';

/**
 * A clock that runs from the next Wednesday (not a holiday) at `time` in Helsinki, for tests whose points keep the
 * factories' and the demo's hours (Mon–Fri 9–15): whatever the hour a suite runs at, the point is open by it.
 */
export function helsinkiClock(time = '10:00', weekday = 3): () => Date {
  let date = addDays(localDate(new Date(), 'Europe/Helsinki'), 1);
  while (weekdayOf(date) !== weekday || holidayOn(date)) date = addDays(date, 1);
  const offset = zonedInstant(date, time, 'Europe/Helsinki').getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** A clock fixed at one Helsinki wall-clock moment (`YYYY-MM-DD`, `HH:MM`). */
export const fixedHelsinkiClock = (date: string, time: string) => () => zonedInstant(date, time, 'Europe/Helsinki');
