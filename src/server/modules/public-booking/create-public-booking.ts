import type { PublicBookingRequest } from '../../../shared/public-booking.js';
import type { CustomerActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import { createBooking } from '../bookings/create-booking.js';
import type { BookingRow } from '../bookings/repository.js';
import { onlineService } from './catalogue.js';
import { nextFreeTimes } from './find-public-availability.js';
import { enforceLimits } from './limits.js';
import { publicBookingRepository as repo } from './repository.js';
import { clientKey, newManageLink } from './tokens.js';
import { assertInOnlineWindow } from './window.js';

/**
 * The customer books for themselves: the advisors' booking use case (same slot rules, locks, constraints, agreement
 * rule, messages and realtime event) with channel `online`, the service's own notice and horizon, the abuse limits
 * and a manage link made in the same transaction. A lost race is a 409 that names the next free times.
 */
export async function createPublicBooking(ctx: AppContext, input: PublicBookingRequest, ip: string, now = new Date()): Promise<{ booking: BookingRow; token: string }> {
  const service = await onlineService(ctx, input);
  const start = new Date(input.start);
  assertInOnlineWindow(service, start, now);
  const client = clientKey(ctx.config, ip);
  const actor: CustomerActor = { kind: 'customer' };
  let token = '';
  try {
    const booking = await createBooking(ctx, actor, { ...input, channel: 'online' }, ip, async (tx, created) => {
      await enforceLimits(tx, ctx.config, created, client, now);
      const link = newManageLink(ctx.config, created.id);
      await repo.insertLink(tx, { ...link.row, clientKey: client });
      token = link.token;
    });
    return { booking, token };
  } catch (error) {
    throw await withNextTimes(ctx, error, input, start);
  }
}

/** A 409 (taken) gains `params.nextTimes`: the next free starts, comma-separated, for the page to offer instead. */
export async function withNextTimes(ctx: AppContext, error: unknown, q: { servicePointId: string; agencyId: string; serviceId: string; interpretingLanguage?: string }, after: Date) {
  if (!(error instanceof HttpProblem) || error.status !== 409) return error;
  const point = await repo.servicePoint(ctx.db, q.servicePointId);
  const times = await nextFreeTimes(ctx, { servicePointId: q.servicePointId, agencyId: q.agencyId, serviceId: q.serviceId, interpretingLanguage: q.interpretingLanguage }, after, point?.timeZone ?? 'Europe/Helsinki');
  return new HttpProblem(409, 'public_booking.taken', 'Conflict', 'Someone else just booked that time', undefined, error.headers, { nextTimes: times.join(',') });
}
