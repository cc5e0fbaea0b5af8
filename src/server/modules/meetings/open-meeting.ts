import type { MeetingView } from '../../../shared/meetings.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { loadReadableBooking } from '../bookings/get-booking.js';
import { publishMeetingChanged } from './events.js';
import { viewMeeting } from './get-meeting.js';
import { meetingRepository } from './repository.js';

/** An expert may open a booking's meeting from this long before its start until this long after its end. */
const OPEN_BEFORE_MS = 60 * 60_000;
const OPEN_AFTER_MS = 60 * 60_000;

/**
 * The booking agency's expert opens the meeting (or enters the one a colleague opened) and becomes a participant.
 * The customer waits in the lobby until admitted.
 */
export async function openMeeting(ctx: AppContext, actor: UserActor, bookingId: string, ip: string): Promise<MeetingView> {
  const booking = await loadReadableBooking(ctx, actor, bookingId, 'booking:read');
  authorize(actor, 'meeting:host', { organisationId: booking.agencyId, servicePointId: booking.servicePointId, roomId: booking.roomId });
  const result = await ctx.db.transaction(async (tx) => {
    const existing = await meetingRepository.byBooking(tx, booking.id);
    if (!existing) {
      if (!['booked', 'checked-in', 'in-meeting'].includes(booking.status)) {
        throw new HttpProblem(409, 'meeting.booking_closed', 'Conflict', `A booking that is ${booking.status} has no meeting`);
      }
      const now = Date.now();
      if (now < booking.startsAt.getTime() - OPEN_BEFORE_MS || now > booking.endsAt.getTime() + OPEN_AFTER_MS) {
        throw new HttpProblem(409, 'meeting.outside_time', 'Conflict', 'The meeting can be opened from an hour before its start until an hour after its end');
      }
    }
    const meeting =
      existing ??
      (await meetingRepository.insertOrGet(tx, {
        bookingId: booking.id,
        agencyId: booking.agencyId,
        servicePointId: booking.servicePointId,
        roomId: booking.roomId,
        openedBy: actor.userId,
      }));
    const participant = await meetingRepository.addParticipant(tx, { meetingId: meeting.id, kind: 'expert', userId: actor.userId, admittedAt: new Date() });
    if (participant.leftAt) await meetingRepository.updateParticipant(tx, participant.id, { leftAt: null });
    if (!existing) await recordAudit(tx, actor, { action: 'meeting.opened', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId, details: { bookingId: booking.id } }, ip);
    await recordAudit(tx, actor, { action: 'meeting.read', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId }, ip);
    return { meeting, participantId: participant.id, created: !existing };
  });
  if (result.meeting.status === 'ended') throw new HttpProblem(409, 'meeting.ended', 'Conflict', 'The meeting has ended');
  if (result.created) await publishMeetingChanged(ctx, result.meeting);
  return viewMeeting(ctx.db, ctx, actor, result.meeting, result.participantId);
}
