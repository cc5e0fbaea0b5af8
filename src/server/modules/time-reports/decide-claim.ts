import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { conflict, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { claimsRepository as repo } from './claims-repository.js';
import { agreementFor } from './load-agreement.js';

/** VM approves or rejects a pending claim (a rejected claim no longer uses its cap). */
export async function decideClaim(ctx: AppContext, actor: UserActor, claimId: string, decision: 'approve' | 'reject', comment?: string, ip?: string) {
  authorize(actor, 'cost-claim:decide');
  await ctx.db.transaction(async (tx) => {
    const claim = await repo.byId(tx, claimId, true);
    if (!claim) throw notFound('Cost claim');
    await agreementFor(tx, actor, claim.agreementId, 'cost-claim:decide');
    if (claim.status !== 'pending') throw conflict('cost_claim.decided', 'This claim is already decided');
    const status = decision === 'approve' ? 'approved' : 'rejected';
    await repo.update(tx, claimId, { status, decidedBy: actor.userId, decidedAt: new Date(), comment: comment || null });
    await recordAudit(tx, actor, { action: `cost_claim.${status}`, targetType: 'cost_claim', targetId: claimId, details: { agreementId: claim.agreementId, category: claim.category, amountCents: claim.amountCents } }, ip);
  });
}
