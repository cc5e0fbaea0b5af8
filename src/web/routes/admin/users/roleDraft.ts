import { AGENCY_ROLES, ROLES, type Role } from '../../../../shared/roles';
import type { RoleAssignmentInput } from '../../../../shared/users';
import type { Me } from '../../../../shared/auth';

/** A role being edited: its organisation is always the account's own, added when saving. */
export type RoleDraft = { role: Role; servicePointId?: string };

export const toDrafts = (roles: readonly { role: Role; servicePointId?: string }[]): RoleDraft[] =>
  roles.map((r) => ({ role: r.role, ...(r.servicePointId ? { servicePointId: r.servicePointId } : {}) }));

export const toAssignments = (drafts: RoleDraft[], organisationId: string): RoleAssignmentInput[] =>
  drafts.map((d) => ({ role: d.role, organisationId, ...(d.servicePointId ? { servicePointId: d.servicePointId } : {}) }));

export const isMainAdmin = (me: Me) => me.roles.some((r) => r.role === 'main-admin');

/** The main admin grants every role; an agency admin only the agency's own staff roles. */
export const grantableRoles = (me: Me): readonly Role[] => (isMainAdmin(me) ? ROLES : AGENCY_ROLES);

/** The agency an agency admin administers (the first, if several). */
export const ownAgency = (me: Me): string | undefined => me.roles.find((r) => r.role === 'agency-admin')?.organisationId;
