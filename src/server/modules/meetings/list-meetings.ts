import type { UserActor } from '../../auth/actor.js';
import { orgsWithRole } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { addDays, localDate, zonedInstant } from '../scheduling/time.js';
import { isOnline } from './present.js';
import { meetingRepository } from './repository.js';

/** Every service point is in Finland; a day is a Helsinki day. */
const TZ = 'Europe/Helsinki';

/** An expert's meetings of a day (Helsinki time): the own agencies' bookings and meetings they were invited to. */
export async function listMeetings(ctx: AppContext, actor: UserActor, day: string | undefined, ip: string) {
  authorize(actor, 'meeting:list');
  const agencyIds = orgsWithRole(actor, 'expert');
  const date = day ?? localDate(new Date(), TZ);
  const from = zonedInstant(date, '00:00', TZ);
  const to = zonedInstant(addDays(date, 1), '00:00', TZ);
  const rows = await meetingRepository.listForExpert(ctx.db, { agencyIds, userId: actor.userId, from, to });
  const meetings = rows.map((r) => {
    const own = agencyIds.includes(r.booking.agencyId);
    const status = r.meeting ? (r.meeting.status === 'ended' ? 'ended' : 'open') : r.booking.status === 'checked-in' || r.booking.status === 'in-meeting' ? 'checked-in' : 'waiting';
    return {
      id: r.meeting?.id ?? null,
      bookingId: r.booking.id,
      status: status as 'waiting' | 'checked-in' | 'open' | 'ended',
      startsAt: r.booking.startsAt.toISOString(),
      endsAt: r.booking.endsAt.toISOString(),
      service: r.service,
      agency: r.agency,
      customerName: own ? r.booking.customerName : null,
      invited: !own,
      customerOnline: isOnline({ connections: Number(r.customerConnections ?? 0), lastSeenAt: r.customerLastSeen ? new Date(r.customerLastSeen) : null }),
    };
  });
  await recordAudit(ctx.db, actor, { action: 'meeting.list', targetType: 'meeting', details: { day: day ?? null, count: meetings.length } }, ip);
  return { meetings };
}
