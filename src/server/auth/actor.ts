import type { Role } from '../../shared/roles.js';

export type RoleGrant = { role: Role; organisationId: string; servicePointId?: string };

export type UserActor = {
  kind: 'user';
  userId: string;
  organisationId: string;
  email: string;
  name: string;
  roles: RoleGrant[];
  mfaEnabled: boolean;
  /** Roles require MFA but it is not enrolled yet: only enrolment, me and logout are allowed. */
  mfaPending: boolean;
  sessionIdHash: string;
  csrfToken: string;
};

export type TerminalActor = { kind: 'terminal'; terminalId: string; roomId: string; servicePointId: string };
/** An interpreter who joined a meeting by link and PIN: no account, valid for that one meeting only. */
export type GuestActor = { kind: 'guest'; participantId: string; meetingId: string };
export type AnonymousActor = { kind: 'anonymous' };
/** The server acting on its own (a background job); policies grant it nothing, it only appears in the audit log. */
export type SystemActor = { kind: 'system'; component: string };
/** An agency's own system calling the agency documents API with an API token (docs/documents.md). */
export type AgencySystemActor = { kind: 'agency-system'; tokenId: string; organisationId: string; scopes: readonly string[] };
/** A customer on the public booking page, or holding the manage link of one booking (no account). */
export type CustomerActor = { kind: 'customer'; bookingId?: string };
export type Actor = UserActor | TerminalActor | GuestActor | AnonymousActor | SystemActor | AgencySystemActor | CustomerActor;

export const anonymous: AnonymousActor = { kind: 'anonymous' };

export function hasRole(actor: Actor, role: Role, organisationId?: string): boolean {
  return actor.kind === 'user' && actor.roles.some((r) => r.role === role && (!organisationId || r.organisationId === organisationId));
}

/** The organisations in which the actor holds a role. */
export function orgsWithRole(actor: Actor, role: Role): string[] {
  return actor.kind === 'user' ? actor.roles.filter((r) => r.role === role).map((r) => r.organisationId) : [];
}

/** A short label for audit records: who did it, without personal data. */
export function auditActor(actor: Actor): { actorType: string; actorId?: string } {
  if (actor.kind === 'user') return { actorType: 'user', actorId: actor.userId };
  if (actor.kind === 'terminal') return { actorType: 'terminal', actorId: actor.terminalId };
  if (actor.kind === 'system') return { actorType: 'system', actorId: actor.component };
  if (actor.kind === 'guest') return { actorType: 'guest', actorId: actor.participantId };
  if (actor.kind === 'agency-system') return { actorType: 'agency-token', actorId: actor.tokenId };
  if (actor.kind === 'customer') return { actorType: 'customer', actorId: actor.bookingId };
  return { actorType: 'anonymous' };
}
