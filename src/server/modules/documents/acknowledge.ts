import type { Actor } from '../../auth/actor.js';
import { authorize, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { scopeOf } from './access.js';
import { publishDocumentChanged } from './events.js';
import { purgeHandover } from './purge.js';
import { type HandoverRow, handoverRepository } from './repository.js';

/**
 * The agency confirms receipt (an expert, or its system with the documents:acknowledge scope). The content is
 * then purged after DOCUMENT_KEEP_AFTER_ACK_HOURS (default 0: at once). Acknowledging again answers the same.
 */
export async function acknowledgeHandover(ctx: AppContext, actor: Actor, id: string, ip?: string): Promise<HandoverRow> {
  const now = new Date();
  const { row, changed } = await ctx.db.transaction(async (tx) => {
    const h = await handoverRepository.forUpdate(tx, id);
    if (!h || h.status === 'draft') throw notFound('Document handover');
    if (!can(actor, 'document:acknowledge', scopeOf(h))) {
      if (can(actor, 'document:read', scopeOf(h))) authorize(actor, 'document:acknowledge', scopeOf(h));
      throw notFound('Document handover');
    }
    if (h.status !== 'sent') return { row: h, changed: false };
    const keepUntil = new Date(now.getTime() + ctx.config.documentKeepAfterAckHours * 3600_000);
    const updated = await handoverRepository.update(tx, id, {
      status: 'acknowledged',
      acknowledgedAt: now,
      acknowledgedBy: actor.kind === 'user' ? actor.userId : null,
      acknowledgedByToken: actor.kind === 'agency-system' ? actor.tokenId : null,
      purgeAt: keepUntil < h.purgeAt ? keepUntil : h.purgeAt,
    });
    await recordAudit(tx, actor, { action: 'document.acknowledged', targetType: 'document', targetId: id, organisationId: h.agencyId }, ip);
    return { row: updated, changed: true };
  });
  if (!changed) return row;
  await publishDocumentChanged(ctx, row);
  if (row.purgeAt <= now) return (await purgeHandover(ctx, id, now)) ?? row;
  return row;
}
