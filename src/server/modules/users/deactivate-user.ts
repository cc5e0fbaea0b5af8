import type { UserView } from '../../../shared/users.js';
import type { UserActor } from '../../auth/actor.js';
import { sessionRepository } from '../../auth/session-repository.js';
import type { AppContext } from '../../context.js';
import { invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { loadUserFor } from './access.js';
import { presentUser } from './present.js';
import { keepAMainAdmin } from './role-grants.js';
import { userRepository } from './repository.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';
import { authChanged } from '../../auth/session-cache.js';

/** Ends the account's access now: every session is deleted and unused set-password links stop working. */
export async function deactivateUser(ctx: AppContext, actor: UserActor, id: string, ip?: string): Promise<UserView> {
  const result = await ctx.db.transaction(async (tx) => {
    const { user, roles } = await loadUserFor(tx, actor, id, 'user:manage');
    if (id === actor.userId) throw invalid('user.self', 'You cannot deactivate your own account');
    await keepAMainAdmin(tx, id, roles, []);
    const updated = (await userRepository.update(tx, id, { active: false }))!;
    await sessionRepository.deleteForUser(tx, id);
    await userRepository.invalidatePasswordTokens(tx, id, new Date());
    await recordAudit(tx, actor, { action: 'user.deactivated', targetType: 'user', targetId: id, organisationId: user.organisationId }, ip);
    return presentUser(updated, roles);
  });
  // Every instance forgets the account's sessions now, not when its session cache would expire (docs/sessions.md).
  await authChanged(ctx, { userId: id });
  // Only active experts are in the availability catalogue.
  await catalogueChanged(ctx);
  return result;
}
