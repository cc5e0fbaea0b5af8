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

const BEFORE_OR_DURING = new Set(['booked', 'checked-in', 'in-meeting']);

/**
 * The expert asks the advisors to check the customer's identity document in the room, before or during the
 * meeting. Only where an agreement in force today delegates identity verification to the service point. A second request while one
 * is open returns that one (a double click is not two alerts).
 */
export async function requestIdentityCheck(ctx: AppContext, actor: UserActor, bookingId: string, ip?: string): Promise<{ check: IdentityCheckView; created: boolean }> {
  const booking = await loadReadableBooking(ctx, actor, bookingId, 'booking:read');
  authorize(actor, 'identity-check:request', { servicePointId: booking.servicePointId, organisationId: booking.agencyId });
  if (!BEFORE_OR_DURING.has(booking.status)) throw conflict('identity_check.booking_closed', `A booking that is ${booking.status} takes no identity check`);
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
