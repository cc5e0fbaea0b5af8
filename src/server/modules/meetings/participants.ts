import type { Actor, UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { unauthenticated } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { loadMeetingFor, meetingEnded, participantFor } from './access.js';
import { publishMeetingChanged } from './events.js';
import { meetingRepository } from './repository.js';

/** The actor's participant in an open meeting they may join (created on first entry for hosts and the kiosk). */
export async function ensureParticipant(ctx: AppContext, actor: Actor, meetingId: string) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const { meeting, own } = await loadMeetingFor(ctx.db, actor, meetingId, 'meeting:join');
  if (meeting.status === 'ended') throw meetingEnded();
  const participant = await participantFor(ctx.db, actor, meeting, own);
  return { meeting, participant, participantId: participant.id };
}

/** Leaves the meeting; the others go on. A host who leaves can come back while it is open. */
export async function leaveMeeting(ctx: AppContext, actor: Actor, meetingId: string, ip: string): Promise<void> {
  const { meeting, participant } = await ensureParticipant(ctx, actor, meetingId);
  await meetingRepository.updateParticipant(ctx.db, participant.id, { leftAt: new Date() });
  await recordAudit(ctx.db, actor, { action: 'meeting.left', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId }, ip);
  await publishMeetingChanged(ctx, meeting);
}

/** Experts of the other agencies, whom a host may invite into a joint meeting. */
export async function invitableExperts(ctx: AppContext, actor: UserActor, meetingId: string) {
  const { meeting } = await loadMeetingFor(ctx.db, actor, meetingId, 'meeting:host');
  return meetingRepository.invitableExperts(ctx.db, meeting.agencyId);
}
