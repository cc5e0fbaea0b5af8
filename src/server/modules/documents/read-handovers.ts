import type { z } from 'zod';
import type { handoversQuery } from '../../../shared/documents.js';
import type { Actor } from '../../auth/actor.js';
import { authorize, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { loadKnown, mayKnow, mayKnowCustomer, mayReadContent, scopeOf } from './access.js';
import { DecryptionError, open } from '../../crypto/aead.js';
import { documentsActor } from './purge.js';
import { pageAad, unwrapDataKey } from './keys.js';
import { presentHandover } from './present.js';
import { type HandoverRow, type PageRow, handoverRepository, pageRepository } from './repository.js';

type Query = z.infer<typeof handoversQuery> & { since?: Date };

async function present(ctx: AppContext, actor: Actor, rows: HandoverRow[]) {
  const pages = await pageRepository.ofHandovers(ctx.db, rows.filter((h) => mayReadContent(actor, h)).map((h) => h.id));
  const names = await handoverRepository.customerNames(ctx.db, rows.filter((h) => h.bookingId && h.status !== 'purged' && mayKnowCustomer(actor, h)).map((h) => h.bookingId!));
  return rows.map((h) => {
    if (!mayKnowCustomer(actor, h)) return presentHandover(h);
    const customerName = h.status === 'purged' ? null : h.bookingId ? (names.get(h.bookingId) ?? null) : h.customerName;
    const readable = mayReadContent(actor, h);
    return presentHandover(readable ? h : { ...h, coverNote: null }, { customerName, ...(readable ? { pages: pages.filter((p) => p.handoverId === h.id) } : {}) });
  });
}

/**
 * A service point's handovers (advisors, coordinators, main admin) or an agency's (its experts and admins). Every
 * row is checked against the policy again; personal data in the answer is audited as one list read.
 */
export async function listHandovers(ctx: AppContext, actor: Actor, q: Query, ip?: string) {
  if (!q.servicePointId && !q.agencyId) throw invalid('validation', 'Give servicePointId or agencyId');
  const scope = { servicePointId: q.servicePointId, organisationId: q.agencyId };
  if (!can(actor, 'document:read', scope)) authorize(actor, 'document:metadata', scope);
  // Drafts are the point's own business until sent: others' lists leave them out in the query itself.
  const seesDrafts = !!q.servicePointId && can(actor, 'document:register', { servicePointId: q.servicePointId });
  const wanted: HandoverRow['status'][] = q.status === 'open' ? ['draft', 'sent', 'acknowledged'] : q.status ? [q.status] : ['draft', 'sent', 'acknowledged', 'purged'];
  const statuses = wanted.filter((s) => seesDrafts || s !== 'draft');
  const rows = (await handoverRepository.list(ctx.db, { servicePointId: q.servicePointId, agencyId: q.agencyId, bookingId: q.bookingId, since: q.since, statuses, limit: q.limit })).filter((h) => mayKnow(actor, h));
  const views = await present(ctx, actor, rows);
  if (views.some((v) => v.customerName)) {
    await recordAudit(ctx.db, actor, { action: 'document.list', targetType: 'document', organisationId: q.agencyId, details: { servicePointId: q.servicePointId, count: views.length } }, ip);
  }
  return views;
}

export async function getHandover(ctx: AppContext, actor: Actor, id: string, ip?: string) {
  const h = await loadKnown(ctx.db, actor, id);
  const [view] = await present(ctx, actor, [h]);
  if (view!.customerName !== undefined) await recordAudit(ctx.db, actor, { action: 'document.read', targetType: 'document', targetId: id, organisationId: h.agencyId }, ip);
  return view!;
}

export type PageContent = { bytes: Buffer; mediaType: string; filename: string };

/** Decrypts one page for someone who may read it; the GCM tag fails on any change to the stored bytes. */
export async function decryptPage(ctx: AppContext, h: HandoverRow, page: PageRow): Promise<PageContent> {
  let bytes: Buffer;
  try {
    bytes = open(await unwrapDataKey(ctx.db, ctx.config, h), page.ciphertext, pageAad(h.id, page.id));
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
    await recordAudit(ctx.db, documentsActor, { action: 'document.integrity_failed', outcome: 'failure', targetType: 'document', targetId: h.id, organisationId: h.agencyId, details: { pageId: page.id } });
    throw new HttpProblem(500, 'document.integrity', 'Internal error', 'The stored document failed its integrity check');
  }
  const ext = page.mediaType === 'application/pdf' ? 'pdf' : page.mediaType === 'image/png' ? 'png' : 'jpg';
  return { bytes, mediaType: page.mediaType, filename: `${h.reference}-${page.position}.${ext}` };
}

/**
 * One page's content, viewed or downloaded. A sent handover is for its agency alone: the advisor who registered it
 * gets 403 (they know it exists), everyone else 404.
 */
export async function readPage(ctx: AppContext, actor: Actor, id: string, ref: { pageId?: string; position?: number }, mode: 'view' | 'download', ip?: string): Promise<PageContent> {
  const h = await handoverRepository.byId(ctx.db, id);
  if (!h || !(mayKnow(actor, h) || can(actor, 'document:read', scopeOf(h)))) throw notFound('Document handover');
  if (h.status === 'purged') throw new HttpProblem(410, 'document.purged', 'Gone', 'The content of this handover has been purged');
  if (!mayReadContent(actor, h)) {
    if (h.status !== 'draft' && can(actor, 'document:register', scopeOf(h))) throw new HttpProblem(403, 'document.sent', 'Forbidden', 'Sent documents are for the agency only');
    authorize(actor, 'document:read', scopeOf(h));
    throw notFound('Document handover');
  }
  const page = ref.pageId ? await pageRepository.withContent(ctx.db, id, ref.pageId) : await pageRepository.atPosition(ctx.db, id, ref.position!);
  if (!page) throw notFound('Page');
  const content = await decryptPage(ctx, h, page);
  await recordAudit(
    ctx.db,
    actor,
    { action: mode === 'download' ? 'document.downloaded' : 'document.viewed', targetType: 'document', targetId: id, organisationId: h.agencyId, details: { pageId: page.id, position: page.position } },
    ip,
  );
  return content;
}
