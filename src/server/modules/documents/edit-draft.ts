import type { z } from 'zod';
import type { handoverPatch } from '../../../shared/documents.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { lockDraft } from './access.js';
import { publishDocumentChanged } from './events.js';
import { type HandoverRow, handoverRepository, pageRepository } from './repository.js';

async function afterCommit(ctx: AppContext, h: HandoverRow) {
  await publishDocumentChanged(ctx, h);
  return h;
}

export async function updateDraft(ctx: AppContext, actor: UserActor, id: string, patch: z.infer<typeof handoverPatch>, ip?: string) {
  const h = await ctx.db.transaction(async (tx) => {
    await lockDraft(tx, actor, id);
    const row = await handoverRepository.update(tx, id, {
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.language ? { language: patch.language } : {}),
      ...(patch.coverNote !== undefined ? { coverNote: patch.coverNote || null } : {}),
    });
    await recordAudit(tx, actor, { action: 'document.updated', targetType: 'document', targetId: id, organisationId: row.agencyId, details: { fields: Object.keys(patch) } }, ip);
    return row;
  });
  return afterCommit(ctx, h);
}

/** Puts the draft's files in the given order; the list must name each file exactly once. */
export async function reorderPages(ctx: AppContext, actor: UserActor, id: string, pageIds: string[], ip?: string) {
  const h = await ctx.db.transaction(async (tx) => {
    const row = await lockDraft(tx, actor, id);
    const pages = await pageRepository.ofHandover(tx, id);
    const known = new Set(pages.map((p) => p.id));
    if (pageIds.length !== pages.length || new Set(pageIds).size !== pageIds.length || !pageIds.every((p) => known.has(p))) {
      throw invalid('document.page_order', 'Name every page of the handover exactly once');
    }
    for (const [i, pageId] of pageIds.entries()) await pageRepository.setPosition(tx, pageId, i + 1);
    await recordAudit(tx, actor, { action: 'document.reordered', targetType: 'document', targetId: id, organisationId: row.agencyId }, ip);
    return row;
  });
  return afterCommit(ctx, h);
}

export async function removePage(ctx: AppContext, actor: UserActor, id: string, pageId: string, ip?: string) {
  const h = await ctx.db.transaction(async (tx) => {
    const row = await lockDraft(tx, actor, id);
    const pages = await pageRepository.ofHandover(tx, id);
    const page = pages.find((p) => p.id === pageId);
    if (!page) throw notFound('Page');
    await pageRepository.delete(tx, pageId);
    for (const [i, p] of pages.filter((p) => p.id !== pageId).entries()) if (p.position !== i + 1) await pageRepository.setPosition(tx, p.id, i + 1);
    const updated = await handoverRepository.update(tx, id, { pageCount: row.pageCount - page.pageCount, fileCount: row.fileCount - 1 });
    await recordAudit(tx, actor, { action: 'document.page_removed', targetType: 'document', targetId: id, organisationId: row.agencyId, details: { pageId } }, ip);
    return updated;
  });
  return afterCommit(ctx, h);
}

/** The advisor abandons a draft (the customer took the papers back): content and record go; the audit log keeps it. */
export async function discardDraft(ctx: AppContext, actor: UserActor, id: string, ip?: string) {
  const h = await ctx.db.transaction(async (tx) => {
    const row = await lockDraft(tx, actor, id);
    await handoverRepository.delete(tx, id);
    await recordAudit(tx, actor, { action: 'document.discarded', targetType: 'document', targetId: id, organisationId: row.agencyId, details: { pages: row.pageCount } }, ip);
    return row;
  });
  await publishDocumentChanged(ctx, h);
}

/** Delivers the draft to the agency's inbox; from now on the advisor sees metadata only. */
export async function sendHandover(ctx: AppContext, actor: UserActor, id: string, ip?: string) {
  const h = await ctx.db.transaction(async (tx) => {
    const row = await lockDraft(tx, actor, id);
    if (row.fileCount === 0) throw new HttpProblem(409, 'document.no_pages', 'Conflict', 'Add at least one page before sending');
    const sent = await handoverRepository.update(tx, id, { status: 'sent', sentAt: new Date(), sentBy: actor.userId });
    await recordAudit(tx, actor, { action: 'document.sent', targetType: 'document', targetId: id, organisationId: row.agencyId, details: { pages: row.pageCount, files: row.fileCount } }, ip);
    return sent;
  });
  return afterCommit(ctx, h);
}
