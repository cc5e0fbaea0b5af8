import type { z } from 'zod';
import type { delegationsResponse, delegationsUpdate } from '../../../shared/assistance.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { directoryRepository } from '../directory/repository.js';
import { delegationRepository } from './checks-repository.js';

type Delegations = z.infer<typeof delegationsResponse>;

/** Every principal agency and whether it has delegated identity checks to this service point. */
export async function getDelegations(ctx: AppContext, servicePointId: string): Promise<Delegations> {
  if (!(await directoryRepository.servicePointById(ctx.db, servicePointId))) throw notFound('Service point');
  return { servicePointId, agencies: await delegationRepository.ofPoint(ctx.db, servicePointId) };
}

/** Sets the agencies named (others stay as they were); each change is audited. */
export async function setDelegations(ctx: AppContext, actor: UserActor, servicePointId: string, body: z.infer<typeof delegationsUpdate>, ip?: string) {
  const point = await directoryRepository.servicePointById(ctx.db, servicePointId);
  if (!point) throw notFound('Service point');
  const ids = body.agencies.map((a) => a.agencyId);
  const principals = await delegationRepository.principalIds(ctx.db, ids);
  const unknown = ids.filter((id) => !principals.has(id));
  if (unknown.length) throw invalid('delegation.not_an_agency', `Not a principal agency: ${unknown.join(', ')}`);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const before = new Map((await delegationRepository.ofPoint(tx, servicePointId)).map((d) => [d.agencyId, d.identityChecks]));
    for (const a of body.agencies) {
      if (before.get(a.agencyId) === a.identityChecks) continue;
      await delegationRepository.upsert(tx, { servicePointId, agencyId: a.agencyId, identityChecks: a.identityChecks, updatedBy: actor.userId, updatedAt: now });
      await recordAudit(
        tx,
        actor,
        { action: 'delegation.changed', targetType: 'service-point', targetId: servicePointId, organisationId: a.agencyId, details: { identityChecks: a.identityChecks } },
        ip,
      );
    }
  });
  return getDelegations(ctx, servicePointId);
}
