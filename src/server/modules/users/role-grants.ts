import type { RoleAssignmentInput } from '../../../shared/users.js';
import { SERVICE_POINT_ROLES } from '../../../shared/roles.js';
import type { Actor, RoleGrant } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../http/problem.js';
import { directoryRepository } from '../directory/repository.js';
import { userRepository } from './repository.js';

const key = (r: RoleGrant) => `${r.role}|${r.organisationId}|${r.servicePointId ?? ''}`;

/** Every grant added or removed must be one the actor may grant: an agency admin touches agency roles only. */
export function authorizeRoleChange(actor: Actor, before: RoleGrant[], after: RoleGrant[]): void {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const changed = [...after.filter((r) => !beforeKeys.has(key(r))), ...before.filter((r) => !afterKeys.has(key(r)))];
  for (const r of changed) authorize(actor, 'role:grant', { organisationId: r.organisationId, role: r.role });
}

/**
 * Checks the grants' scope and returns them without duplicates. A role is held in the user's own organisation;
 * an advisor works at one of that organisation's service points; main-admin exists only in the main-admin
 * organisation.
 */
export async function checkRoleScope(db: Db, organisationId: string, roles: RoleAssignmentInput[]): Promise<RoleGrant[]> {
  const org = await directoryRepository.organisationById(db, organisationId);
  const out = new Map<string, RoleGrant>();
  for (const [i, r] of roles.entries()) {
    const path = `roles.${i}`;
    const fail = (detail: string, field = 'organisationId') => invalid('role.invalid_scope', detail, [{ path: `${path}.${field}`, message: detail }]);
    if (r.organisationId !== organisationId) throw fail(`The ${r.role} role must be granted in the user's own organisation`);
    if (r.role === 'main-admin' && !org?.isMainAdmin) throw fail('The main-admin role exists only in the main-admin organisation');
    if (SERVICE_POINT_ROLES.includes(r.role)) {
      if (!r.servicePointId) throw fail(`The ${r.role} role needs a service point`, 'servicePointId');
      const point = await directoryRepository.servicePointById(db, r.servicePointId);
      if (!point || point.organisationId !== organisationId) throw fail("The service point must be one of the user's organisation", 'servicePointId');
    } else if (r.servicePointId) {
      throw fail(`The ${r.role} role is not tied to a service point`, 'servicePointId');
    }
    const grant: RoleGrant = { role: r.role, organisationId: r.organisationId, ...(r.servicePointId ? { servicePointId: r.servicePointId } : {}) };
    out.set(key(grant), grant);
  }
  return [...out.values()];
}

export const roleNames = (roles: RoleGrant[]) => [...new Set(roles.map((r) => r.role))].sort();

/**
 * The system must keep an active main admin: nobody else can create one (the create-admin CLI aside). Refuses a
 * change that would leave none. Call inside the change's transaction.
 */
export async function keepAMainAdmin(tx: Db, userId: string, rolesBefore: readonly RoleGrant[], rolesAfter: readonly RoleGrant[]): Promise<void> {
  const was = rolesBefore.some((r) => r.role === 'main-admin');
  const stays = rolesAfter.some((r) => r.role === 'main-admin');
  if (!was || stays) return;
  if ((await userRepository.otherActiveMainAdmins(tx, userId)) === 0) {
    throw conflict('user.last_main_admin', 'This is the last active main admin: appoint another one first');
  }
}
