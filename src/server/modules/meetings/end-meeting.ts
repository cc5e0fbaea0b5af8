import type { MeetingOutcome } from '../../../shared/meetings.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { applyStatusChange } from '../bookings/change-status.js';
import { bookingRepository } from '../bookings/repository.js';
import { asHost } from './host-actions.js';
import { meetingRepository } from './repository.js';

/**
 * Ends the meeting for everyone with an outcome (which may refer to an incident of the same booking); the booking
 * becomes completed. Every signalling hub tells its sockets `ended` and closes them.
 */
export function endMeeting(ctx: AppContext, actor: UserActor, meetingId: string, input: { outcome: MeetingOutcome; incidentId?: string }, ip: string) {
  return asHost(ctx, actor, meetingId, async (tx, meeting) => {
    if (input.incidentId) {
      const incident = await meetingRepository.incident(tx, input.incidentId);
      if (!incident || (incident.bookingId !== meeting.bookingId && incident.roomId !== meeting.roomId)) {
        throw new HttpProblem(422, 'meeting.incident_unrelated', 'Unprocessable content', 'The incident must concern this meeting or its room');
      }
    }
    const now = new Date();
    await meetingRepository.update(tx, meeting.id, { status: 'ended', endedAt: now, endedBy: actor.userId, outcome: input.outcome, incidentId: input.incidentId ?? null });
    await meetingRepository.leaveAll(tx, meeting.id, now);
    const booking = (await bookingRepository.byId(tx, meeting.bookingId))!;
    if (booking.status === 'booked' || booking.status === 'checked-in') await applyStatusChange(tx, actor, booking.id, 'in-meeting', ip);
    if (booking.status !== 'completed') await applyStatusChange(tx, actor, booking.id, 'completed', ip);
    await recordAudit(tx, actor, { action: 'meeting.ended', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId, details: { outcome: input.outcome, incidentId: input.incidentId ?? null } }, ip);
    return { bookingChanged: true, booking };
  });
}
