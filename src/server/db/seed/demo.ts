import { count } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.js';
import { hashPassword } from '../../auth/password.js';
import { hashToken, newToken, normalizePairingCode } from '../../auth/tokens.js';
import type { Db } from '../client.js';
import { seedAgreements } from './agreements.js';
import { seedTimeReports } from './time-reports.js';
import { seedScheduling } from './scheduling.js';
import { callButtons, openingHours, organisations, roleAssignments, rooms, servicePoints, terminals, users } from '../schema/index.js';

/** The demo terminal's pairing code, valid for a year after seeding (demo mode only). */
export const DEMO_PAIRING_CODE = '2025-0901';

type DemoUser = { email: string; name: string; org: OrgKey; role: Role; atPoint?: boolean };
type OrgKey = 'porvoo' | 'vero' | 'dvv' | 'kela' | 'vm';

export const DEMO_USERS: DemoUser[] = [
  { email: 'paakayttaja@vm.demo', name: 'Päivi Virtanen', org: 'vm', role: 'main-admin' },
  { email: 'koordinaattori@vm.demo', name: 'Kalle Koskinen', org: 'vm', role: 'coordinator' },
  { email: 'tarkastaja@vm.demo', name: 'Tarja Laine', org: 'vm', role: 'auditor' },
  { email: 'neuvoja1@porvoo.demo', name: 'Anna Lindholm', org: 'porvoo', role: 'advisor', atPoint: true },
  { email: 'neuvoja2@porvoo.demo', name: 'Mikko Heikkinen', org: 'porvoo', role: 'advisor', atPoint: true },
  { email: 'neuvoja3@porvoo.demo', name: 'Sofia Nyberg', org: 'porvoo', role: 'advisor', atPoint: true },
  { email: 'esihenkilo@porvoo.demo', name: 'Eeva Holmström', org: 'porvoo', role: 'point-manager', atPoint: true },
  { email: 'asiantuntija@vero.demo', name: 'Veera Salo', org: 'vero', role: 'expert' },
  { email: 'asiantuntija@dvv.demo', name: 'Daniel Berg', org: 'dvv', role: 'expert' },
  { email: 'asiantuntija@kela.demo', name: 'Kaisa Mäkelä', org: 'kela', role: 'expert' },
  { email: 'varaaja@kela.demo', name: 'Ville Rantanen', org: 'kela', role: 'agency-booker' },
  { email: 'admin@vero.demo', name: 'Outi Aalto', org: 'vero', role: 'agency-admin' },
  { email: 'admin@dvv.demo', name: 'Jonas Ek', org: 'dvv', role: 'agency-admin' },
  { email: 'admin@kela.demo', name: 'Leena Hakala', org: 'kela', role: 'agency-admin' },
];

/**
 * Short names are per language (Kela / FPA). DVV's Swedish short form "MDB" is to be verified with DVV (docs/language.md);
 * like every name it is data, edited in admin → organisations.
 */
const ORGS: Record<OrgKey, typeof organisations.$inferInsert> = {
  porvoo: { kind: 'contractor', shortName: { fi: 'Porvoo', sv: 'Borgå', en: 'Porvoo' }, name: { fi: 'Porvoon kaupunki', sv: 'Borgå stad', en: 'City of Porvoo' } },
  vero: {
    kind: 'principal',
    shortName: { fi: 'Vero', sv: 'Skatteförvaltningen', en: 'Vero' },
    name: { fi: 'Verohallinto', sv: 'Skatteförvaltningen', en: 'Finnish Tax Administration' },
  },
  dvv: {
    kind: 'principal',
    shortName: { fi: 'DVV', sv: 'MDB', en: 'DVV' },
    name: { fi: 'Digi- ja väestötietovirasto', sv: 'Myndigheten för digitalisering och befolkningsdata', en: 'Digital and Population Data Services Agency' },
  },
  // Kela's own customer usage: Kela / FPA (the formal Kansaneläkelaitos / Folkpensionsanstalten only in legal text).
  kela: { kind: 'principal', shortName: { fi: 'Kela', sv: 'FPA', en: 'Kela' }, name: { fi: 'Kela', sv: 'FPA', en: 'Kela' } },
  vm: { kind: 'ministry', shortName: { fi: 'VM', sv: 'FM', en: 'VM' }, isMainAdmin: true, name: { fi: 'Valtiovarainministeriö', sv: 'Finansministeriet', en: 'Ministry of Finance' } },
};

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

/** Seeds the Porvoo joint-service agreement's world: five organisations, Porvoo-info, its room, terminal and staff. */
export async function seedDemo(db: Db, demoPassword: string): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const orgIds = {} as Record<OrgKey, string>;
    for (const [key, org] of Object.entries(ORGS) as [OrgKey, typeof organisations.$inferInsert][]) {
      const [row] = await tx.insert(organisations).values(org).returning({ id: organisations.id });
      orgIds[key] = row!.id;
    }
    const [point] = await tx
      .insert(servicePoints)
      .values({
        organisationId: orgIds.porvoo,
        name: { fi: 'Porvoo-info', sv: 'Borgå-info', en: 'Porvoo-info' },
        // The Swedish street name is to be verified with Borgå stad (docs/language.md); it is editable in admin.
        streetAddress: { fi: 'Lundinkatu 8 A', sv: 'Lundinsgatan 8 A', en: 'Lundinkatu 8 A' },
        postalCode: '06100',
        city: { fi: 'Porvoo', sv: 'Borgå', en: 'Porvoo' },
        phone: '+358 20 692 250',
        timeZone: 'Europe/Helsinki',
      })
      .returning({ id: servicePoints.id });
    const pointId = point!.id;
    await tx.insert(openingHours).values([1, 2, 3, 4, 5].map((weekday) => ({ servicePointId: pointId, weekday, opens: '09:00', closes: '15:00' })));
    const [room] = await tx
      .insert(rooms)
      .values({ servicePointId: pointId, name: { fi: 'Etäpalvelutila', sv: 'Distansservicerum', en: 'Remote service room' } })
      .returning({ id: rooms.id });
    await tx.insert(terminals).values({
      roomId: room!.id,
      name: 'Asiakaspääte 1',
      pairingCodeHash: hashToken(normalizePairingCode(DEMO_PAIRING_CODE)),
      pairingExpiresAt: new Date(Date.now() + 365 * 86_400_000),
    });
    // The room's wireless call button. Its token is random and shown nowhere (tokens are shown once, at
    // registration): the button is listed under Administration → Call buttons; register another there to try a
    // press with curl.
    await tx.insert(callButtons).values({ roomId: room!.id, name: 'Kutsupainike 1', tokenHash: hashToken(newToken()) });
    const expertIds: string[] = [];
    const advisorIds: string[] = [];
    let adminId = '';
    let managerId = '';
    for (const u of DEMO_USERS) {
      const [user] = await tx
        .insert(users)
        .values({ organisationId: orgIds[u.org], email: u.email, name: u.name, passwordHash })
        .returning({ id: users.id });
      await tx.insert(roleAssignments).values({
        userId: user!.id,
        role: u.role,
        organisationId: orgIds[u.org],
        servicePointId: u.atPoint ? pointId : null,
      });
      if (u.role === 'expert') expertIds.push(user!.id);
      if (u.role === 'main-admin') adminId = user!.id;
      if (u.role === 'advisor') advisorIds.push(user!.id);
      if (u.role === 'point-manager') managerId = user!.id;
    }
    // Vero and Kela delegate all three tasks to Porvoo-info, DVV booking and document reception only.
    await seedAgreements(tx, orgIds, pointId, adminId);
    await seedScheduling(tx, { vero: orgIds.vero, dvv: orgIds.dvv, kela: orgIds.kela }, expertIds);
    await seedTimeReports(tx, { pointId, advisorIds, managerId, adminId, agencies: [orgIds.vero, orgIds.dvv, orgIds.kela] });
  });
}
