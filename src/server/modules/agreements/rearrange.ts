import type { z } from 'zod';
import type { rearrangeQuery, rearrangeView } from '../../../shared/agreements.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { localDate } from '../scheduling/time.js';
import { agreementsAtPoint, isDelegated } from './delegation.js';
import { agreementRepository as repo } from './repository.js';
import { AGREEMENT_TZ } from './terms.js';

/**
 * Bookings from now on whose day no agreement covers any more for booking (after an early termination, an
 * amendment or the agreement's end). They are not cancelled silently: the advisors and the agency re-arrange them.
 * Times and references only: no customer data.
 */
export async function bookingsToRearrange(ctx: AppContext, actor: Actor, q: z.infer<typeof rearrangeQuery>): Promise<z.infer<typeof rearrangeView>> {
  const rows = await repo.upcomingBookings(ctx.db, { servicePointId: q.servicePointId, agencyId: q.agencyId, from: new Date() });
  const visible = rows.filter((b) => can(actor, 'agreement:rearrange', { servicePointId: b.servicePointId, organisationId: b.agencyId }));
  const byPoint = new Map<string, Awaited<ReturnType<typeof agreementsAtPoint>>>();
  for (const pointId of new Set(visible.map((b) => b.servicePointId))) byPoint.set(pointId, await agreementsAtPoint(ctx.db, pointId));
  const uncovered = visible.filter((b) => !isDelegated(byPoint.get(b.servicePointId)!, b.servicePointId, b.agencyId, 'booking', localDate(b.startsAt, AGREEMENT_TZ)));
  return { bookings: uncovered.map((b) => ({ ...b, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() })) };
}
