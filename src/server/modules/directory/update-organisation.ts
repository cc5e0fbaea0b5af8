import type { z } from 'zod';
import type { OrganisationView, organisationPatch } from '../../../shared/directory.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { presentOrganisation } from './present.js';
import { directoryRepository } from './repository.js';
import { authChanged } from '../../auth/session-cache.js';

export async function updateOrganisation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof organisationPatch>,
  ip?: string,
): Promise<OrganisationView> {
  const result = await ctx.db.transaction(async (tx) => {
    const before = await directoryRepository.organisationById(tx, id);
    if (!before) throw notFound('Organisation');
    // Service points belong to contractors; changing the kind under them would break that rule.
    if (patch.kind && patch.kind !== before.kind && (await directoryRepository.countServicePointsOf(tx, id)) > 0) {
      throw invalid('organisation.kind_in_use', 'The organisation runs service points, so its kind cannot change');
    }
    const org = await directoryRepository.updateOrganisation(tx, id, patch);
    await recordAudit(tx, actor, { action: 'organisation.updated', targetType: 'organisation', targetId: id, organisationId: id, details: { fields: Object.keys(patch) } }, ip);
    return presentOrganisation(org!);
  });
  // Sessions of its people and of anyone holding a role in it are read again (docs/sessions.md).
  await authChanged(ctx, { organisationId: id });
  return result;
}
