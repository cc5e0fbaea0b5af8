import type { Db } from '../../src/server/db/client.js';
import { services, workingHours } from '../../src/server/db/schema/index.js';
import { zonedInstant } from '../../src/server/modules/scheduling/time.js';
import { createAgreement, createOrganisation, createServicePoint, createUser } from './factories.js';

const WEEK = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '08:00', ends: '16:00' }));
export const helsinki = (day: string, time: string) => zonedInstant(day, time, 'Europe/Helsinki').toISOString();

/**
 * Two principal agencies (`a` as Kela, `b` as Vero) served at one point by one agreement: for each an expert, a
 * booker, an admin and a service; an advisor at the point. Each agency is the controller of its own customers.
 */
export async function privacyWorld(db: Db) {
  const contractor = await createOrganisation(db, 'contractor');
  const a = await createOrganisation(db, 'principal');
  const b = await createOrganisation(db, 'principal');
  const { point, room } = await createServicePoint(db, contractor.id);
  const staff = async (agencyId: string) => ({
    expert: await createUser(db, { organisationId: agencyId, role: 'expert' }),
    booker: await createUser(db, { organisationId: agencyId, role: 'agency-booker' }),
    admin: await createUser(db, { organisationId: agencyId, role: 'agency-admin' }),
  });
  const staffA = await staff(a.id);
  const staffB = await staff(b.id);
  await db.insert(workingHours).values([staffA.expert, staffB.expert].flatMap((e) => WEEK.map((w) => ({ ...w, resourceKind: 'expert' as const, resourceId: e.id }))));
  const service = async (agencyId: string) =>
    (await db.insert(services).values({ agencyId, name: { fi: 'Palvelu', sv: 'Tjänst', en: 'Service' }, durationMinutes: 30, languages: ['fi', 'sv', 'en'] }).returning())[0]!;
  const advisor = await createUser(db, { organisationId: contractor.id, role: 'advisor', servicePointId: point.id });
  await createAgreement(db, { contractorId: contractor.id, servicePointIds: [point.id], agencyIds: [a.id, b.id] });
  return { contractor, a, b, point, room, advisor, staffA, staffB, serviceA: await service(a.id), serviceB: await service(b.id) };
}
export type PrivacyWorld = Awaited<ReturnType<typeof privacyWorld>>;

/** A booking body for agency `a` or `b` of the world. */
export function privacyBooking(w: PrivacyWorld, agency: 'a' | 'b', start: string, customer: { name: string; phone?: string; email?: string }, extra: Record<string, unknown> = {}) {
  return {
    servicePointId: w.point.id,
    agencyId: w[agency].id,
    serviceId: (agency === 'a' ? w.serviceA : w.serviceB).id,
    start,
    customer,
    language: 'fi',
    channel: 'agency-phone',
    ...extra,
  };
}
