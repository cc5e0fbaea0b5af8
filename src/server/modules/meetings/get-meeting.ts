import type { MeetingView } from '../../../shared/meetings.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import { loadMeetingFor, meetingResource } from './access.js';
import { interpreterWindow, presentMeeting } from './present.js';
import { type MeetingRow, meetingRepository } from './repository.js';

/** The meeting as the actor sees it: the customer's name only for the booking agency's own experts. */
export async function viewMeeting(db: Db, ctx: AppContext, actor: Actor, meeting: MeetingRow, selfParticipantId: string | null): Promise<MeetingView> {
  const facts = (await meetingRepository.bookingFacts(db, meeting.bookingId))!;
  const participants = await meetingRepository.participants(db, meeting.id);
  const showCustomer = can(actor, 'meeting:host', meetingResource(meeting));
  return presentMeeting(meeting, facts, participants, {
    showCustomer,
    selfParticipantId,
    interpreterWindow: interpreterWindow(facts.booking, ctx.config.interpreterLinkMarginMinutes),
  });
}

export async function getMeeting(ctx: AppContext, actor: Actor, meetingId: string, ip: string): Promise<MeetingView> {
  const { meeting, own } = await loadMeetingFor(ctx.db, actor, meetingId, 'meeting:join');
  const view = await viewMeeting(ctx.db, ctx, actor, meeting, own?.id ?? null);
  if (view.booking.customerName !== null) {
    await recordAudit(ctx.db, actor, { action: 'meeting.read', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId }, ip);
  }
  return view;
}
