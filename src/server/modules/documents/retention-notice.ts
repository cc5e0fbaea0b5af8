import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { handoverRepository } from './repository.js';

/** The in-app warning for the agency: how many sent, unacknowledged handovers will be purged within the warning time. */
export async function retentionNotice(ctx: AppContext, actor: Actor, agencyId: string, now = new Date()) {
  authorize(actor, 'document:watch', { organisationId: agencyId });
  const until = new Date(now.getTime() + ctx.config.documentWarnDays * 24 * 3600_000);
  const { count, next } = await handoverRepository.expiringSoon(ctx.db, agencyId, until);
  return {
    agencyId,
    expiringSoon: count,
    nextPurgeAt: next?.toISOString() ?? null,
    warnDays: ctx.config.documentWarnDays,
    retentionDays: ctx.config.documentRetentionDays,
  };
}
