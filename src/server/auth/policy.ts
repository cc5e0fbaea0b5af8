import type { Role } from '../../shared/roles.js';
import { AGENCY_ROLES } from '../../shared/roles.js';
import { forbidden, unauthenticated } from '../http/problem.js';
import { type Actor, hasRole, orgsWithRole } from './actor.js';

/**
 * The one place that decides who may do what. Deny by default: an action not listed here is refused.
 * Agency scoping is decided here too, from the resource's organisation, never remembered by each query.
 */
export type Resource = {
  organisationId?: string;
  servicePointId?: string;
  roomId?: string;
  /** The user the resource belongs to (e.g. an expert's own working hours). */
  userId?: string;
  /** For role grants: the role being granted or removed. */
  role?: Role;
  /** For staff accounts: the roles the account holds now. */
  heldRoles?: readonly Role[];
  /** For meetings: which meeting, and whether the actor was invited into it (a second agency's expert). */
  meetingId?: string;
  invited?: boolean;
  /** For agreements: the organisations party to it (contractor, principals, payer) and its service points. */
  partyOrganisationIds?: readonly string[];
  servicePointIds?: readonly string[];
};

type Rule = (actor: Actor, r: Resource) => boolean;

const signedIn: Rule = (a) => a.kind === 'user';
const mainAdmin: Rule = (a) => hasRole(a, 'main-admin');
const agencyAdminOf: Rule = (a, r) => !!r.organisationId && orgsWithRole(a, 'agency-admin').includes(r.organisationId);
/** An agency admin manages only accounts that hold agency roles alone: never a main admin, auditor or advisor. */
const agencyAccount: Rule = (_a, r) => (r.heldRoles ?? []).every((role) => AGENCY_ROLES.includes(role));
const all =
  (...rules: Rule[]): Rule =>
  (a, r) =>
    rules.every((rule) => rule(a, r));
const any =
  (...rules: Rule[]): Rule =>
  (a, r) =>
    rules.some((rule) => rule(a, r));

/** An advisor whose role is scoped to the resource's service point. */
const advisorAt: Rule = (a, r) =>
  a.kind === 'user' && !!r.servicePointId && a.roles.some((g) => g.role === 'advisor' && g.servicePointId === r.servicePointId);
/** Experts and agency bookers of the resource's agency: the people who serve and book its customers. */
const agencyStaffOf: Rule = (a, r) =>
  !!r.organisationId && (orgsWithRole(a, 'expert').includes(r.organisationId) || orgsWithRole(a, 'agency-booker').includes(r.organisationId));
const expertOf: Rule = (a, r) => !!r.organisationId && orgsWithRole(a, 'expert').includes(r.organisationId);
/** Anyone working for the agency (staff or its admin): may read the agency's own bookings. */
/** Staff of any principal agency: every agency serves at every service point, so all see when rooms are taken. */
const agencyStaffAnywhere: Rule = (a) => hasRole(a, 'expert') || hasRole(a, 'agency-booker') || hasRole(a, 'agency-admin');
const agencyMemberOf: Rule = (a, r) => agencyStaffOf(a, r) || agencyAdminOf(a, r);
const coordinator: Rule = (a) => hasRole(a, 'coordinator');
/** A kiosk at the resource's service point: it hears that calls there changed, then reads only its own room's. */
const terminalAtPoint: Rule = (a, r) => a.kind === 'terminal' && !!r.servicePointId && a.servicePointId === r.servicePointId;
/** An interpreter holding a guest token of exactly this meeting. */
const guestOfMeeting: Rule = (a, r) => a.kind === 'guest' && !!r.meetingId && a.meetingId === r.meetingId;
const invitedExpert: Rule = (a, r) => r.invited === true && hasRole(a, 'expert');
const self: Rule = (a, r) => a.kind === 'user' && !!r.userId && a.userId === r.userId;
/** An agency system (API token) of the resource's agency holding the given scope. */
const agencySystemWith =
  (scope: string): Rule =>
  (a, r) =>
    a.kind === 'agency-system' && !!r.organisationId && a.organisationId === r.organisationId && a.scopes.includes(scope);
/** The contractor's supervisor of the resource's service point (or of any of the resource's points). */
const pointManagerAt: Rule = (a, r) =>
  a.kind === 'user' &&
  a.roles.some((g) => g.role === 'point-manager' && !!g.servicePointId && (g.servicePointId === r.servicePointId || (r.servicePointIds ?? []).includes(g.servicePointId)));
/** An agency admin of an organisation party to the agreement. */
const partyAdmin: Rule = (a, r) => orgsWithRole(a, 'agency-admin').some((o) => (r.partyOrganisationIds ?? []).includes(o));
const auditor: Rule = (a) => hasRole(a, 'auditor');
/** The kiosk of the resource's room. */
const terminalInRoom: Rule = (a, r) => a.kind === 'terminal' && !!r.roomId && a.roomId === r.roomId;

const statisticsAgencies = (a: Actor) => [...orgsWithRole(a, 'agency-admin'), ...orgsWithRole(a, 'expert')];
const managedPoints = (a: Actor) => (a.kind === 'user' ? a.roles.filter((g) => g.role === 'point-manager' && g.servicePointId).map((g) => g.servicePointId!) : []);
const statisticsAgencyMember: Rule = (a, r) => statisticsAgencies(a).length > 0 && (!r.organisationId || statisticsAgencies(a).includes(r.organisationId));
const statisticsPointManager: Rule = (a, r) => managedPoints(a).length > 0 && (!r.servicePointId || managedPoints(a).includes(r.servicePointId));

const rules = {
  // Directory reads: every signed-in role sees the organisations and service points (public information).
  'organisation:list': signedIn,
  'organisation:manage': mainAdmin,
  // Identity providers (OpenID Connect) decide who can sign in as whom: the main admin alone configures them.
  'identity-provider:manage': mainAdmin,
  'service-point:list': signedIn,
  'service-point:manage': mainAdmin,
  'room:manage': mainAdmin,
  'terminal:view': any(mainAdmin, (a) => hasRole(a, 'coordinator')),
  'terminal:manage': mainAdmin,
  'terminal:self': (a, r) => a.kind === 'terminal' && (!r.roomId || a.roomId === r.roomId),
  // Staff accounts: the main admin everywhere, an agency admin inside its own agency.
  // Opens user administration at all; each account is then checked with user:list / user:manage.
  'user:administer': any(mainAdmin, (a) => orgsWithRole(a, 'agency-admin').length > 0),
  'user:list': any(mainAdmin, agencyAdminOf),
  'user:manage': any(mainAdmin, all(agencyAdminOf, agencyAccount)),
  'role:grant': any(mainAdmin, (a, r) => agencyAdminOf(a, r) && !!r.role && AGENCY_ROLES.includes(r.role)),
  'audit:read': (a) => hasRole(a, 'auditor'),
  // Scheduling. Advisors work for every agency at their own service point; agency staff within their agency.
  'service:list': signedIn,
  'service:manage': any(mainAdmin, agencyAdminOf),
  'availability:read': any(advisorAt, agencyStaffOf),
  'booking:create': any(advisorAt, agencyStaffOf),
  // The public booking page (modules/public-booking): anyone, signed in or not, acts there only as a customer; the
  // manage link's token is the credential for one booking, checked by the use case, never a session.
  'public-booking:use': (a) => a.kind === 'anonymous',
  'booking:read': any(advisorAt, agencyMemberOf),
  'booking:change': any(advisorAt, agencyStaffOf),
  'booking:status': any(advisorAt, expertOf),
  // Seeing only that a room is taken, without whose booking it is.
  'calendar:read': any(advisorAt, agencyStaffAnywhere, mainAdmin, (a) => hasRole(a, 'coordinator')),
  // Hearing that a booking changed (ids only): whoever sees the calendar, and the kiosks at the point, which then
  // re-read only their own room's session (a check-in at the desk shows on the kiosk at once).
  'booking:watch': any(advisorAt, agencyStaffAnywhere, mainAdmin, (a) => hasRole(a, 'coordinator'), terminalAtPoint),
  'walk-in:create': advisorAt,
  'walk-in:list': any(advisorAt, expertOf),
  'walk-in:take': expertOf,
  'expert:list': signedIn,
  'working-hours:manage': any(mainAdmin, agencyAdminOf, (a, r) => a.kind === 'user' && a.userId === r.userId),
  'interpreter:list': signedIn,
  'interpreter:manage': any(mainAdmin, (a) => hasRole(a, 'coordinator')),
  'closure:manage': any(mainAdmin, (a) => hasRole(a, 'coordinator'), advisorAt),
  // Assistance in the room. Advisors answer at their own service point; coordinators watch and take escalations.
  'button:view': any(mainAdmin, coordinator),
  'button:manage': mainAdmin,
  'call:read': any(advisorAt, coordinator),
  'call:watch': any(advisorAt, coordinator, terminalAtPoint),
  'call:acknowledge': advisorAt,
  'call:close': any(advisorAt, coordinator),
  'identity-check:request': expertOf,
  'identity-check:cancel': expertOf,
  'identity-check:read': any(advisorAt, coordinator, expertOf),
  'identity-check:perform': advisorAt,
  'incident:report': any(advisorAt, expertOf),
  'incident:read': any(advisorAt, coordinator, expertOf),
  'incident:resolve': any(advisorAt, coordinator, self),
  'service-point:status': any(advisorAt, coordinator),
  // Remote meetings (docs/meetings.md). The booking agency's experts host; the room's kiosk, an invited expert of
  // another agency and the interpreter with this meeting's guest token join. Nobody else, not even the main admin.
  'meeting:host': expertOf,
  'meeting:join': any(expertOf, invitedExpert, terminalInRoom, guestOfMeeting),
  'meeting:list': (a) => hasRole(a, 'expert'),
  // Hearing that a meeting changed (ids only): its agency's experts, the point's advisors and coordinators for the
  // status board, the kiosks at the point (which then re-read only their own room's session).
  'meeting:watch': any(expertOf, advisorAt, coordinator, terminalAtPoint),
  'terminal:check-in': terminalInRoom,
  // Document handover (docs/documents.md). Advisors register at their point and read a draft's content; once sent,
  // content is for the agency's experts and its systems only. Main admin and coordinators see metadata only.
  'document:register': advisorAt,
  'document:read': any(expertOf, agencySystemWith('documents:read')),
  'document:acknowledge': any(expertOf, agencySystemWith('documents:acknowledge')),
  'document:metadata': any(advisorAt, expertOf, agencyAdminOf, mainAdmin, coordinator),
  'document:watch': any(advisorAt, expertOf, agencyAdminOf),
  'document:terminal-capture': terminalInRoom,
  'document-key:rotate': any(mainAdmin, agencyAdminOf),
  'agency-token:manage': agencyAdminOf,
  // Joint-service agreements (docs/agreements.md): recorded and amended by the main admin; read by the parties'
  // admins and the contractor's point managers, by coordinators and auditors.
  'agreement:read': any(mainAdmin, coordinator, auditor, partyAdmin, pointManagerAt),
  'agreement:manage': mainAdmin,
  // Which agency the point may serve for which task today: its advisors and managers, coordinators, the main admin.
  'agreement:delegations': any(advisorAt, pointManagerAt, coordinator, mainAdmin),
  // Bookings no agreement covers any more: the point's advisors and the booking agency's staff re-arrange them.
  'agreement:rearrange': any(advisorAt, agencyMemberOf),
  // Time reports (docs/time-reports.md). Advisors record their own time at their point; point managers read and
  // submit their points' months; VM (main admin, coordinators) reads all and approves or returns; an agency's
  // admin reads the hours spent on that agency (resource organisationId = the entry's agency).
  'time-entry:write': all(self, advisorAt),
  'time-entry:read': any(self, pointManagerAt, mainAdmin, coordinator, agencyAdminOf),
  'time-entry:suggestions': (a) => hasRole(a, 'advisor'),
  'time-report:read': any(pointManagerAt, mainAdmin, coordinator),
  'time-report:submit': pointManagerAt,
  'time-report:decide': any(mainAdmin, coordinator),
  // Cost claims (§8): the point manager of one of the agreement's points claims; VM decides and records the premises
  // works Senaatti bills to VM. Resource: the agreement's service points.
  'cost-claim:read': any(mainAdmin, coordinator, pointManagerAt),
  'cost-claim:create': pointManagerAt,
  'cost-claim:record-works': mainAdmin,
  'cost-claim:decide': any(mainAdmin, coordinator),
  'reimbursement:read': any(mainAdmin, coordinator, pointManagerAt),
  // Accessibility (306/2019): the statement is public and edited by the main admin; feedback is answered by VM's
  // coordinators (the main admin may step in).
  'accessibility-statement:manage': mainAdmin,
  'accessibility-feedback:read': any(coordinator, mainAdmin),
  'accessibility-feedback:answer': any(coordinator, mainAdmin),
  // Statistics (issue 14): VM and auditors see all; an agency's admins and experts their agency's; a point manager
  // its points'. Resource: the agency and the point the request filters by, which must then be the actor's own.
  'statistics:read': any(mainAdmin, coordinator, auditor, statisticsAgencyMember, statisticsPointManager),
  // Privacy (docs/privacy.md). Each agency is the controller of its customers' data: only its own admin finds,
  // exports and erases a data subject's records; its staff read its record of processing, its admin writes it.
  'privacy:data-subjects': agencyAdminOf,
  'privacy:record:read': agencyMemberOf,
  'privacy:record:manage': agencyAdminOf,
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;

/** Actions a user whose MFA enrolment is pending may still take. */
const allowedWhileMfaPending = new Set<string>([]);

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (actor.kind === 'user' && actor.mfaPending && !allowedWhileMfaPending.has(action)) return false;
  const rule: Rule | undefined = rules[action];
  return rule ? rule(actor, resource) : false;
}

export function authorize(actor: Actor, action: Action, resource: Resource = {}): void {
  if (can(actor, action, resource)) return;
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind === 'user' && actor.mfaPending) throw forbidden('Enrol multi-factor authentication first');
  throw forbidden();
}

/** Organisations whose users the actor manages; undefined means all. */
export function managedOrganisations(actor: Actor): string[] | undefined {
  if (mainAdmin(actor, {})) return undefined;
  return orgsWithRole(actor, 'agency-admin');
}

/**
 * Which time entries a list may show the actor (the same rule as `time-entry:read`, as filters for one query):
 * `all`, or the union of their own, their managed points' and their administered agencies' entries.
 */
export type TimeEntryScope = { all: true } | { all: false; userId?: string; servicePointIds: string[]; agencyIds: string[] };
export function timeEntryScope(actor: Actor): TimeEntryScope {
  if (actor.kind !== 'user' || actor.mfaPending) return { all: false, servicePointIds: [], agencyIds: [] };
  if (mainAdmin(actor, {}) || coordinator(actor, {})) return { all: true };
  return {
    all: false,
    userId: actor.userId,
    servicePointIds: actor.roles.filter((g) => g.role === 'point-manager' && g.servicePointId).map((g) => g.servicePointId!),
    agencyIds: orgsWithRole(actor, 'agency-admin'),
  };
}

/** Whether the actor reads entries as the contractor (advisor, manager) or VM, who see the advisors' notes. */
export const readsNotes = (actor: Actor, entry: { userId: string; servicePointId: string }) =>
  self(actor, { userId: entry.userId }) || pointManagerAt(actor, { servicePointId: entry.servicePointId }) || mainAdmin(actor, {}) || coordinator(actor, {});

/**
 * Whose advisors' time the statistics may count for the actor: what `time-entry:read` allows (all for the main admin and
 * coordinators, the administered agencies' and the managed points' entries), never more than `statisticsScope`.
 * Experts and auditors read no time entries, so they see no advisors' time.
 */
export function statisticsTimeScope(actor: Actor): StatisticsScope {
  const time = timeEntryScope(actor);
  return time.all ? statisticsScope(actor) : { all: false, agencyIds: time.agencyIds, servicePointIds: time.servicePointIds };
}

/**
 * Which rows statistics may count for the actor (the same rule as `statistics:read`, as filters for the queries):
 * `all`, or those of the agencies they work for or of the points they manage (either).
 */
export type StatisticsScope = { all: true } | { all: false; agencyIds: string[]; servicePointIds: string[] };
export function statisticsScope(actor: Actor): StatisticsScope {
  if (actor.kind !== 'user' || actor.mfaPending) return { all: false, agencyIds: [], servicePointIds: [] };
  if (mainAdmin(actor, {}) || coordinator(actor, {}) || auditor(actor, {})) return { all: true };
  return { all: false, agencyIds: [...new Set(statisticsAgencies(actor))], servicePointIds: managedPoints(actor) };
}
