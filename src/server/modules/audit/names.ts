import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { AuditName } from '../../../shared/audit.js';
import type { Db } from '../../db/client.js';
import {
  agencyApiTokens,
  agreementVersions,
  bookings,
  callButtons,
  documentHandovers,
  interpreters,
  meetings,
  organisations,
  rooms,
  servicePoints,
  services,
  terminals,
  users,
} from '../../db/schema/index.js';

/**
 * Names the auditor may see for the ids in the log: staff, devices, agency systems, organisations and places by
 * name, bookings, meetings and document handovers by their reference. Never a customer's name or contact details.
 */
type Lookup = (db: Db, ids: string[]) => Promise<{ id: string; name: AuditName }[]>;

const lookups: Record<string, Lookup> = {
  user: (db, ids) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)),
  organisation: (db, ids) => db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)),
  'service-point': (db, ids) => db.select({ id: servicePoints.id, name: servicePoints.name }).from(servicePoints).where(inArray(servicePoints.id, ids)),
  room: (db, ids) => db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(inArray(rooms.id, ids)),
  service: (db, ids) => db.select({ id: services.id, name: services.name }).from(services).where(inArray(services.id, ids)),
  terminal: (db, ids) => db.select({ id: terminals.id, name: terminals.name }).from(terminals).where(inArray(terminals.id, ids)),
  'call-button': (db, ids) => db.select({ id: callButtons.id, name: callButtons.name }).from(callButtons).where(inArray(callButtons.id, ids)),
  'agency-token': (db, ids) => db.select({ id: agencyApiTokens.id, name: agencyApiTokens.name }).from(agencyApiTokens).where(inArray(agencyApiTokens.id, ids)),
  interpreter: (db, ids) => db.select({ id: interpreters.id, name: interpreters.name }).from(interpreters).where(inArray(interpreters.id, ids)),
  booking: (db, ids) => db.select({ id: bookings.id, name: bookings.reference }).from(bookings).where(inArray(bookings.id, ids)),
  meeting: (db, ids) =>
    db.select({ id: meetings.id, name: bookings.reference }).from(meetings).innerJoin(bookings, eq(bookings.id, meetings.bookingId)).where(inArray(meetings.id, ids)),
  document: (db, ids) => db.select({ id: documentHandovers.id, name: documentHandovers.reference }).from(documentHandovers).where(inArray(documentHandovers.id, ids)),
  agreement: async (db, ids) => {
    const versions = await db
      .select({ id: agreementVersions.agreementId, name: agreementVersions.title })
      .from(agreementVersions)
      .where(inArray(agreementVersions.agreementId, ids))
      .orderBy(asc(agreementVersions.version));
    // The newest version's title.
    return [...new Map(versions.map((v) => [v.id, v])).values()];
  },
};
lookups.agency = lookups.organisation!;

/** The log's actor types under the names of the lookups that resolve them. */
const actorKinds: Record<string, string> = { user: 'user', terminal: 'terminal', 'agency-token': 'agency-token' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type NameRef = { kind: string; id: string };
export type Names = (kind: string | null | undefined, id: string | null | undefined) => AuditName | undefined;

/** Resolves every reference in one query per kind. */
export async function resolveNames(db: Db, refs: NameRef[]): Promise<Names> {
  const byKind = new Map<string, Set<string>>();
  for (const { kind, id } of refs) {
    if (!lookups[kind] || !UUID.test(id)) continue;
    if (!byKind.has(kind)) byKind.set(kind, new Set());
    byKind.get(kind)!.add(id);
  }
  const found = new Map<string, AuditName>();
  for (const [kind, ids] of byKind) {
    for (const row of await lookups[kind]!(db, [...ids])) found.set(`${kind}:${row.id}`, row.name);
  }
  return (kind, id) => (kind && id ? found.get(`${kind}:${id}`) : undefined);
}

/** The references an event names: its actor, its target and its organisation. */
type Ref = string | null | undefined;
export function eventRefs(e: { actorType: string; actorId: Ref; targetType: Ref; targetId: Ref; organisationId: Ref }): NameRef[] {
  const refs: NameRef[] = [];
  const actorKind = actorKinds[e.actorType];
  if (actorKind && e.actorId) refs.push({ kind: actorKind, id: e.actorId });
  if (e.targetType && e.targetId) refs.push({ kind: e.targetType, id: e.targetId });
  if (e.organisationId) refs.push({ kind: 'organisation', id: e.organisationId });
  return refs;
}

/** The people and organisations the filters offer, by name. */
export async function filterChoices(db: Db) {
  const people = await db
    .select({ id: users.id, name: users.name, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(users.name));
  const orgs = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(sql`${organisations.shortName}->>'fi'`));
  return { people, organisations: orgs };
}
