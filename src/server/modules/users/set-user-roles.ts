import type { RoleAssignmentInput, UserView } from '../../../shared/users.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { loadUserFor } from './access.js';
import { presentUser } from './present.js';
import { authorizeRoleChange, checkRoleScope, keepAMainAdmin, roleNames } from './role-grants.js';
import { userRepository } from './repository.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';
import { authChanged } from '../../auth/session-cache.js';

/** Replaces the account's roles. Every instance drops the account's cached sessions, so the change applies at once. */
export async function setUserRoles(ctx: AppContext, actor: Actor, id: string, input: RoleAssignmentInput[], ip?: string): Promise<UserView> {
  const result = await ctx.db.transaction(async (tx) => {
    const { user, roles: before } = await loadUserFor(tx, actor, id, 'user:manage');
    authorizeRoleChange(actor, before, input);
    const after = await checkRoleScope(tx, user.organisationId, input);
    await keepAMainAdmin(tx, id, before, after);
    await userRepository.replaceRoles(tx, id, after);
    await recordAudit(
      tx,
      actor,
      { action: 'user.roles_changed', targetType: 'user', targetId: id, organisationId: user.organisationId, details: { before: roleNames(before), after: roleNames(after) } },
      ip,
    );
    return presentUser(user, after);
  });
  await authChanged(ctx, { userId: id });
  // The expert role puts a person in the availability catalogue.
  await catalogueChanged(ctx);
  return result;
}
