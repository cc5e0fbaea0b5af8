import type { CostClaimInput } from '../../../shared/time-reports.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { capOf, validityOf, versionFor } from './caps.js';
import { claimsRepository as repo } from './claims-repository.js';
import { agreementFor } from './load-agreement.js';

const euros = (cents: number) => (cents / 100).toFixed(2);

/**
 * A cost claim against the agreement (§8). The point manager of one of its points claims communication materials,
 * premises rent, furniture or other costs; VM records premises works (billed to VM by Senaatti, not claimable).
 * A capped category's approved and pending claims over the agreement's whole validity may reach the cap exactly;
 * one cent more is 422 `cost_claim.over_cap`, whose params say how much is left.
 */
export async function createClaim(ctx: AppContext, actor: UserActor, input: CostClaimInput, ip?: string): Promise<string> {
  const agreement = await agreementFor(ctx.db, actor, input.agreementId, input.category === 'premises-works' ? 'cost-claim:record-works' : 'cost-claim:create');
  const validity = validityOf(agreement);
  if (input.date < validity.from || (validity.to !== null && input.date > validity.to)) {
    throw invalid('cost_claim.outside_agreement', 'The cost falls outside the agreement’s validity');
  }
  const cap = capOf(versionFor(agreement, input.date), input.category);
  return ctx.db.transaction(async (tx) => {
    await repo.lockAgreement(tx, agreement.id);
    if (cap !== null) {
      const used = await repo.usedCents(tx, agreement.id, input.category);
      if (used + input.amountCents > cap) {
        const left = Math.max(0, cap - used);
        throw new HttpProblem(422, 'cost_claim.over_cap', 'Unprocessable content', `Over the cap: ${euros(left)} € left of ${euros(cap)} €`, undefined, {}, {
          category: input.category,
          capCents: String(cap),
          usedCents: String(used),
          leftCents: String(left),
        });
      }
    }
    const claim = await repo.insert(tx, { ...input, createdBy: actor.userId });
    await recordAudit(
      tx,
      actor,
      { action: 'cost_claim.created', targetType: 'cost_claim', targetId: claim.id, organisationId: agreement.contractorId, details: { agreementId: agreement.id, category: input.category, amountCents: input.amountCents, date: input.date } },
      ip,
    );
    return claim.id;
  });
}
