import type { Actor } from '../../auth/actor.js';
import { type Action, authorize, can } from '../../auth/policy.js';
import type { Db } from '../../db/client.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { type MeetingRow, type ParticipantRow, meetingRepository } from './repository.js';

export const meetingResource = (m: MeetingRow, invited = false) => ({
  organisationId: m.agencyId,
  servicePointId: m.servicePointId,
  roomId: m.roomId,
  meetingId: m.id,
  invited,
});

export const meetingEnded = () => new HttpProblem(409, 'meeting.ended', 'Conflict', 'The meeting has ended');

/**
 * A meeting the actor may take part in (or host, with `meeting:host`). Anyone else gets 404: a meeting of another
 * agency or another room does not exist for them.
 */
export async function loadMeetingFor(db: Db, actor: Actor, meetingId: string, action: Extract<Action, 'meeting:join' | 'meeting:host'>) {
  const meeting = await meetingRepository.byId(db, meetingId);
  if (!meeting) throw notFound('Meeting');
  const own = actor.kind === 'user' ? await meetingRepository.participantOfUser(db, meeting.id, actor.userId) : undefined;
  const invited = own?.kind === 'guest-expert';
  if (!can(actor, action, meetingResource(meeting, invited))) {
    if (can(actor, 'meeting:join', meetingResource(meeting, invited))) authorize(actor, action, meetingResource(meeting, invited));
    throw notFound('Meeting');
  }
  return { meeting, own };
}

/** The actor's participant row in the meeting, created for a host or the room's kiosk on first entry. */
export async function participantFor(db: Db, actor: Actor, meeting: MeetingRow, own?: ParticipantRow): Promise<ParticipantRow> {
  if (own) return own;
  if (actor.kind === 'user') {
    return meetingRepository.addParticipant(db, { meetingId: meeting.id, kind: 'expert', userId: actor.userId, admittedAt: new Date() });
  }
  if (actor.kind === 'terminal') {
    return meetingRepository.addParticipant(db, { meetingId: meeting.id, kind: 'terminal', terminalId: actor.terminalId, admittedAt: meeting.admittedAt });
  }
  if (actor.kind === 'guest') {
    const p = await meetingRepository.participant(db, actor.participantId);
    if (p && p.meetingId === meeting.id) return p;
  }
  throw notFound('Meeting');
}
