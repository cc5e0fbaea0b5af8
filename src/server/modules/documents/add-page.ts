import { randomUUID } from 'node:crypto';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { seal } from '../../crypto/aead.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { lockDraft } from './access.js';
import { publishDocumentChanged } from './events.js';
import { inspectFile } from './files.js';
import { pageAad, unwrapDataKey } from './keys.js';
import { type HandoverRow, type PageMeta, handoverRepository, pageRepository } from './repository.js';

export type PageSource = 'upload' | 'camera' | 'terminal';

/**
 * Encrypts one checked file and appends it to a locked handover. The plaintext lives only in this request's
 * memory: it is checked, sealed and dropped; nothing is written anywhere but the ciphertext row.
 */
export async function appendPage(
  tx: Db,
  ctx: AppContext,
  actor: Actor,
  h: HandoverRow,
  file: { bytes: Buffer; mediaType: string; pageCount: number },
  source: PageSource,
  ip?: string,
): Promise<{ handover: HandoverRow; page: PageMeta }> {
  if (h.pageCount + file.pageCount > ctx.config.documentMaxPages) {
    throw invalid('document.too_many_pages', `A handover may hold at most ${ctx.config.documentMaxPages} pages`);
  }
  const dataKey = await unwrapDataKey(tx, ctx.config, h);
  const pageId = randomUUID();
  const existing = await pageRepository.ofHandover(tx, h.id);
  const page = await pageRepository.insert(tx, {
    id: pageId,
    handoverId: h.id,
    position: existing.length + 1,
    mediaType: file.mediaType,
    pageCount: file.pageCount,
    byteSize: file.bytes.length,
    source,
    ciphertext: seal(dataKey, file.bytes, pageAad(h.id, pageId)),
    addedBy: actor.kind === 'user' ? actor.userId : null,
  });
  const handover = await handoverRepository.update(tx, h.id, { pageCount: h.pageCount + file.pageCount, fileCount: h.fileCount + 1 });
  await recordAudit(
    tx,
    actor,
    { action: 'document.page_added', targetType: 'document', targetId: h.id, organisationId: h.agencyId, details: { pageId, mediaType: file.mediaType, pages: file.pageCount, bytes: file.bytes.length, source } },
    ip,
  );
  return { handover, page };
}

/** The advisor adds a scanned file or a document-camera still to a draft. */
export async function addPage(ctx: AppContext, actor: Actor, handoverId: string, bytes: Buffer, source: 'upload' | 'camera', ip?: string) {
  // Checked before any transaction: a bad file stores nothing and holds no lock.
  await lockDraft(ctx.db, actor, handoverId, { lock: false });
  const file = { bytes, ...(await inspectFile(bytes, ctx.config.documentMaxFileBytes)) };
  const result = await ctx.db.transaction(async (tx) => appendPage(tx, ctx, actor, await lockDraft(tx, actor, handoverId), file, source, ip));
  await publishDocumentChanged(ctx, result.handover);
  return result;
}
