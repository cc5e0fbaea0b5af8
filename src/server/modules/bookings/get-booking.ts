import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { forbidden, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { type BookingRow, bookingRepository } from './repository.js';

/**
 * One booking, for someone allowed to read it in full. Anyone else gets 404: another agency's booking does not
 * exist for them, not even as "forbidden".
 */
export async function loadReadableBooking(ctx: AppContext, actor: Actor, id: string, action: 'booking:read' | 'booking:change' | 'booking:status'): Promise<BookingRow> {
  const booking = await bookingRepository.byId(ctx.db, id);
  if (!booking || !can(actor, action, { servicePointId: booking.servicePointId, organisationId: booking.agencyId })) {
    if (booking && can(actor, 'booking:read', { servicePointId: booking.servicePointId, organisationId: booking.agencyId })) {
      throw forbidden();
    }
    throw notFound('Booking');
  }
  return booking;
}

export async function getBookingWithHistory(ctx: AppContext, actor: Actor, id: string, ip: string) {
  const booking = await loadReadableBooking(ctx, actor, id, 'booking:read');
  const history = await bookingRepository.history(ctx.db, id);
  await recordAudit(ctx.db, actor, { action: 'booking.read', targetType: 'booking', targetId: id, organisationId: booking.agencyId }, ip);
  return { booking, history };
}
