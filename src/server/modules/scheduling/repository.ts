import { and, arrayContains, asc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { readTogether } from '../../db/concurrent.js';
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
    // Three independent reads at once: on a pool they travel on separate connections instead of one after another.
    const [[point], hours, roomRows] = await readTogether(db, [
      () => db.select().from(servicePoints).where(eq(servicePoints.id, id)).limit(1),
      () => db.select().from(openingHours).where(eq(openingHours.servicePointId, id)).orderBy(asc(openingHours.weekday), asc(openingHours.opens)),
      () => db.select().from(rooms).where(and(eq(rooms.servicePointId, id), eq(rooms.active, true))).orderBy(asc(rooms.createdAt)),
    ]);
    if (!point) return undefined;
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

  /** All exceptions of the resources: a few per person a year, so the catalogue keeps them whole. */
  async workingExceptions(db: Db, kind: ResourceKind, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(workingExceptions)
      .where(and(eq(workingExceptions.resourceKind, kind), anyOf(workingExceptions.resourceId, ids)));
  },

  async closuresOf(db: Db, servicePointId: string) {
    return db.select().from(closures).where(eq(closures.servicePointId, servicePointId));
  },

  /**
   * Busy time of the given rooms, experts and interpreters within [from, to): per holder, its non-cancelled bookings
   * overlapping it as [start, end) epoch milliseconds in order of start. A booking lasts at most a day (CHECK
   * bookings_max_length), so the overlapping ones start in [from - 1 day, to) and end after from: a range scan on the
   * partial covering indexes bookings_{room,expert,interpreter}_busy_idx (holder, starts_at) INCLUDE (ends_at, id),
   * read from the index alone. One text row per holder ("start,end,start,end…"), not one row per booking: thousands of
   * rows cost more to send and map than the numbers they hold. One statement for all three kinds, prepared once per
   * connection (a named statement: PostgreSQL parses and plans it once).
   */
  async busy(db: Db, q: { roomIds: string[]; expertIds: string[]; interpreterIds: string[]; from: Date; to: Date; excludeBookingId?: string }) {
    let statement = busyStatements.get(db);
    if (!statement) busyStatements.set(db, (statement = prepareBusy(db)));
    const rows = await statement.execute({
      rooms: q.roomIds,
      experts: q.expertIds,
      interpreters: q.interpreterIds,
      since: new Date(q.from.getTime() - MAX_BOOKING_MS).toISOString(),
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      exclude: q.excludeBookingId ?? null,
    });
    return rows.map(({ holderId, spans }) => ({ holderId, busy: parseSpans(spans) }));
  },
};

const busyStatements = new WeakMap<Db, ReturnType<typeof prepareBusy>>();

function prepareBusy(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  // date_part (double precision), not extract (numeric): half the time over ten thousand rows, exact for whole milliseconds.
  const ms = (column: typeof bookings.startsAt | typeof bookings.endsAt) => sql`floor(date_part('epoch', ${column}) * 1000)::int8`;
  const branch = (holder: typeof bookings.roomId | typeof bookings.expertId | typeof bookings.interpreterId, ids: string) =>
    db
      .select({
        holderId: sql<string>`${holder}`.as('holder_id'),
        spans: sql<string>`string_agg(${ms(bookings.startsAt)} || ',' || ${ms(bookings.endsAt)}, ',' order by ${bookings.startsAt})`.as('spans'),
      })
      .from(bookings)
      .where(
        and(
          // A literal, not a parameter: a generic plan must see that it matches the partial indexes' predicate.
          sql`${bookings.status} <> 'cancelled'`,
          sql`${holder} = any(${p(ids)}::uuid[])`,
          sql`${bookings.startsAt} >= ${p('since')}::timestamptz`,
          sql`${bookings.startsAt} < ${p('to')}::timestamptz`,
          sql`${bookings.endsAt} > ${p('from')}::timestamptz`,
          sql`${bookings.id} is distinct from ${p('exclude')}::uuid`,
        ),
      )
      .groupBy(holder);
  return branch(bookings.roomId, 'rooms')
    .unionAll(branch(bookings.expertId, 'experts'))
    .unionAll(branch(bookings.interpreterId, 'interpreters'))
    .prepare('availability_busy');
}

/** "start,end,start,end…" (non-negative integers) → intervals; by hand, as split and Number cost twice as much. */
function parseSpans(spans: string): { start: number; end: number }[] {
  const busy: { start: number; end: number }[] = [];
  let n = 0;
  let start = -1;
  for (let i = 0; i <= spans.length; i++) {
    const c = i < spans.length ? spans.charCodeAt(i) : 44;
    if (c !== 44) {
      n = n * 10 + (c - 48);
      continue;
    }
    if (start < 0) start = n;
    else {
      busy.push({ start, end: n });
      start = -1;
    }
    n = 0;
  }
  return busy;
}
