import { and, arrayContains, asc, eq, gt, gte, lt, lte, ne, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
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

/** column = ANY($1::uuid[]): one array parameter, not one per id (Drizzle spends CPU on each of hundreds). */
const anyOf = (column: SQLWrapper, ids: string[]) => sql`${column} = any(${sql.param(ids)}::uuid[])`;

/** The longest a booking may last (CHECK bookings_max_length in migrations/0008_booking_busy_index.sql). */
export const MAX_BOOKING_MS = 24 * 3_600_000;

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
    return db.select().from(workingHours).where(and(eq(workingHours.resourceKind, kind), anyOf(workingHours.resourceId, ids)));
  },

  async workingExceptions(db: Db, kind: ResourceKind, ids: string[], from: string, to: string) {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(workingExceptions)
      .where(and(eq(workingExceptions.resourceKind, kind), anyOf(workingExceptions.resourceId, ids), gte(workingExceptions.day, from), lte(workingExceptions.day, to)));
  },

  async closures(db: Db, servicePointId: string, from: string, to: string) {
    return db
      .select()
      .from(closures)
      .where(and(eq(closures.servicePointId, servicePointId), lte(closures.startsOn, to), gte(closures.endsOn, from)));
  },

  /**
   * Busy time of the given rooms, experts and interpreters within [from, to): per holder, its non-cancelled bookings
   * overlapping it as [start, end) epoch milliseconds in order of start. A booking lasts at most a day (CHECK
   * bookings_max_length), so the overlapping ones start in [from - 1 day, to) and end after from: a range scan on the
   * partial covering indexes bookings_{room,expert,interpreter}_busy_idx (holder, starts_at) INCLUDE (ends_at, id),
   * read from the index alone. One text row per holder ("start,end,start,end…"), not one row per booking: thousands of
   * rows cost more to send and map than the numbers they hold.
   */
  async busy(db: Db, q: { roomIds: string[]; expertIds: string[]; interpreterIds: string[]; from: Date; to: Date; excludeBookingId?: string }) {
    const since = new Date(q.from.getTime() - MAX_BOOKING_MS);
    const ms = (column: typeof bookings.startsAt | typeof bookings.endsAt) => sql`floor(extract(epoch from ${column}) * 1000)::bigint`;
    const branch = (holder: typeof bookings.roomId | typeof bookings.expertId | typeof bookings.interpreterId, ids: string[]) => {
      const where: SQL[] = [ne(bookings.status, 'cancelled'), anyOf(holder, ids), gte(bookings.startsAt, since), lt(bookings.startsAt, q.to), gt(bookings.endsAt, q.from)];
      if (q.excludeBookingId) where.push(ne(bookings.id, q.excludeBookingId));
      return db
        .select({
          holderId: sql<string>`${holder}`,
          spans: sql<string>`string_agg(${ms(bookings.startsAt)} || ',' || ${ms(bookings.endsAt)}, ',' order by ${bookings.startsAt})`,
        })
        .from(bookings)
        .where(and(...where))
        .groupBy(holder);
    };
    const parts = await Promise.all([
      q.roomIds.length ? branch(bookings.roomId, q.roomIds) : [],
      q.expertIds.length ? branch(bookings.expertId, q.expertIds) : [],
      q.interpreterIds.length ? branch(bookings.interpreterId, q.interpreterIds) : [],
    ]);
    return parts.flat().map(({ holderId, spans }) => {
      const n = spans.split(',').map(Number);
      const busy: { start: number; end: number }[] = [];
      for (let i = 0; i < n.length; i += 2) busy.push({ start: n[i]!, end: n[i + 1]! });
      return { holderId, busy };
    });
  },
};
