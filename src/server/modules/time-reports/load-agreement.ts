import type { Actor } from '../../auth/actor.js';
import { type Action, authorize, can } from '../../auth/policy.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/problem.js';
import { agreementRepository } from '../agreements/repository.js';
import type { AgreementRecord } from '../agreements/terms.js';
import { pointsOf } from './caps.js';

/**
 * The agreement if the actor may take the action on it: 404 for those who may not even read its claims (they do not
 * learn it exists), 403 for readers who may not take this action.
 */
export async function agreementFor(db: Db, actor: Actor, agreementId: string, action: Action): Promise<AgreementRecord> {
  const [a] = await agreementRepository.load(db, [agreementId]);
  const resource = a ? { servicePointIds: pointsOf(a) } : {};
  if (!a || !(can(actor, 'cost-claim:read', resource) || can(actor, action, resource))) throw notFound('Agreement');
  authorize(actor, action, resource);
  return a;
}
