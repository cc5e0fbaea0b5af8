import type { z } from 'zod';
import type { UserView, updateUserRequest } from '../../../shared/users.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { sqlState } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import { loadUserFor } from './access.js';
import { emailTaken } from './create-user.js';
import { presentUser } from './present.js';
import { userRepository } from './repository.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';
import { authChanged } from '../../auth/session-cache.js';

export async function updateUser(ctx: AppContext, actor: Actor, id: string, patch: z.output<typeof updateUserRequest>, ip?: string): Promise<UserView> {
  const result = await ctx.db.transaction(async (tx) => {
    const { user: before, roles } = await loadUserFor(tx, actor, id, 'user:manage');
    if (patch.email && patch.email !== before.email) {
      const holder = await userRepository.byEmail(tx, patch.email);
      if (holder && holder.id !== id) throw emailTaken();
    }
    const fields = Object.keys(patch);
    const user =
      fields.length === 0
        ? before
        : (await userRepository.update(tx, id, patch).catch((e: unknown) => {
            throw sqlState(e) === '23505' ? emailTaken() : e;
          }))!;
    // Field names only: the audit log never repeats names or email addresses.
    await recordAudit(tx, actor, { action: 'user.updated', targetType: 'user', targetId: id, organisationId: user.organisationId, details: { fields } }, ip);
    return presentUser(user, roles);
  });
  // A session carries the name, e-mail and organisation.
  await authChanged(ctx, { userId: id });
  // An expert's name orders the experts in the availability catalogue.
  await catalogueChanged(ctx);
  return result;
}
