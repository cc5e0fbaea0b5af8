import type { z } from 'zod';
import type { ServicePointView, servicePointPatch } from '../../../shared/directory.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { requireContractor } from './create-service-point.js';
import { getServicePoint } from './list-service-points.js';
import { directoryRepository } from './repository.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';

/** Changes only the fields given; opening hours, when given, replace the whole week. */
export async function updateServicePoint(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof servicePointPatch>,
  opts: { withTerminals: boolean; ip?: string },
): Promise<ServicePointView> {
  const result = await ctx.db.transaction(async (tx) => {
    const before = await directoryRepository.servicePointById(tx, id);
    if (!before) throw notFound('Service point');
    if (patch.organisationId && patch.organisationId !== before.organisationId) await requireContractor(tx, patch.organisationId);
    const { openingHours, ...fields } = patch;
    const point = await directoryRepository.updateServicePoint(tx, id, fields);
    if (openingHours) await directoryRepository.replaceOpeningHours(tx, id, openingHours);
    await recordAudit(
      tx,
      actor,
      { action: 'service_point.updated', targetType: 'service_point', targetId: id, organisationId: point!.organisationId, details: { fields: Object.keys(patch) } },
      opts.ip,
    );
    return getServicePoint({ ...ctx, db: tx }, id, opts.withTerminals);
  });
  // Opening hours, time zone and the active flag are in the availability catalogue.
  await catalogueChanged(ctx);
  return result;
}
