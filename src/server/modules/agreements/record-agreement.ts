import type { AgreementTerms } from '../../../shared/agreements.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';
import { addMadeOrAmendedDuties } from './duties.js';
import { agreementRepository as repo } from './repository.js';
import { today } from './terms.js';
import { validateTerms } from './validate-terms.js';

/** The main admin records an agreement: its first version applies from its first valid day. */
export async function recordAgreement(ctx: AppContext, actor: UserActor, input: AgreementTerms, ip?: string): Promise<string> {
  const terms = await validateTerms(ctx.db, input);
  const id = await ctx.db.transaction(async (tx) => {
    const head = await repo.insert(tx, terms.contractorId, actor.userId);
    await repo.insertVersion(tx, head.id, { ...terms, version: 1, effectiveFrom: terms.validFrom, description: null, createdBy: actor.userId });
    await addMadeOrAmendedDuties(tx, head.id, 1, terms.signedOn ?? today());
    await recordAudit(
      tx,
      actor,
      { action: 'agreement.created', targetType: 'agreement', targetId: head.id, organisationId: terms.contractorId, details: { version: 1, validFrom: terms.validFrom, validUntil: terms.validUntil } },
      ip,
    );
    return head.id;
  });
  // Availability keeps each point's agreements in its catalogue (a day not delegated offers no time).
  await catalogueChanged(ctx, { id });
  return id;
}
