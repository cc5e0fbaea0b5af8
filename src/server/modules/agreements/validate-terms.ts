import type { AgreementTerms } from '../../../shared/agreements.js';
import { AGREEMENT_TASKS } from '../../../shared/agreements.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../http/problem.js';
import { agreementRepository as repo } from './repository.js';

/**
 * Checks the parties against the directory and returns the terms in a canonical form (no duplicate points or
 * tasks, tasks in §3 order): the contractor is a contractor, its points are its own, principals are principal
 * agencies named once, the payer is a ministry.
 */
export async function validateTerms(db: Db, t: AgreementTerms): Promise<AgreementTerms> {
  const principalIds = t.principals.map((p) => p.organisationId);
  if (new Set(principalIds).size !== principalIds.length) {
    throw invalid('agreement.principal_duplicate', 'A principal is named twice', [{ path: 'principals', message: 'duplicate principal' }]);
  }
  const orgs = await repo.organisationKinds(db, [t.contractorId, t.payerId, ...principalIds]);
  const kindIs = (id: string, kind: string, path: string) => {
    if (orgs.get(id)?.kind !== kind) throw invalid('agreement.party_kind', `${path} must be an organisation of kind ${kind}`, [{ path, message: `not a ${kind}` }]);
  };
  kindIs(t.contractorId, 'contractor', 'contractorId');
  kindIs(t.payerId, 'ministry', 'payerId');
  t.principals.forEach((p, i) => kindIs(p.organisationId, 'principal', `principals.${i}.organisationId`));
  const pointIds = [...new Set(t.servicePointIds)];
  const owners = await repo.pointOwners(db, pointIds);
  const foreign = pointIds.findIndex((id) => owners.get(id) !== t.contractorId);
  if (foreign >= 0) {
    throw invalid('agreement.point_not_of_contractor', "Every service point must be the contractor's own", [{ path: `servicePointIds.${foreign}`, message: 'not a service point of the contractor' }]);
  }
  return {
    ...t,
    servicePointIds: pointIds,
    principals: t.principals.map((p) => ({ organisationId: p.organisationId, tasks: AGREEMENT_TASKS.filter((task) => p.tasks.includes(task)) })),
  };
}
