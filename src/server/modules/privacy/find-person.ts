import type { PersonCriteria, PersonRecords } from '../../../shared/privacy.js';
import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { presentPersonRecords } from './present.js';
import { privacyRepository } from './repository.js';

/** The agency's records of one person (bookings, walk-in entries, handovers not yet purged): never another agency's. */
export async function loadPersonRecords(ctx: AppContext, agencyId: string, person: PersonCriteria): Promise<PersonRecords> {
  const bookings = await privacyRepository.personBookings(ctx.db, agencyId, person);
  const bookingIds = bookings.map((r) => r.b.id);
  const [walkIns, documents, checks, messages] = await Promise.all([
    privacyRepository.personWalkIns(ctx.db, agencyId, person),
    privacyRepository.personDocuments(ctx.db, agencyId, person, bookingIds),
    privacyRepository.checksOf(ctx.db, bookingIds),
    privacyRepository.messagesOf(ctx.db, bookingIds),
  ]);
  return presentPersonRecords(agencyId, { bookings, walkIns, documents, checks, messages });
}

/** Only an admin of the agency acts on its data subjects; an agency that is not there is 404 after the check. */
export async function authorizeDataSubjects(ctx: AppContext, actor: Actor, agencyId: string) {
  authorize(actor, 'privacy:data-subjects', { organisationId: agencyId });
  const agency = await privacyRepository.agency(ctx.db, agencyId);
  if (!agency) throw notFound('Agency');
  return agency;
}

/** Which identifiers were searched by, never their values. */
export const criteriaUsed = (p: PersonCriteria) => (['name', 'phone', 'email'] as const).filter((k) => !!p[k]);
export const counts = (r: PersonRecords) => ({ bookings: r.bookings.length, walkIns: r.walkIns.length, documents: r.documents.length });

/** A data subject's access request: the agency admin looks the person up; audited with the reason given. */
export async function findPerson(ctx: AppContext, actor: Actor, agencyId: string, body: { person: PersonCriteria; reason: string }, ip?: string) {
  await authorizeDataSubjects(ctx, actor, agencyId);
  const records = await loadPersonRecords(ctx, agencyId, body.person);
  await recordAudit(
    ctx.db,
    actor,
    { action: 'data_subject.searched', targetType: 'agency', targetId: agencyId, organisationId: agencyId, details: { reason: body.reason, by: criteriaUsed(body.person), ...counts(records) } },
    ip,
  );
  return records;
}
