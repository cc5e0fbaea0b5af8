import type { z } from 'zod';
import type { serviceInput, servicePatch } from '../../../shared/scheduling.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { directoryRepository } from '../directory/repository.js';
import { catalogueChanged } from './availability-catalogue.js';
import { catalogueRepository } from './catalogue-repository.js';

export async function createService(ctx: AppContext, actor: UserActor, input: z.infer<typeof serviceInput>, ip: string) {
  const agency = await directoryRepository.organisationById(ctx.db, input.agencyId);
  if (!agency || agency.kind !== 'principal') throw new HttpProblem(422, 'service.agency_kind', 'Unprocessable content', 'Services belong to a principal agency');
  return ctx.db.transaction(async (tx) => {
    const row = await catalogueRepository.insertService(tx, input);
    await recordAudit(tx, actor, { action: 'service.created', targetType: 'service', targetId: row.id, organisationId: row.agencyId }, ip);
    return row;
  });
}

export async function updateService(ctx: AppContext, actor: UserActor, id: string, patch: z.infer<typeof servicePatch>, ip: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await catalogueRepository.updateService(tx, id, patch);
    await recordAudit(tx, actor, { action: 'service.updated', targetType: 'service', targetId: id, organisationId: updated.agencyId, details: { fields: Object.keys(patch) } }, ip);
    return updated;
  });
  await catalogueChanged(ctx, { agencyId: row.agencyId, id });
  return row;
}
