import { randomBytes } from 'node:crypto';
import type { AgreementTask } from '../../src/shared/agreements.js';
import type { Role } from '../../src/shared/roles.js';
import { hashPassword } from '../../src/server/auth/password.js';
import type { Db } from '../../src/server/db/client.js';
import { agreementVersions, agreements, openingHours, organisations, roleAssignments, rooms, servicePoints, users } from '../../src/server/db/schema/index.js';
import { DEMO_PASSWORD } from './app.js';

const suffix = () => randomBytes(4).toString('hex');
let cachedHash: Promise<string> | undefined;

/** A fresh organisation per test, so tests never depend on each other's rows. */
export async function createOrganisation(db: Db, kind: 'contractor' | 'principal' | 'ministry' = 'principal') {
  const s = suffix();
  const [org] = await db
    .insert(organisations)
    .values({ kind, shortName: { fi: `Org ${s}`, sv: `Org ${s} sv`, en: `Org ${s} en` }, name: { fi: `Virasto ${s}`, sv: `Myndighet ${s}`, en: `Agency ${s}` } })
    .returning();
  return org!;
}

export async function createServicePoint(db: Db, organisationId: string) {
  const s = suffix();
  const [point] = await db
    .insert(servicePoints)
    .values({
      organisationId,
      name: { fi: `Piste ${s}`, sv: `Punkt ${s}`, en: `Point ${s}` },
      streetAddress: { fi: 'Testikatu 1', sv: 'Testgatan 1', en: 'Testikatu 1' },
      postalCode: '00100',
      city: { fi: 'Helsinki', sv: 'Helsingfors', en: 'Helsinki' },
      phone: '+358 9 123 4567',
    })
    .returning();
  await db.insert(openingHours).values([1, 2, 3, 4, 5].map((weekday) => ({ servicePointId: point!.id, weekday, opens: '09:00', closes: '15:00' })));
  const [room] = await db.insert(rooms).values({ servicePointId: point!.id, name: { fi: 'Huone', sv: 'Rum', en: 'Room' } }).returning();
  return { point: point!, room: room! };
}

/** A user with the demo password and one role in the given organisation. */
export async function createUser(db: Db, opts: { organisationId: string; role?: Role; servicePointId?: string; email?: string; name?: string }) {
  cachedHash ??= hashPassword(DEMO_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      organisationId: opts.organisationId,
      email: opts.email ?? `user-${suffix()}@test.example`,
      name: opts.name ?? `Test User ${suffix()}`,
      passwordHash: await cachedHash,
    })
    .returning();
  if (opts.role) {
    await db.insert(roleAssignments).values({ userId: user!.id, role: opts.role, organisationId: opts.organisationId, servicePointId: opts.servicePointId ?? null });
  }
  return user!;
}

/**
 * A signed agreement in force from 2000 on, open-ended, delegating the given tasks (all three by default) of each
 * agency to the points: what every test world needs before it books, verifies identity or receives documents.
 */
export async function createAgreement(
  db: Db,
  opts: { contractorId: string; payerId?: string; servicePointIds: string[]; agencyIds: string[]; tasks?: AgreementTask[]; validFrom?: string; validUntil?: string | null },
) {
  const tasks = opts.tasks ?? ['identity-verification', 'booking', 'document-reception'];
  const validFrom = opts.validFrom ?? '2000-01-01';
  const [head] = await db.insert(agreements).values({ contractorId: opts.contractorId }).returning();
  await db.insert(agreementVersions).values({
    agreementId: head!.id,
    version: 1,
    effectiveFrom: validFrom,
    title: `Sopimus ${suffix()}`,
    contractorId: opts.contractorId,
    servicePointIds: opts.servicePointIds,
    payerId: opts.payerId ?? opts.contractorId,
    principals: opts.agencyIds.map((organisationId) => ({ organisationId, tasks })),
    signedOn: validFrom,
    validFrom,
    validUntil: opts.validUntil ?? null,
    hourlyRateCents: 4200,
    caps: { communicationMaterialsCents: 100_000, premisesRentCents: 170_000, premisesWorksCents: 250_000 },
  });
  return head!;
}
