import type { IdentityCheckView } from '../../../shared/assistance.js';
import { type Actor, orgsWithRole } from '../../auth/actor.js';
import { authorize, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { forbidden } from '../../http/problem.js';
import { loadReadableBooking } from '../bookings/get-booking.js';
import { identityCheckRepository } from './checks-repository.js';
import { presentIdentityCheck } from './present.js';

/** The checks of one booking, requested and completed: they stay with the booking. */
export async function listIdentityChecksOfBooking(ctx: AppContext, actor: Actor, bookingId: string): Promise<IdentityCheckView[]> {
  const booking = await loadReadableBooking(ctx, actor, bookingId, 'booking:read');
  authorize(actor, 'identity-check:read', { servicePointId: booking.servicePointId, organisationId: booking.agencyId });
  return (await identityCheckRepository.ofBooking(ctx.db, bookingId)).map(presentIdentityCheck);
}

/** Open checks at a point: all of them for its advisors and coordinators, an expert's own agency's otherwise. */
export async function listOpenIdentityChecks(ctx: AppContext, actor: Actor, servicePointId: string): Promise<IdentityCheckView[]> {
  let agencyIds: string[] | undefined;
  if (!can(actor, 'identity-check:read', { servicePointId })) {
    agencyIds = orgsWithRole(actor, 'expert').filter((organisationId) => can(actor, 'identity-check:read', { servicePointId, organisationId }));
    if (agencyIds.length === 0) throw forbidden();
  }
  return (await identityCheckRepository.openAtPoint(ctx.db, servicePointId, agencyIds)).map(presentIdentityCheck);
}
