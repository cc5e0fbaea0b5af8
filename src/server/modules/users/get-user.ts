import type { UserView } from '../../../shared/users.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { loadUserFor } from './access.js';
import { presentUser } from './present.js';

export async function getUser(ctx: AppContext, actor: Actor, id: string, ip?: string): Promise<UserView> {
  const { user, roles } = await loadUserFor(ctx.db, actor, id, 'user:list');
  await recordAudit(ctx.db, actor, { action: 'user.read', targetType: 'user', targetId: id, organisationId: user.organisationId }, ip);
  return presentUser(user, roles);
}
