import type { GuestActor } from '../../auth/actor.js';
import { anonymous } from '../../auth/actor.js';
import { burnPasswordCheck, verifyPassword } from '../../auth/password.js';
import { newToken, hashToken } from '../../auth/tokens.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { bookingRepository } from '../bookings/repository.js';
import { publishMeetingChanged } from './events.js';
import { MAX_PARTICIPANTS } from './host-actions.js';
import { interpreterWindow } from './present.js';
import { type MeetingRow, meetingRepository } from './repository.js';

/** Wrong PINs before the link locks; the expert then makes a new link. */
export const MAX_PIN_FAILURES = 5;

type LinkState = 'not-yet' | 'open' | 'expired' | 'ended' | 'locked';

async function linkOf(ctx: AppContext, code: string) {
  const meeting = await meetingRepository.byInterpreterCode(ctx.db, code);
  if (!meeting) throw notFound('Link');
  const facts = (await meetingRepository.bookingFacts(ctx.db, meeting.bookingId))!;
  const window = interpreterWindow(facts.booking, ctx.config.interpreterLinkMarginMinutes);
  const now = Date.now();
  const status: LinkState =
    meeting.status === 'ended'
      ? 'ended'
      : meeting.interpreterPinFailures >= MAX_PIN_FAILURES
        ? 'locked'
        : now < window.validFrom.getTime()
          ? 'not-yet'
          : now > window.validUntil.getTime()
            ? 'expired'
            : 'open';
  return { meeting, facts, window, status };
}

/** What the interpreter's page shows before the PIN: whose meeting and when; never the customer. */
export async function joinInfo(ctx: AppContext, code: string) {
  const { facts, window, status } = await linkOf(ctx, code);
  return {
    agency: facts.agency,
    startsAt: facts.booking.startsAt.toISOString(),
    endsAt: facts.booking.endsAt.toISOString(),
    validFrom: window.validFrom.toISOString(),
    validUntil: window.validUntil.toISOString(),
    status,
  };
}

const refusals: Record<Exclude<LinkState, 'open'>, HttpProblem> = {
  'not-yet': new HttpProblem(409, 'meeting.link_not_yet', 'Conflict', 'The link opens shortly before the meeting'),
  expired: new HttpProblem(410, 'meeting.link_expired', 'Gone', 'The link is no longer valid'),
  ended: new HttpProblem(410, 'meeting.ended', 'Gone', 'The meeting has ended'),
  locked: new HttpProblem(423, 'meeting.link_locked', 'Locked', 'Too many wrong PINs: ask the expert for a new link'),
};

/** A correct PIN inside the link's window makes the caller the meeting's interpreter, admitted at once. */
export async function joinWithPin(ctx: AppContext, code: string, pin: string, ip: string): Promise<{ guestToken: string; meetingId: string }> {
  const { meeting, status } = await linkOf(ctx, code);
  if (status !== 'open') {
    await burnPasswordCheck(pin);
    throw refusals[status];
  }
  if (!meeting.interpreterPinHash || !(await verifyPassword(meeting.interpreterPinHash, pin))) {
    const failures = await meetingRepository.pinFailed(ctx.db, meeting.id);
    await recordAudit(ctx.db, anonymous, { action: 'meeting.interpreter_pin_failed', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId, details: { failures } }, ip);
    if (failures >= MAX_PIN_FAILURES) throw refusals.locked;
    throw new HttpProblem(401, 'meeting.pin_wrong', 'Wrong PIN', 'The PIN is not right', undefined, {});
  }
  const guestToken = newToken();
  const participant = await ctx.db.transaction(async (tx) => {
    const locked = (await meetingRepository.forUpdate(tx, meeting.id))!;
    if (locked.status === 'ended') throw refusals.ended;
    const existing = await meetingRepository.interpreterOf(tx, meeting.id);
    const p = existing
      ? await meetingRepository.updateParticipant(tx, existing.id, { guestTokenHash: hashToken(guestToken), leftAt: null })
      : await addInterpreter(tx, locked, hashToken(guestToken));
    await recordAudit(tx, { kind: 'guest', participantId: p.id, meetingId: meeting.id }, { action: 'meeting.interpreter_joined', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId }, ip);
    return p;
  });
  await publishMeetingChanged(ctx, meeting);
  return { guestToken, meetingId: participant.meetingId };
}

async function addInterpreter(tx: Parameters<typeof meetingRepository.participants>[0], meeting: MeetingRow, tokenHash: string) {
  const active = (await meetingRepository.participants(tx, meeting.id)).filter((p) => !p.leftAt);
  if (active.length >= MAX_PARTICIPANTS) throw new HttpProblem(409, 'meeting.full', 'Conflict', `A meeting has at most ${MAX_PARTICIPANTS} participants`);
  return meetingRepository.addParticipant(tx, { meetingId: meeting.id, kind: 'interpreter', guestTokenHash: tokenHash, admittedAt: new Date() });
}

/** Resolves an interpreter's guest token: valid only for its meeting, while the meeting is open, inside the window. */
export async function guestFromToken(ctx: AppContext, token: string): Promise<GuestActor | undefined> {
  const participant = await meetingRepository.participantByGuestToken(ctx.db, hashToken(token));
  if (!participant) return undefined;
  const meeting = await meetingRepository.byId(ctx.db, participant.meetingId);
  if (!meeting || meeting.status !== 'open') return undefined;
  const booking = await bookingRepository.byId(ctx.db, meeting.bookingId);
  if (!booking) return undefined;
  const window = interpreterWindow(booking, ctx.config.interpreterLinkMarginMinutes);
  const now = Date.now();
  if (now < window.validFrom.getTime() || now > window.validUntil.getTime()) return undefined;
  return { kind: 'guest', participantId: participant.id, meetingId: meeting.id };
}
