import type { Db } from '../../src/server/db/client.js';
import { services, workingHours } from '../../src/server/db/schema/index.js';
import { createOrganisation, createServicePoint, createUser } from './factories.js';

/**
 * Two agencies (A, B) and a contractor's point with one room, nothing agreed yet: a main admin (in a ministry, the
 * payer), advisors, a point manager, each agency's expert and admin, a coordinator and an auditor. The test records
 * the agreement through the API.
 */
export async function agreementWorld(db: Db) {
  const contractor = await createOrganisation(db, 'contractor');
  const ministry = await createOrganisation(db, 'ministry');
  const a = await createOrganisation(db, 'principal');
  const b = await createOrganisation(db, 'principal');
  const outsider = await createOrganisation(db, 'principal');
  const { point, room } = await createServicePoint(db, contractor.id);
  const { point: otherPoint } = await createServicePoint(db, contractor.id);
  const user = (organisationId: string, role: Parameters<typeof createUser>[1]['role'], servicePointId?: string) => createUser(db, { organisationId, role, servicePointId });
  const people = {
    admin: await user(ministry.id, 'main-admin'),
    coordinator: await user(ministry.id, 'coordinator'),
    auditor: await user(ministry.id, 'auditor'),
    advisor: await user(contractor.id, 'advisor', point.id),
    manager: await user(contractor.id, 'point-manager', point.id),
    otherManager: await user(contractor.id, 'point-manager', otherPoint.id),
    expertA: await user(a.id, 'expert'),
    expertB: await user(b.id, 'expert'),
    adminA: await user(a.id, 'agency-admin'),
    adminOutsider: await user(outsider.id, 'agency-admin'),
  };
  const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '08:00', ends: '16:00' }));
  await db.insert(workingHours).values([people.expertA, people.expertB].flatMap((e) => week.map((w) => ({ ...w, resourceKind: 'expert' as const, resourceId: e.id }))));
  const service = async (agencyId: string) =>
    (await db.insert(services).values({ agencyId, name: { fi: 'Palvelu', sv: 'Tjänst', en: 'Service' }, durationMinutes: 30, languages: ['fi', 'sv'] }).returning())[0]!;
  return { contractor, ministry, a, b, outsider, point, room, otherPoint, serviceA: await service(a.id), serviceB: await service(b.id), ...people };
}
export type AgreementWorld = Awaited<ReturnType<typeof agreementWorld>>;

const ALL = ['identity-verification', 'booking', 'document-reception'];

/** The body of a new agreement for the world: both agencies delegate all three tasks unless told otherwise. */
export function agreementBody(w: AgreementWorld, over: Record<string, unknown> = {}) {
  return {
    title: 'Sopimus yhteispalvelusta',
    contractorId: w.contractor.id,
    servicePointIds: [w.point.id],
    payerId: w.ministry.id,
    principals: [
      { organisationId: w.a.id, tasks: ALL },
      { organisationId: w.b.id, tasks: ALL },
    ],
    signedOn: '2026-01-15',
    validFrom: '2026-01-15',
    validUntil: null,
    hourlyRateCents: 4200,
    caps: { communicationMaterialsCents: 100_000, premisesRentCents: 170_000, premisesWorksCents: 250_000 },
    ...over,
  };
}

/** Today in Helsinki, 'YYYY-MM-DD'. */
export const helsinkiToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
