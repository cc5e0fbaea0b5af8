import { createHash } from 'node:crypto';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { agreementRepository as repo } from './repository.js';

export const AGREEMENT_PDF_MAX_BYTES = 20 * 1024 * 1024;

/** A file name safe to show and to send back in Content-Disposition. */
const safeName = (name: string | undefined) => (name ?? '').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120).trim() || 'sopimus.pdf';

/** Attaches (or replaces) the signed agreement as a PDF. */
export async function attachDocument(ctx: AppContext, actor: UserActor, agreementId: string, content: Buffer, filename: string | undefined, ip?: string) {
  if (content.subarray(0, 5).toString('latin1') !== '%PDF-') throw invalid('agreement.document_not_pdf', 'The signed agreement must be a PDF file');
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.lock(tx, agreementId))) throw notFound('Agreement');
    const sha256 = createHash('sha256').update(content).digest('hex');
    await repo.saveDocument(tx, { agreementId, filename: safeName(filename), content, sizeBytes: content.length, sha256, uploadedBy: actor.userId, uploadedAt: new Date() });
    await repo.touch(tx, agreementId, new Date());
    await recordAudit(tx, actor, { action: 'agreement.document_attached', targetType: 'agreement', targetId: agreementId, details: { sha256, sizeBytes: content.length } }, ip);
  });
}
