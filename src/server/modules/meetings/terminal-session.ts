import type { TerminalSessionView } from '../../../shared/meetings.js';
import type { TerminalActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { applyStatusChange } from '../bookings/change-status.js';
import { assertCheckInWindow } from '../bookings/check-in-window.js';
import { publishBookingChanged } from '../bookings/events.js';
import { bookingRepository } from '../bookings/repository.js';
import { publishMeetingChanged } from './events.js';
import { meetingRepository } from './repository.js';

/** The feedback question is asked only right after a meeting. */
const FEEDBACK_WITHIN_MS = 10 * 60_000;

/**
 * What the kiosk shows now: the booking checked in for its room (agency, service, time — never the customer's name),
 * its meeting, or the feedback question after a meeting ended.
 */
export async function terminalSession(ctx: AppContext, actor: TerminalActor): Promise<TerminalSessionView> {
  const now = new Date();
  const meeting = await meetingRepository.openInRoom(ctx.db, actor.roomId);
  const current = meeting ? await meetingRepository.bookingFacts(ctx.db, meeting.bookingId) : await meetingRepository.currentBookingInRoom(ctx.db, actor.roomId, now);
  if (current) {
    const b = current.booking;
    return {
      booking: {
        id: b.id,
        agency: { id: b.agencyId, name: current.agency },
        service: { name: current.service },
        startsAt: b.startsAt.toISOString(),
        endsAt: b.endsAt.toISOString(),
        interpreting: !!b.interpreterId,
      },
      meeting: meeting ? { id: meeting.id, status: meeting.status, admitted: !!meeting.admittedAt } : null,
      feedbackFor: null,
    };
  }
  const ended = await meetingRepository.endedAwaitingFeedback(ctx.db, actor.roomId, new Date(now.getTime() - FEEDBACK_WITHIN_MS));
  return { booking: null, meeting: null, feedbackFor: ended?.id ?? null };
}

/** The customer types the booking reference at the kiosk: only a booking of this room, today, around now. */
export async function checkInAtTerminal(ctx: AppContext, actor: TerminalActor, reference: string, ip: string): Promise<TerminalSessionView> {
  const booking = await bookingRepository.byReference(ctx.db, reference);
  // Another room's or another day's booking is "not found" here: the kiosk must not confirm that a reference exists.
  if (!booking || booking.roomId !== actor.roomId) throw new HttpProblem(404, 'terminal.booking_not_found', 'Not found', 'No booking with this reference in this room');
  authorize(actor, 'terminal:check-in', { roomId: booking.roomId });
  // The desk's rule (CHECK_IN_OPENS_MINUTES); after the end the booking is "not found" for the kiosk.
  if (Date.now() > booking.endsAt.getTime() || !['booked', 'checked-in', 'in-meeting'].includes(booking.status)) {
    throw new HttpProblem(404, 'terminal.booking_not_found', 'Not found', 'No booking with this reference in this room');
  }
  assertCheckInWindow(booking, ctx.config.checkInOpensMinutes, Date.now(), { early: 'terminal.too_early', late: 'terminal.booking_not_found' });
  if (booking.status === 'booked') {
    await ctx.db.transaction((tx) => applyStatusChange(tx, actor, booking.id, 'checked-in', ip));
    await publishBookingChanged(ctx, booking);
  }
  return terminalSession(ctx, actor);
}

/** One answer per meeting, stored without any link to the meeting or the customer. */
export async function giveFeedback(ctx: AppContext, actor: TerminalActor, meetingId: string, score: number, ip: string): Promise<void> {
  const meeting = await ctx.db.transaction(async (tx) => {
    const m = await meetingRepository.forUpdate(tx, meetingId);
    if (!m || m.roomId !== actor.roomId) throw notFound('Meeting');
    if (m.status !== 'ended') throw new HttpProblem(409, 'meeting.not_ended', 'Conflict', 'Feedback is asked after the meeting');
    if (m.feedbackGiven) throw new HttpProblem(409, 'meeting.feedback_given', 'Conflict', 'Feedback was already given');
    await meetingRepository.update(tx, m.id, { feedbackGiven: true });
    await meetingRepository.insertFeedback(tx, { agencyId: m.agencyId, servicePointId: m.servicePointId, givenOn: new Date().toISOString().slice(0, 10), score });
    await recordAudit(tx, actor, { action: 'meeting.feedback_given', targetType: 'meeting', targetId: m.id, organisationId: m.agencyId }, ip);
    return m;
  });
  await publishMeetingChanged(ctx, meeting);
}
