import type { UserView } from '../../../shared/users.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { loadUserFor } from './access.js';
import { presentUser } from './present.js';
import { userRepository } from './repository.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';
import { authChanged } from '../../auth/session-cache.js';

export async function activateUser(ctx: AppContext, actor: Actor, id: string, ip?: string): Promise<UserView> {
  const result = await ctx.db.transaction(async (tx) => {
    const { user, roles } = await loadUserFor(tx, actor, id, 'user:manage');
    const updated = (await userRepository.update(tx, id, { active: true }))!;
    await recordAudit(tx, actor, { action: 'user.activated', targetType: 'user', targetId: id, organisationId: user.organisationId }, ip);
    return presentUser(updated, roles);
  });
  await authChanged(ctx, { userId: id });
  // Only active experts are in the availability catalogue.
  await catalogueChanged(ctx);
  return result;
}
