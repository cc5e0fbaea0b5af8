import type { z } from 'zod';
import type { bookingsQuery } from '../../../shared/scheduling.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { presentBooking, presentBusy } from './present.js';
import { bookingRepository } from './repository.js';

/**
 * The calendar: bookings the actor may read in full, and for the shared room the other agencies' bookings only
 * as busy time. A search by name, phone or reference never reaches beyond what the actor may read.
 */
export async function listBookings(ctx: AppContext, actor: Actor, q: z.infer<typeof bookingsQuery>, ip: string) {
  const rows = await bookingRepository.list(ctx.db, {
    servicePointId: q.servicePointId,
    agencyId: q.agencyId,
    expertId: q.expertId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    status: q.status,
    search: q.q,
    limit: q.limit,
  });
  const full = [];
  const busy = [];
  for (const row of rows) {
    const resource = { servicePointId: row.servicePointId, organisationId: row.agencyId };
    if (can(actor, 'booking:read', resource)) full.push(presentBooking(row));
    else if (!q.q && row.status !== 'cancelled' && can(actor, 'calendar:read', resource)) busy.push(presentBusy(row));
  }
  if (full.length > 0) {
    await recordAudit(ctx.db, actor, { action: 'booking.list', targetType: 'booking', details: { count: full.length, search: !!q.q } }, ip);
  }
  return { bookings: full, busy };
}
