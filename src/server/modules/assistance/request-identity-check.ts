import type { IdentityCheckView } from '../../../shared/assistance.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { loadReadableBooking } from '../bookings/get-booking.js';
import { assertTaskDelegated } from '../agreements/delegation.js';
import { today } from '../agreements/terms.js';
import { identityCheckRepository } from './checks-repository.js';
import { assistanceEvents } from './events.js';
import { presentIdentityCheck } from './present.js';

/** The customer is in the room: checked in, or in the meeting. A booking days ahead takes no request. */
const PRESENT = new Set(['checked-in', 'in-meeting']);

/**
 * The expert asks the advisors to check the customer's identity document in the room, once the customer has
 * checked in or during the meeting. Only where an agreement in force today delegates identity verification to the service point. A second request while one
 * is open returns that one (a double click is not two alerts).
 */
export async function requestIdentityCheck(ctx: AppContext, actor: UserActor, bookingId: string, ip?: string): Promise<{ check: IdentityCheckView; created: boolean }> {
  const booking = await loadReadableBooking(ctx, actor, bookingId, 'booking:read');
  authorize(actor, 'identity-check:request', { servicePointId: booking.servicePointId, organisationId: booking.agencyId });
  if (booking.status === 'booked') throw conflict('identity_check.not_checked_in', 'The identity check can be asked for once the customer has checked in');
  if (!PRESENT.has(booking.status)) throw conflict('identity_check.booking_closed', `A booking that is ${booking.status} takes no identity check`);
  await assertTaskDelegated(ctx.db, { servicePointId: booking.servicePointId, agencyId: booking.agencyId, task: 'identity-verification', date: today() });
  const now = new Date();
  const { id, created } = await ctx.db.transaction(async (tx) => {
    const inserted = await identityCheckRepository.insertOpen(tx, {
      bookingId: booking.id,
      servicePointId: booking.servicePointId,
      roomId: booking.roomId,
      agencyId: booking.agencyId,
      requestedBy: actor.userId,
      requestedAt: now,
      lastAlertAt: now,
    });
    if (!inserted) return { id: (await identityCheckRepository.openOfBooking(tx, booking.id))!.id, created: false };
    await recordAudit(
      tx,
      actor,
      { action: 'identity_check.requested', targetType: 'identity-check', targetId: inserted.id, organisationId: booking.agencyId, details: { bookingId: booking.id } },
      ip,
    );
    return { id: inserted.id, created: true };
  });
  const record = (await identityCheckRepository.byId(ctx.db, id))!;
  if (created) await assistanceEvents.identityCheckChanged(ctx, record.check);
  return { check: presentIdentityCheck(record), created };
}
