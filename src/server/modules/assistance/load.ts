import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { type IdentityCheckRecord, type IncidentRecord, identityCheckRepository, incidentRepository } from './checks-repository.js';
import { type CallRecord, callRepository } from './repository.js';

/** A call that the actor may see; anyone else gets 404 (another point's calls do not exist for them). */
export async function loadCall(ctx: AppContext, actor: Actor, id: string): Promise<CallRecord> {
  const found = await callRepository.byId(ctx.db, id);
  if (!found || !can(actor, 'call:read', { servicePointId: found.call.servicePointId })) throw notFound('Call');
  return found;
}

export async function loadIdentityCheck(ctx: AppContext, actor: Actor, id: string): Promise<IdentityCheckRecord> {
  const found = await identityCheckRepository.byId(ctx.db, id);
  if (!found || !can(actor, 'identity-check:read', { servicePointId: found.check.servicePointId, organisationId: found.check.agencyId })) {
    throw notFound('Identity check');
  }
  return found;
}

export async function loadIncident(ctx: AppContext, actor: Actor, id: string): Promise<IncidentRecord> {
  const found = await incidentRepository.byId(ctx.db, id);
  const { incident: i } = found ?? {};
  const visible =
    !!i &&
    (can(actor, 'incident:read', { servicePointId: i.servicePointId, organisationId: i.agencyId ?? undefined }) ||
      (actor.kind === 'user' && actor.userId === i.reportedBy));
  if (!found || !visible) throw notFound('Incident');
  return found;
}
