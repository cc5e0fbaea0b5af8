import { and, arrayContains, asc, eq, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  bookings,
  closures,
  interpreters,
  openingHours,
  roleAssignments,
  rooms,
  servicePoints,
  services,
  users,
  workingExceptions,
  workingHours,
} from '../../db/schema/index.js';

export type ResourceKind = 'expert' | 'interpreter';

/** What the slot computation reads: calendars, working patterns and the busy time of rooms, experts, interpreters. */
export const schedulingRepository = {
  async servicePoint(db: Db, id: string) {
    const [point] = await db.select().from(servicePoints).where(eq(servicePoints.id, id)).limit(1);
    if (!point) return undefined;
    const hours = await db.select().from(openingHours).where(eq(openingHours.servicePointId, id)).orderBy(asc(openingHours.weekday), asc(openingHours.opens));
    const roomRows = await db.select().from(rooms).where(and(eq(rooms.servicePointId, id), eq(rooms.active, true))).orderBy(asc(rooms.createdAt));
    return { ...point, openingHours: hours, rooms: roomRows };
  },

  async service(db: Db, id: string) {
    const [row] = await db.select().from(services).where(eq(services.id, id)).limit(1);
    return row;
  },

  /** Active users holding the expert role in the agency. */
  async experts(db: Db, agencyId: string, expertId?: string) {
    const where: SQL[] = [eq(roleAssignments.role, 'expert'), eq(roleAssignments.organisationId, agencyId), eq(users.active, true)];
    if (expertId) where.push(eq(users.id, expertId));
    return db
      .selectDistinct({ id: users.id, name: users.name, agencyId: roleAssignments.organisationId })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(...where))
      .orderBy(asc(users.name), asc(users.id));
  },

  /** The user with the expert role, and the agency the role is in. */
  expertById(db: Db, id: string) {
    return db
      .select({ id: users.id, name: users.name, agencyId: roleAssignments.organisationId })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(eq(users.id, id), eq(roleAssignments.role, 'expert')))
      .limit(1);
  },

  async interpreters(db: Db, language: string) {
    return db
      .select({ id: interpreters.id })
      .from(interpreters)
      .where(and(eq(interpreters.active, true), arrayContains(interpreters.languages, [language])))
      .orderBy(asc(interpreters.id));
  },

  async workingHours(db: Db, kind: ResourceKind, ids: string[]) {
    if (ids.length === 0) return [];
    return db.select().from(workingHours).where(and(eq(workingHours.resourceKind, kind), inArray(workingHours.resourceId, ids)));
  },

  async workingExceptions(db: Db, kind: ResourceKind, ids: string[], from: string, to: string) {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(workingExceptions)
      .where(and(eq(workingExceptions.resourceKind, kind), inArray(workingExceptions.resourceId, ids), gte(workingExceptions.day, from), lte(workingExceptions.day, to)));
  },

  async closures(db: Db, servicePointId: string, from: string, to: string) {
    return db
      .select()
      .from(closures)
      .where(and(eq(closures.servicePointId, servicePointId), lte(closures.startsOn, to), gte(closures.endsOn, from)));
  },

  /** Non-cancelled bookings overlapping [from, to) that hold any of the given rooms, experts or interpreters. */
  async busy(db: Db, q: { roomIds: string[]; expertIds: string[]; interpreterIds: string[]; from: Date; to: Date; excludeBookingId?: string }) {
    const holders: SQL[] = [];
    if (q.roomIds.length) holders.push(inArray(bookings.roomId, q.roomIds));
    if (q.expertIds.length) holders.push(inArray(bookings.expertId, q.expertIds));
    if (q.interpreterIds.length) holders.push(inArray(bookings.interpreterId, q.interpreterIds));
    if (holders.length === 0) return [];
    // The overlap is written as the exclusion constraints' own expression, so their GiST indexes (partial on
    // status <> 'cancelled') serve it; starts_at < to AND ends_at > from could only scan the table.
    const overlaps = sql`tstzrange(${bookings.startsAt}, ${bookings.endsAt}, '[)') && tstzrange(${q.from.toISOString()}::timestamptz, ${q.to.toISOString()}::timestamptz, '[)')`;
    const where: SQL[] = [ne(bookings.status, 'cancelled'), overlaps, or(...holders)!];
    if (q.excludeBookingId) where.push(ne(bookings.id, q.excludeBookingId));
    return db
      // Epoch milliseconds, not Dates: thousands of rows, and the slot computation works in numbers.
      .select({
        roomId: bookings.roomId,
        expertId: bookings.expertId,
        interpreterId: bookings.interpreterId,
        start: sql<number>`(extract(epoch from ${bookings.startsAt}) * 1000)::float8`,
        end: sql<number>`(extract(epoch from ${bookings.endsAt}) * 1000)::float8`,
      })
      .from(bookings)
      .where(and(...where))
      .orderBy(asc(bookings.startsAt));
  },
};
