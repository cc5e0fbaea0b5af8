import type { Actor } from '../../auth/actor.js';
import { type Action, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { bookingRepository } from './repository.js';

/** The waiting walk-ins the actor may see: advisors of the point, experts of the agency. */
export async function listWalkIns(ctx: AppContext, actor: Actor, q: { servicePointId?: string; agencyId?: string }, ip: string) {
  const rows = (await bookingRepository.waitingWalkIns(ctx.db, q)).filter((w) =>
    can(actor, 'walk-in:list', { servicePointId: w.servicePointId, organisationId: w.agencyId }),
  );
  if (rows.length > 0) await recordAudit(ctx.db, actor, { action: 'walk_in.list', targetType: 'walk_in', details: { count: rows.length } }, ip);
  return rows;
}

export async function loadWalkIn(ctx: AppContext, actor: Actor, id: string, action: Action) {
  const row = await bookingRepository.walkInById(ctx.db, id);
  if (!row || !can(actor, action, { servicePointId: row.servicePointId, organisationId: row.agencyId })) throw notFound('Walk-in');
  return row;
}
