import type { z } from 'zod';
import type { publicAvailabilityQuery } from '../../../shared/public-booking.js';
import type { AppContext } from '../../context.js';
import { findAvailability } from '../scheduling/find-availability.js';
import { isoWithOffset } from '../scheduling/present.js';
import { addDays, localDate } from '../scheduling/time.js';
import { onlineService } from './catalogue.js';
import { onlineWindow } from './window.js';

type Query = z.infer<typeof publicAvailabilityQuery>;

/**
 * Free start times for the customer: exactly the advisors' availability (scheduling/find-availability.ts, with the
 * agreement rule), narrowed to the service's online notice and horizon. Only the times: no room, no expert.
 */
export async function findPublicAvailability(ctx: AppContext, q: Query, now = new Date()) {
  const service = await onlineService(ctx, q);
  const { slots, timeZone } = await findAvailability(ctx, q, now);
  const { earliest, latest } = onlineWindow(service, now);
  return slots.filter((s) => s.start >= earliest && s.start <= latest).map((s) => ({ start: isoWithOffset(s.start, timeZone), end: isoWithOffset(s.end, timeZone) }));
}

/** After a lost race: the next free times from the asked start on (a week ahead at most), for the page to offer. */
export async function nextFreeTimes(ctx: AppContext, q: Omit<Query, 'from' | 'to'>, after: Date, tz: string, count = 5): Promise<string[]> {
  const from = localDate(after, tz);
  try {
    const slots = await findPublicAvailability(ctx, { ...q, from, to: addDays(from, 7) });
    return slots.filter((s) => new Date(s.start) > after).slice(0, count).map((s) => s.start);
  } catch {
    return [];
  }
}
