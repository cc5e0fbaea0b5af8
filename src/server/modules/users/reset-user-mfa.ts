import type { UserView } from '../../../shared/users.js';
import type { Actor } from '../../auth/actor.js';
import { sessionRepository } from '../../auth/session-repository.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { loadUserFor } from './access.js';
import { presentUser } from './present.js';
import { userRepository } from './repository.js';
import { authChanged } from '../../auth/session-cache.js';

/** A lost authenticator: the secret is removed and sessions end; the user enrols again at the next sign-in. */
export async function resetUserMfa(ctx: AppContext, actor: Actor, id: string, ip?: string): Promise<UserView> {
  const result = await ctx.db.transaction(async (tx) => {
    const { user, roles } = await loadUserFor(tx, actor, id, 'user:manage');
    const updated = (await userRepository.update(tx, id, { mfaSecret: null, mfaEnabled: false, mfaLastStep: null }))!;
    await sessionRepository.deleteForUser(tx, id);
    await recordAudit(tx, actor, { action: 'user.mfa_reset', targetType: 'user', targetId: id, organisationId: user.organisationId }, ip);
    return presentUser(updated, roles);
  });
  await authChanged(ctx, { userId: id });
  return result;
}
