import type { z } from 'zod';
import type { agreementTermination } from '../../../shared/agreements.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';
import { addEndDuty, addTerminationDuty } from './duties.js';
import { agreementRepository as repo } from './repository.js';
import { newest, terminationOf, today } from './terms.js';

/**
 * §14: a party ends the agreement at once because another repeatedly neglected its terms. It ends only the relation
 * between those two: since every relation runs through the contractor, one of them is the contractor and the
 * other's participation ends; the others go on. The agreement is `terminated` when no principal is left.
 */
export async function terminateParty(ctx: AppContext, actor: UserActor, id: string, input: z.infer<typeof agreementTermination>, ip?: string): Promise<void> {
  const { terminatingOrganisationId: terminating, neglectingOrganisationId: neglecting } = input;
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.lock(tx, id))) throw notFound('Agreement');
    const [agreement] = await repo.load(tx, [id]);
    const v = newest(agreement!);
    const parties = new Set([v.contractorId, v.payerId, ...v.principals.map((p) => p.organisationId)]);
    const refuse = (detail: string, path: string) => invalid('agreement.termination_invalid', detail, [{ path, message: detail }]);
    if (!parties.has(terminating)) throw refuse('The terminating organisation is not a party', 'terminatingOrganisationId');
    if (!parties.has(neglecting)) throw refuse('The neglecting organisation is not a party', 'neglectingOrganisationId');
    if (terminating === neglecting) throw refuse('A party cannot terminate against itself', 'neglectingOrganisationId');
    if (terminating !== v.contractorId && neglecting !== v.contractorId) throw refuse('One of the two must be the contractor', 'neglectingOrganisationId');
    const ended = terminating === v.contractorId ? neglecting : terminating;
    if (terminationOf(agreement!, ended)) throw refuse('That party has already left the agreement', 'neglectingOrganisationId');

    const now = new Date();
    const termination = await repo.insertTermination(tx, {
      agreementId: id,
      terminatingOrganisationId: terminating,
      neglectingOrganisationId: neglecting,
      endedOrganisationId: ended,
      reason: input.reason,
      endedAt: now,
      recordedBy: actor.userId,
    });
    await repo.touch(tx, id, now);
    await addTerminationDuty(tx, id, v.version, termination.id, today(now));
    const left = v.principals.filter((p) => p.organisationId !== ended && !terminationOf(agreement!, p.organisationId));
    if (left.length === 0) await addEndDuty(tx, id, v.version, today(now));
    await recordAudit(
      tx,
      actor,
      {
        action: 'agreement.terminated',
        targetType: 'agreement',
        targetId: id,
        organisationId: v.contractorId,
        details: { terminatingOrganisationId: terminating, neglectingOrganisationId: neglecting, endedOrganisationId: ended, agreementEnded: left.length === 0 },
      },
      ip,
    );
  });
  // Availability keeps each point's agreements in its catalogue (a day not delegated offers no time).
  await catalogueChanged(ctx, { id });
}
