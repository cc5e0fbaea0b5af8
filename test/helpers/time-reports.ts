import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/server/db/client.js';
import { services, workingHours } from '../../src/server/db/schema/index.js';
import { addDays, localDate, zonedInstant } from '../../src/server/modules/scheduling/time.js';
import { signIn } from './app.js';
import { bookingNow } from './assistance.js';
import { createAgreement, createOrganisation, createServicePoint, createUser } from './factories.js';
import { workingDayAhead } from './scheduling.js';

/**
 * A contractor's point with two advisors and a point manager, a second point with its own manager, an agency (A) with
 * an expert who works every weekday and a service, a second agency (B), VM (main admin, coordinator), both agencies'
 * admins, and an agreement in force delegating all three tasks of A and B at the point (42.00 €/h, the seed's caps).
 */
export async function timeWorld(db: Db) {
  const contractor = await createOrganisation(db, 'contractor');
  const ministry = await createOrganisation(db, 'ministry');
  const agency = await createOrganisation(db, 'principal');
  const agencyB = await createOrganisation(db, 'principal');
  const { point, room } = await createServicePoint(db, contractor.id);
  const { point: otherPoint } = await createServicePoint(db, contractor.id);
  const u = (organisationId: string, role: Parameters<typeof createUser>[1]['role'], servicePointId?: string, name?: string) => createUser(db, { organisationId, role, servicePointId, name });
  const people = {
    advisor: await u(contractor.id, 'advisor', point.id, 'Anna Lindholm'),
    advisor2: await u(contractor.id, 'advisor', point.id, 'Mikko Heikkinen'),
    elsewhere: await u(contractor.id, 'advisor', otherPoint.id),
    manager: await u(contractor.id, 'point-manager', point.id),
    otherManager: await u(contractor.id, 'point-manager', otherPoint.id),
    admin: await u(ministry.id, 'main-admin'),
    coordinator: await u(ministry.id, 'coordinator'),
    expert: await u(agency.id, 'expert', undefined, 'Veera Salo'),
    agencyAdmin: await u(agency.id, 'agency-admin'),
    agencyBAdmin: await u(agencyB.id, 'agency-admin'),
  };
  await db.insert(workingHours).values([1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '08:00', ends: '16:00', resourceKind: 'expert' as const, resourceId: people.expert.id })));
  const [service] = await db
    .insert(services)
    .values({ agencyId: agency.id, name: { fi: 'Palvelu', sv: 'Tjänst', en: 'Service' }, durationMinutes: 30, languages: ['fi', 'sv', 'en'] })
    .returning();
  const agreement = await createAgreement(db, { contractorId: contractor.id, payerId: ministry.id, servicePointIds: [point.id], agencyIds: [agency.id, agencyB.id], validFrom: '2025-09-01' });
  const w = { contractor, ministry, agency, agencyB, point, room, otherPoint, service: service!, agreement, ...people };
  return { ...w, expertId: people.expert.id };
}
export type TimeWorld = Awaited<ReturnType<typeof timeWorld>>;

export const helsinkiToday = () => localDate(new Date(), 'Europe/Helsinki');
/** The month before the current one (Helsinki), and a day in it. */
export function lastMonth() {
  const first = `${helsinkiToday().slice(0, 7)}-01`;
  const day = addDays(first, -10);
  return { month: day.slice(0, 7), day };
}

export async function signInTime(app: FastifyInstance, w: TimeWorld) {
  const [advisor, advisor2, manager, otherManager, admin, coordinator, expert, agencyAdmin, agencyBAdmin, elsewhere] = await Promise.all(
    [w.advisor, w.advisor2, w.manager, w.otherManager, w.admin, w.coordinator, w.expert, w.agencyAdmin, w.agencyBAdmin, w.elsewhere].map((p) => signIn(app, p.email)),
  );
  return { advisor: advisor!, advisor2: advisor2!, manager: manager!, otherManager: otherManager!, admin: admin!, coordinator: coordinator!, expert: expert!, agencyAdmin: agencyAdmin!, agencyBAdmin: agencyBAdmin!, elsewhere: elsewhere! };
}

/** A booking on now in the room (for identity checks and the customer-name rule), written directly. */
export const meetingNow = (db: Db, w: TimeWorld) =>
  bookingNow(db, { ...w, expert: w.expert } as unknown as Parameters<typeof bookingNow>[1], 'in-meeting');

/** The body of a booking by the advisor a week ahead at 10:00 Helsinki time. */
export function bookingAhead(w: TimeWorld, time = '10:00') {
  const day = workingDayAhead(7);
  return {
    servicePointId: w.point.id,
    agencyId: w.agency.id,
    serviceId: w.service.id,
    start: zonedInstant(day, time, 'Europe/Helsinki').toISOString(),
    customer: { name: 'Maija Meikäläinen', phone: '040 123 4567', email: 'maija@example.com' },
    language: 'fi',
    channel: 'on-site',
  };
}
