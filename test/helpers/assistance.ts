import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/server/db/client.js';
import { bookings, services } from '../../src/server/db/schema/index.js';
import { type Client, signIn } from './app.js';
import { createAgreement, createOrganisation, createServicePoint, createUser } from './factories.js';

/**
 * A service point with one room, two advisors there, an advisor elsewhere, a coordinator, a main admin, and an
 * agency with an expert and a service (for bookings that happen now).
 */
export async function assistanceWorld(db: Db) {
  const contractor = await createOrganisation(db, 'contractor');
  const ministry = await createOrganisation(db, 'ministry');
  const agency = await createOrganisation(db, 'principal');
  const otherAgency = await createOrganisation(db, 'principal');
  const { point, room } = await createServicePoint(db, contractor.id);
  const { point: otherPoint } = await createServicePoint(db, contractor.id);
  const advisor = await createUser(db, { organisationId: contractor.id, role: 'advisor', servicePointId: point.id, name: 'Anna Lindholm' });
  const advisor2 = await createUser(db, { organisationId: contractor.id, role: 'advisor', servicePointId: point.id, name: 'Mikko Heikkinen' });
  const elsewhere = await createUser(db, { organisationId: contractor.id, role: 'advisor', servicePointId: otherPoint.id });
  const coordinator = await createUser(db, { organisationId: ministry.id, role: 'coordinator' });
  const admin = await createUser(db, { organisationId: ministry.id, role: 'main-admin' });
  const expert = await createUser(db, { organisationId: agency.id, role: 'expert', name: 'Veera Salo' });
  const otherExpert = await createUser(db, { organisationId: otherAgency.id, role: 'expert' });
  const [service] = await db
    .insert(services)
    .values({ agencyId: agency.id, name: { fi: 'Palvelu', sv: 'Tjänst', en: 'Service' }, durationMinutes: 30, languages: ['fi', 'sv', 'en'] })
    .returning();
  // Booking and document reception are delegated at both points; identity verification only where a test amends it in.
  const agreement = await createAgreement(db, {
    contractorId: contractor.id,
    payerId: ministry.id,
    servicePointIds: [point.id, otherPoint.id],
    agencyIds: [agency.id, otherAgency.id],
    tasks: ['booking', 'document-reception'],
  });
  return { agreement, contractor, ministry, agency, otherAgency, point, room, otherPoint, advisor, advisor2, elsewhere, coordinator, admin, expert, otherExpert, service: service! };
}
export type AssistanceWorld = Awaited<ReturnType<typeof assistanceWorld>>;

/** A 30-minute booking in the world's room, by default on now (started five minutes ago), in the given status. */
export async function bookingNow(db: Db, w: AssistanceWorld, status: 'booked' | 'checked-in' | 'in-meeting' | 'completed' = 'checked-in', startInMinutes = -5) {
  const now = Date.now() + (startInMinutes + 5) * 60_000;
  const [row] = await db
    .insert(bookings)
    .values({
      reference: randomBytes(3).toString('hex').toUpperCase(),
      servicePointId: w.point.id,
      roomId: w.room.id,
      agencyId: w.agency.id,
      serviceId: w.service.id,
      expertId: w.expert.id,
      startsAt: new Date(now - 5 * 60_000),
      endsAt: new Date(now + 25 * 60_000),
      status,
      channel: 'on-site',
      customerName: 'Maija Meikäläinen',
      language: 'fi',
    })
    .returning();
  return row!;
}

/** Registers a call button for the room as the main admin; returns its id and one-time token. */
export async function createButton(app: FastifyInstance, admin: Client, roomId: string, name = 'Kutsunappi') {
  const res = await admin.post(`/api/rooms/${roomId}/buttons`, { name });
  if (res.statusCode !== 201) throw new Error(`button creation failed: ${res.statusCode} ${res.body}`);
  const { button, token } = res.json() as { button: { id: string }; token: string };
  return { id: button.id, token, press: (t = token) => app.inject({ method: 'POST', url: `/api/buttons/${button.id}/press`, headers: { authorization: `Bearer ${t}` } }) };
}

/** Registers and pairs a kiosk for the room; returns its bearer token. */
export async function pairTerminal(app: FastifyInstance, admin: Client, roomId: string) {
  const created = await admin.post(`/api/rooms/${roomId}/terminals`, { name: 'Kioski' });
  const { pairingCode, terminal } = created.json() as { pairingCode: string; terminal: { id: string } };
  const paired = await app.inject({ method: 'POST', url: '/api/terminal/pair', payload: { code: pairingCode } });
  const token = (paired.json() as { token: string }).token;
  const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  return { id: terminal.id, token, as };
}

export async function signInWorld(app: FastifyInstance, w: AssistanceWorld) {
  const [advisor, advisor2, coordinator, admin, expert] = await Promise.all([
    signIn(app, w.advisor.email),
    signIn(app, w.advisor2.email),
    signIn(app, w.coordinator.email),
    signIn(app, w.admin.email),
    signIn(app, w.expert.email),
  ]);
  return { advisor, advisor2, coordinator, admin, expert };
}
