import type { AgreementTask, DelegatedTasksView } from '../../../shared/agreements.js';
import { AGREEMENT_TASKS } from '../../../shared/agreements.js';
import type { Db } from '../../db/client.js';
import { HttpProblem } from '../../http/problem.js';
import { agreementRepository as repo } from './repository.js';
import { type AgreementRecord, delegationsOn, tasksOn } from './terms.js';

/**
 * The rule every other domain asks (laki 223/2007): a service point may serve an agency on a day only for the tasks
 * that an agreement in force on that day delegates to it. One source of truth, no parallel settings.
 */
export async function agreementsAtPoint(db: Db, servicePointId: string): Promise<AgreementRecord[]> {
  return repo.load(db, await repo.idsAtPoint(db, servicePointId));
}

export function isDelegated(records: AgreementRecord[], servicePointId: string, agencyId: string, task: AgreementTask, date: string) {
  return records.some((a) => tasksOn(a, servicePointId, agencyId, date).includes(task));
}

/** 422 `agreement.task_not_delegated`, naming the agency, the task and the day (the UI words it in its language). */
export async function assertTaskDelegated(db: Db, q: DelegationQuery) {
  await assertDelegatedIn(db, await agreementsAtPoint(db, q.servicePointId), q);
}

type DelegationQuery = { servicePointId: string; agencyId: string; task: AgreementTask; date: string };

/** The same rule over agreements already loaded (a cached catalogue's); the database is read only to name a refusal. */
export async function assertDelegatedIn(db: Db, records: AgreementRecord[], q: DelegationQuery) {
  if (isDelegated(records, q.servicePointId, q.agencyId, q.task, q.date)) return;
  const agency = (await repo.organisationKinds(db, [q.agencyId])).get(q.agencyId);
  const name = agency?.name ?? { fi: '', sv: '', en: '' };
  throw new HttpProblem(
    422,
    'agreement.task_not_delegated',
    'Unprocessable content',
    `No agreement in force on ${q.date} delegates ${q.task} for ${name.en || q.agencyId} to this service point`,
    undefined,
    {},
    { agencyId: q.agencyId, agencyName_fi: name.fi, agencyName_sv: name.sv, agencyName_en: name.en, task: q.task, date: q.date },
  );
}

/** The advisors' "our agreements" panel: who may be served for what at the point on the day. */
export async function delegatedTasks(db: Db, servicePointId: string, date: string): Promise<DelegatedTasksView> {
  const delegations = delegationsOn(await agreementsAtPoint(db, servicePointId), servicePointId, date);
  const names = await repo.organisationKinds(db, [...delegations.keys()]);
  const agencies = [...delegations.entries()]
    .map(([agencyId, d]) => ({
      agencyId,
      agencyName: names.get(agencyId)?.name ?? { fi: agencyId, sv: agencyId, en: agencyId },
      tasks: AGREEMENT_TASKS.filter((t) => d.tasks.has(t)),
      agreementId: d.agreement.id,
      agreementTitle: d.version.title,
      validUntil: d.version.validUntil,
    }))
    .sort((a, b) => a.agencyName.fi.localeCompare(b.agencyName.fi, 'fi'));
  return { servicePointId, date, agencies };
}
