import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { loadUserFor } from './access.js';
import { issuePasswordLink } from './password-link.js';
import { presentUser } from './present.js';

/** A forgotten password or a lost first link: a new one-time link; earlier unused ones stop working. */
export async function issueUserPasswordLink(ctx: AppContext, actor: Actor, id: string, ip?: string) {
  return ctx.db.transaction(async (tx) => {
    const { user, roles } = await loadUserFor(tx, actor, id, 'user:manage');
    if (!user.active) throw invalid('user.inactive', 'Activate the account before sending it a password link');
    const link = await issuePasswordLink({ ...ctx, db: tx }, id);
    await recordAudit(tx, actor, { action: 'user.password_link_issued', targetType: 'user', targetId: id, organisationId: user.organisationId }, ip);
    return { user: presentUser(user, roles), setPasswordUrl: link.url, expiresAt: link.expiresAt.toISOString() };
  });
}
