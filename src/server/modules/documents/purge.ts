import type { SystemActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { publishDocumentChanged } from './events.js';
import { type HandoverRow, handoverRepository, pageRepository } from './repository.js';
import { warnAgencyAdmins } from './retention-mail.js';

export const documentsActor: SystemActor = { kind: 'system', component: 'documents' };
const BATCH = 100;

/**
 * Removes a handover's content when it is due (or at once for a data subject's erasure): the pages (ciphertext) are deleted and the data key, cover note and
 * walk-in customer's name are cleared, so nothing can be decrypted any more. The record stays: who registered it,
 * when, where, for which agency, kind, page count, delivered and acknowledged. Rows locked by someone else are
 * skipped (the next pass takes them).
 */
export async function purgeHandover(ctx: AppContext, id: string, now = new Date(), erasure?: 'erasure'): Promise<HandoverRow | undefined> {
  const purged = await ctx.db.transaction(async (tx) => {
    // A data subject's erasure waits for a lock held elsewhere and purges whatever the purge time.
    const h = await handoverRepository.forUpdate(tx, id, { skipLocked: !erasure });
    if (!h || h.status === 'purged' || (!erasure && h.purgeAt > now)) return undefined;
    const reason = erasure ?? (h.status === 'acknowledged' ? 'acknowledged' : 'retention');
    const files = await pageRepository.deleteOfHandover(tx, id);
    const row = await handoverRepository.update(tx, id, {
      status: 'purged',
      purgedAt: now,
      purgeReason: reason,
      wrappedDataKey: null,
      coverNote: null,
      customerName: null,
    });
    await recordAudit(tx, documentsActor, {
      action: 'document.purged',
      targetType: 'document',
      targetId: id,
      organisationId: h.agencyId,
      details: { reason, files, pages: h.pageCount, delivered: !!h.sentAt, acknowledged: !!h.acknowledgedAt },
    });
    return row;
  });
  if (purged) await publishDocumentChanged(ctx, purged);
  return purged;
}

/** One pass of the purge job: every handover past its purge time. */
export async function purgeDue(ctx: AppContext, now = new Date()): Promise<number> {
  let count = 0;
  for (;;) {
    const ids = await handoverRepository.duePurge(ctx.db, now, BATCH);
    let progressed = 0;
    for (const id of ids) if (await purgeHandover(ctx, id, now)) progressed++;
    count += progressed;
    if (ids.length < BATCH || progressed === 0) return count;
  }
}

/**
 * Warns each agency once per handover that unacknowledged documents will be purged within DOCUMENT_WARN_DAYS: the
 * in-app notice (GET /api/agencies/:id/document-retention) is always there; this adds an audit row, a live event,
 * and an e-mail to the agency admins when SMTP is configured. Returns the agencies warned.
 */
export async function warnDue(ctx: AppContext, now = new Date()): Promise<Map<string, number>> {
  const until = new Date(now.getTime() + ctx.config.documentWarnDays * 24 * 3600_000);
  const claimed = await ctx.db.transaction(async (tx) => {
    const rows = await handoverRepository.claimWarnings(tx, until, now);
    const byAgency = new Map<string, typeof rows>();
    for (const r of rows) byAgency.set(r.agencyId, [...(byAgency.get(r.agencyId) ?? []), r]);
    for (const [agencyId, list] of byAgency) {
      await recordAudit(tx, documentsActor, {
        action: 'document.retention_warning',
        targetType: 'agency',
        targetId: agencyId,
        organisationId: agencyId,
        details: { documents: list.map((r) => r.id) },
      });
    }
    return byAgency;
  });
  const counts = new Map<string, number>();
  for (const [agencyId, list] of claimed) {
    counts.set(agencyId, list.length);
    const first = list.reduce((a, b) => (a.purgeAt < b.purgeAt ? a : b));
    await ctx.bus.publish({ type: 'document.changed', agencyId, id: first.id });
    await warnAgencyAdmins(ctx, agencyId, list.length, first.purgeAt);
  }
  return counts;
}
