import type { Actor, RoleGrant } from '../../auth/actor.js';
import { authorize, can } from '../../auth/policy.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/problem.js';
import { type UserRow, userRepository } from './repository.js';

/**
 * Loads an account the actor may act on. Accounts outside the actor's organisations answer 404, so an agency
 * admin cannot even learn that another agency's account exists; inside them, `action` decides (403).
 */
export async function loadUserFor(db: Db, actor: Actor, id: string, action: 'user:list' | 'user:manage'): Promise<{ user: UserRow; roles: RoleGrant[] }> {
  const user = await userRepository.byId(db, id);
  if (!user || !can(actor, 'user:list', { organisationId: user.organisationId })) throw notFound('User');
  const roles = (await userRepository.rolesOf(db, [id])).get(id) ?? [];
  authorize(actor, action, { organisationId: user.organisationId, heldRoles: roles.map((r) => r.role) });
  return { user, roles };
}
