import type { z } from 'zod';
import type { ServicePointView, servicePointInput } from '../../../shared/directory.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { getServicePoint } from './list-service-points.js';
import { directoryRepository } from './repository.js';

/** Service points are run by the contractor (Porvoo), never by a principal agency or the ministry. */
export async function requireContractor(db: Db, organisationId: string): Promise<void> {
  const org = await directoryRepository.organisationById(db, organisationId);
  if (!org) throw invalid('service_point.organisation_kind', 'The organisation does not exist');
  if (org.kind !== 'contractor') throw invalid('service_point.organisation_kind', 'A service point is run by a contractor organisation');
}

export async function createServicePoint(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof servicePointInput>,
  opts: { withTerminals: boolean; ip?: string },
): Promise<ServicePointView> {
  return ctx.db.transaction(async (tx) => {
    await requireContractor(tx, input.organisationId);
    const { openingHours, ...fields } = input;
    const point = await directoryRepository.createServicePoint(tx, fields);
    await directoryRepository.replaceOpeningHours(tx, point.id, openingHours);
    await recordAudit(tx, actor, { action: 'service_point.created', targetType: 'service_point', targetId: point.id, organisationId: point.organisationId }, opts.ip);
    return getServicePoint({ ...ctx, db: tx }, point.id, opts.withTerminals);
  });
}
