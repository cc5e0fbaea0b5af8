import type { UserView } from '../../../shared/users.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { loadUserFor } from './access.js';
import { presentUser } from './present.js';
import { userRepository } from './repository.js';

export async function activateUser(ctx: AppContext, actor: Actor, id: string, ip?: string): Promise<UserView> {
  return ctx.db.transaction(async (tx) => {
    const { user, roles } = await loadUserFor(tx, actor, id, 'user:manage');
    const updated = (await userRepository.update(tx, id, { active: true }))!;
    await recordAudit(tx, actor, { action: 'user.activated', targetType: 'user', targetId: id, organisationId: user.organisationId }, ip);
    return presentUser(updated, roles);
  });
}
