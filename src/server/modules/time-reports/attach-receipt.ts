import { createHash } from 'node:crypto';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { sniff } from '../documents/files.js';
import { claimsRepository as repo } from './claims-repository.js';
import { agreementFor } from './load-agreement.js';

export const RECEIPT_MAX_BYTES = 10 * 1024 * 1024;

/** The receipt of a pending claim: a PDF, JPEG or PNG, told by its first bytes (names and headers are not trusted). */
export async function attachReceipt(ctx: AppContext, actor: UserActor, claimId: string, content: Buffer, ip?: string) {
  const mediaType = sniff(content);
  if (!mediaType) throw invalid('cost_claim.receipt_type', 'The receipt must be a PDF, JPEG or PNG file');
  await ctx.db.transaction(async (tx) => {
    const claim = await repo.byId(tx, claimId, true);
    if (!claim) throw notFound('Cost claim');
    await agreementFor(tx, actor, claim.agreementId, claim.category === 'premises-works' ? 'cost-claim:record-works' : 'cost-claim:create');
    if (claim.status !== 'pending') throw conflict('cost_claim.decided', 'This claim is already decided');
    const sha256 = createHash('sha256').update(content).digest('hex');
    await repo.update(tx, claimId, { receipt: content, receiptMediaType: mediaType, receiptSizeBytes: content.length, receiptSha256: sha256 });
    await recordAudit(tx, actor, { action: 'cost_claim.receipt_attached', targetType: 'cost_claim', targetId: claimId, details: { mediaType, sizeBytes: content.length, sha256 } }, ip);
  });
}
