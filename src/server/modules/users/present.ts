import type { UserView } from '../../../shared/users.js';
import type { RoleGrant } from '../../auth/actor.js';
import type { UserRow } from './repository.js';

/** Never exposes hashes or the MFA secret: only what an admin needs to manage the account. */
export function presentUser(u: UserRow, roles: RoleGrant[]): UserView {
  return {
    id: u.id,
    organisationId: u.organisationId,
    email: u.email,
    name: u.name,
    active: u.active,
    mfaEnabled: u.mfaEnabled,
    hasPassword: u.passwordHash !== null,
    roles: roles.map((r) => ({ role: r.role, organisationId: r.organisationId, ...(r.servicePointId ? { servicePointId: r.servicePointId } : {}) })),
    createdAt: u.createdAt.toISOString(),
  };
}
