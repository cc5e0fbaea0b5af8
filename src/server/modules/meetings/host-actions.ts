import type { MeetingView } from '../../../shared/meetings.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { applyStatusChange } from '../bookings/change-status.js';
import { publishBookingChanged } from '../bookings/events.js';
import { type BookingRow, bookingRepository } from '../bookings/repository.js';
import { loadMeetingFor, meetingEnded, participantFor } from './access.js';
import { publishMeetingChanged } from './events.js';
import { viewMeeting } from './get-meeting.js';
import { type MeetingRow, meetingRepository } from './repository.js';

/**
 * Runs a host's action on an open meeting in one transaction, with the meeting row locked so an admit, an invite
 * and an end cannot interleave; then tells every screen and signalling hub to re-read.
 */
export async function asHost(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  change: (tx: Db, meeting: MeetingRow) => Promise<{ bookingChanged?: boolean; booking?: BookingRow } | void>,
): Promise<MeetingView> {
  const { meeting: found, own } = await loadMeetingFor(ctx.db, actor, meetingId, 'meeting:host');
  const result = await ctx.db.transaction(async (tx) => {
    const meeting = (await meetingRepository.forUpdate(tx, found.id))!;
    if (meeting.status === 'ended') throw meetingEnded();
    const self = await participantFor(tx, actor, meeting, own);
    const outcome = (await change(tx, meeting)) ?? {};
    return { meeting: (await meetingRepository.byId(tx, meeting.id))!, selfId: self.id, ...outcome };
  });
  await publishMeetingChanged(ctx, result.meeting);
  // With the booking's holders and start, availability caches drop only what it touched (bookings/events.ts).
  if (result.bookingChanged) await publishBookingChanged(ctx, result.booking ?? { id: result.meeting.bookingId, servicePointId: result.meeting.servicePointId, agencyId: result.meeting.agencyId });
  return viewMeeting(ctx.db, ctx, actor, result.meeting, result.selfId);
}

/** Lets the customer (the room's kiosk) in; a kiosk that connects later is let in at once. Idempotent. */
export function admitCustomer(ctx: AppContext, actor: UserActor, meetingId: string, ip: string) {
  return asHost(ctx, actor, meetingId, async (tx, meeting) => {
    if (meeting.admittedAt) return;
    const now = new Date();
    await meetingRepository.update(tx, meeting.id, { admittedAt: now });
    await meetingRepository.admitTerminals(tx, meeting.id, now);
    const booking = (await bookingRepository.byId(tx, meeting.bookingId))!;
    let bookingChanged = false;
    if (booking.status === 'booked' || booking.status === 'checked-in') {
      await applyStatusChange(tx, actor, booking.id, 'in-meeting', ip);
      bookingChanged = true;
    }
    await recordAudit(tx, actor, { action: 'meeting.admitted', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId }, ip);
    return { bookingChanged, booking };
  });
}

/** Invites an expert of another agency (a joint meeting); they see it in their list and join like a host's guest. */
export function inviteExpert(ctx: AppContext, actor: UserActor, meetingId: string, userId: string, ip: string) {
  return asHost(ctx, actor, meetingId, async (tx, meeting) => {
    const invitee = await meetingRepository.user(tx, userId);
    if (!invitee || !invitee.active) throw notFound('Expert');
    const experts = await meetingRepository.expertsOf(tx, [userId]);
    if (experts.length === 0) throw new HttpProblem(422, 'meeting.not_an_expert', 'Unprocessable content', 'Only experts can be invited');
    if (invitee.organisationId === meeting.agencyId) {
      throw new HttpProblem(422, 'meeting.same_agency', 'Unprocessable content', "The agency's own experts can open the meeting themselves");
    }
    const participants = await meetingRepository.participants(tx, meeting.id);
    if (participants.filter((p) => !p.leftAt).length >= MAX_PARTICIPANTS && !participants.some((p) => p.userId === userId)) {
      throw new HttpProblem(409, 'meeting.full', 'Conflict', `A meeting has at most ${MAX_PARTICIPANTS} participants`);
    }
    await meetingRepository.addParticipant(tx, { meetingId: meeting.id, kind: 'guest-expert', userId, invitedBy: actor.userId, admittedAt: new Date() });
    await recordAudit(tx, actor, { action: 'meeting.invited', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId, details: { userId, organisationId: invitee.organisationId } }, ip);
  });
}

/** Mesh video: every party sends to every other, so four is the most a terminal's uplink carries well. */
export const MAX_PARTICIPANTS = 4;

/** However often it is extended, a meeting ends within this (the database caps any booking at a day). */
export const MAX_MEETING_MINUTES = 8 * 60;

/** Extends the booking's end when room, expert and interpreter are free (the exclusion constraints decide). */
export function extendMeeting(ctx: AppContext, actor: UserActor, meetingId: string, minutes: number, ip: string) {
  return asHost(ctx, actor, meetingId, async (tx, meeting) => {
    const booking = (await bookingRepository.forUpdate(tx, meeting.bookingId))!;
    const endsAt = new Date(booking.endsAt.getTime() + minutes * 60_000);
    if (endsAt.getTime() - booking.startsAt.getTime() > MAX_MEETING_MINUTES * 60_000) {
      throw new HttpProblem(422, 'meeting.too_long', 'Unprocessable content', `A meeting lasts at most ${MAX_MEETING_MINUTES / 60} hours; book a new time`);
    }
    try {
      await tx.transaction(async (sp) => {
        await bookingRepository.update(sp, booking.id, { endsAt });
      });
    } catch (error) {
      const conflict = extendConflict(error);
      if (conflict) throw conflict;
      throw error;
    }
    await bookingRepository.addEvent(tx, { bookingId: booking.id, actorId: actor.userId, kind: 'extended', details: { minutes, from: booking.endsAt.toISOString(), to: endsAt.toISOString() } });
    await recordAudit(tx, actor, { action: 'meeting.extended', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId, details: { minutes } }, ip);
    return { bookingChanged: true, booking };
  });
}

function extendConflict(error: unknown): HttpProblem | undefined {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  if ((e.cause?.code ?? e.code) !== '23P01') return undefined;
  const constraint = e.cause?.constraint ?? e.constraint ?? '';
  const what = constraint.includes('expert') ? 'expert' : constraint.includes('interpreter') ? 'interpreter' : 'room';
  return new HttpProblem(409, `meeting.extend_${what}_taken`, 'Conflict', `The ${what} is booked right after this meeting`);
}
