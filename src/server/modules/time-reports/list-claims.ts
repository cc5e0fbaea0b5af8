import type { CostClaimView } from '../../../shared/time-reports.js';
import type { UserActor } from '../../auth/actor.js';
import { can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { agreementRepository } from '../agreements/repository.js';
import { pointsOf } from './caps.js';
import { claimsRepository as repo } from './claims-repository.js';
import { agreementFor } from './load-agreement.js';
import { presentClaims } from './present-claim.js';

/** Claims of one agreement, or of every agreement the actor may read claims of (others: an empty list). */
export async function listClaims(ctx: AppContext, actor: UserActor, agreementId?: string): Promise<CostClaimView[]> {
  const ids = agreementId
    ? [(await agreementFor(ctx.db, actor, agreementId, 'cost-claim:read')).id]
    : (await agreementRepository.load(ctx.db)).filter((a) => can(actor, 'cost-claim:read', { servicePointIds: pointsOf(a) })).map((a) => a.id);
  return presentClaims(ctx.db, await repo.list(ctx.db, ids));
}

export async function getClaim(ctx: AppContext, actor: UserActor, id: string): Promise<CostClaimView> {
  const claim = await repo.byId(ctx.db, id);
  if (!claim) throw notFound('Cost claim');
  await agreementFor(ctx.db, actor, claim.agreementId, 'cost-claim:read');
  return (await presentClaims(ctx.db, [claim]))[0]!;
}

export async function readReceipt(ctx: AppContext, actor: UserActor, id: string) {
  await getClaim(ctx, actor, id);
  const receipt = await repo.receipt(ctx.db, id);
  if (!receipt) throw notFound('Receipt');
  return receipt;
}
