import type { z } from 'zod';
import type { OrganisationView, organisationInput } from '../../../shared/directory.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { presentOrganisation } from './present.js';
import { directoryRepository } from './repository.js';

/** A new party to the agreement. Which organisation is the main admin is not settable here: it is data set at bootstrap. */
export async function createOrganisation(ctx: AppContext, actor: Actor, input: z.output<typeof organisationInput>, ip?: string): Promise<OrganisationView> {
  return ctx.db.transaction(async (tx) => {
    const org = await directoryRepository.createOrganisation(tx, {
      kind: input.kind,
      name: input.name,
      shortName: input.shortName,
      businessId: input.businessId ?? null,
    });
    await recordAudit(tx, actor, { action: 'organisation.created', targetType: 'organisation', targetId: org.id, organisationId: org.id, details: { kind: org.kind } }, ip);
    return presentOrganisation(org);
  });
}
