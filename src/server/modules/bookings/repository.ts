import { and, asc, desc, eq, getTableColumns, gt, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { auditRepository, type NewAuditEvent } from '../audit/repository.js';
import type { CustomerMessageRow } from './messages.js';
import { bookingEvents, bookings, customerMessages, servicePoints, walkIns } from '../../db/schema/index.js';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

/** An advisory-lock key for a room, expert or interpreter: the first 64 bits of its uuid. */
const lockKey = (id: string) => BigInt.asIntN(64, BigInt(`0x${id.replace(/-/g, '').slice(0, 16)}`));
/** The holders' keys without repeats, in the one fixed (ascending) order every writer takes them in. */
const lockKeys = (ids: (string | null | undefined)[]) =>
  [...new Set(ids.filter((id): id is string => !!id).map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
/** FROM the keys in that order (unnest keeps the array's order). */
const lockRows = (keys: bigint[]) => sql`FROM unnest(${sql.param(keys.map(String))}::bigint[]) WITH ORDINALITY AS t(k, n) ORDER BY n`;
/** The columns a created booking is written with (the others take their defaults), as [field, column type]. */
const CREATED_COLUMNS = [
  ['id', 'uuid'],
  ['reference', 'text'],
  ['servicePointId', 'uuid'],
  ['roomId', 'uuid'],
  ['agencyId', 'uuid'],
  ['serviceId', 'uuid'],
  ['expertId', 'uuid'],
  ['interpreterId', 'uuid'],
  ['interpretingLanguage', 'text'],
  ['startsAt', 'timestamptz'],
  ['endsAt', 'timestamptz'],
  ['channel', 'booking_channel'],
  ['customerName', 'text'],
  ['customerPhone', 'text'],
  ['customerEmail', 'text'],
  ['language', 'text'],
  ['note', 'text'],
  ['createdBy', 'uuid'],
] as const satisfies readonly (readonly [keyof NewBooking, string])[];
export type CreatedBooking = { [K in (typeof CREATED_COLUMNS)[number][0]]-?: NewBooking[K] } & { id: string };

const columnsOfBookings = Object.entries(getTableColumns(bookings));
/** A row as the driver gave it (column names, timestamps as text) in Drizzle's shape, as a select would map it. */
function bookingFromRow(raw: Record<string, unknown>): BookingRow {
  const out: Record<string, unknown> = {};
  for (const [key, column] of columnsOfBookings) {
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as BookingRow;
}

const P = (name: string) => sql.placeholder(name);
const insertCreatedStatement = preparedStatement<'one', Record<string, unknown>>(() => {
  const column = (key: string) => sql.raw(getTableColumns(bookings)[key as keyof BookingRow].name);
  // What must happen before the row is formed, evaluated as the reference's value is: the locks (none for an empty
  // list), and the NOTIFY when there is one (PostgreSQL holds it back until the commit, and drops it if the
  // statement fails).
  const reference = sql`(SELECT ${P('reference')}::text FROM
    (SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) FROM unnest(${P('lockKeys')}::bigint[]) WITH ORDINALITY AS t(k, n) ORDER BY n) taken) AS locks,
    (SELECT count(*) FROM (SELECT pg_notify(c, p) FROM (SELECT ${P('notifyChannel')}::text AS c, ${P('notifyPayload')}::text AS p) x WHERE c IS NOT NULL) sent) AS notified)`;
  const values = CREATED_COLUMNS.map(([key, type]) => (key === 'reference' ? reference : sql`${P(key)}::${sql.raw(type)}`));
  return sql`
    WITH created AS (
      INSERT INTO bookings (${sql.join(
        CREATED_COLUMNS.map(([key]) => column(key)),
        sql`, `,
      )})
      VALUES (${sql.join(values, sql`, `)})
      RETURNING *),
    created_event AS (
      INSERT INTO booking_events (booking_id, actor_id, kind, to_start, to_status)
      VALUES (${P('id')}::uuid, ${P('actorId')}::uuid, 'created', ${P('startsAt')}::timestamptz, 'booked')),
    created_messages AS (
      INSERT INTO customer_messages (booking_id, kind, channel, booking_version, send_after)
      SELECT ${P('id')}::uuid, m.kind, m.channel, m.version, m.send_after
      FROM unnest(${P('messageKinds')}::text[], ${P('messageChannels')}::text[], ${P('messageVersions')}::int[], ${P('messageSendAfter')}::timestamptz[])
        AS m(kind, channel, version, send_after)
      ON CONFLICT DO NOTHING),
    created_audit AS (${auditRepository.appendTemplate()})
    SELECT * FROM created`;
});

export const bookingRepository = {
  /**
   * Takes transaction-level advisory locks on the rooms, experts and interpreters a write is about to book, in one
   * fixed (ascending key) order, so contenders queue here instead of deadlocking in the exclusion constraints'
   * indexes (two inserts checking each other's uncommitted rows). The constraints stay the guarantee.
   */
  async lockHolders(db: Db, ids: (string | null | undefined)[]) {
    const keys = lockKeys(ids);
    if (keys.length === 0) return;
    await db.execute(sql`SELECT pg_advisory_xact_lock(k) ${lockRows(keys)}`);
  },

  /**
   * A new booking with its history event, customer messages, audit row and realtime NOTIFY in ONE statement
   * (data-modifying CTEs, one implicit transaction, one round trip instead of eight), prepared once per connection
   * with a text built once (db/prepared.ts: no query building per booking). The holders' advisory locks are taken
   * while the booking's row is being formed, before it reaches the exclusion constraints (the reference is selected
   * through them), so contenders queue exactly as with lockHolders. The other rows reference the booking by the id
   * given here; their foreign keys are checked at the end of the statement, when the booking exists.
   */
  async insertCreated(
    db: Db,
    w: {
      booking: CreatedBooking;
      holders: (string | null | undefined)[];
      /** Who made it, for its history event ('created', to 'booked' at the booking's start). */
      actorId: string | null;
      messages: CustomerMessageRow[];
      audit: NewAuditEvent;
      /** A NOTIFY to send with the statement (delivered at commit): the realtime bus's announcement of the booking. */
      notify?: { channel: string; payload: string };
    },
  ): Promise<BookingRow> {
    const b = w.booking;
    const [row] = await insertCreatedStatement(db, 'one', {
      ...Object.fromEntries(CREATED_COLUMNS.map(([key]) => [key, b[key] instanceof Date ? (b[key] as Date).toISOString() : (b[key] ?? null)])),
      lockKeys: lockKeys(w.holders).map(String),
      notifyChannel: w.notify?.channel ?? null,
      notifyPayload: w.notify?.payload ?? null,
      actorId: w.actorId,
      messageKinds: w.messages.map((m) => m.kind),
      messageChannels: w.messages.map((m) => m.channel),
      messageVersions: w.messages.map((m) => m.bookingVersion),
      messageSendAfter: w.messages.map((m) => m.sendAfter.toISOString()),
      ...auditRepository.appendValues(w.audit),
    });
    return bookingFromRow(row!);
  },

  async insert(db: Db, b: NewBooking): Promise<BookingRow> {
    const [row] = await db.insert(bookings).values(b).returning();
    return row!;
  },

  async byId(db: Db, id: string): Promise<BookingRow | undefined> {
    const [row] = await db.select().from(bookings).where(eq(bookings.id, id)).limit(1);
    return row;
  },

  async byReference(db: Db, reference: string): Promise<BookingRow | undefined> {
    const [row] = await db.select().from(bookings).where(eq(bookings.reference, reference.toUpperCase())).limit(1);
    return row;
  },

  /** Locks the row for a change, so two moves of one booking are applied one after the other. */
  async forUpdate(db: Db, id: string): Promise<BookingRow | undefined> {
    const [row] = await db.select().from(bookings).where(eq(bookings.id, id)).for('update').limit(1);
    return row;
  },

  async update(db: Db, id: string, patch: Partial<NewBooking>): Promise<BookingRow> {
    const [row] = await db
      .update(bookings)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(bookings.id, id))
      .returning();
    return row!;
  },

  async list(db: Db, q: { servicePointId?: string; agencyId?: string; expertId?: string; from?: Date; to?: Date; status?: BookingRow['status']; search?: string; limit: number }) {
    const where: SQL[] = [];
    if (q.servicePointId) where.push(eq(bookings.servicePointId, q.servicePointId));
    if (q.agencyId) where.push(eq(bookings.agencyId, q.agencyId));
    if (q.expertId) where.push(eq(bookings.expertId, q.expertId));
    if (q.from) where.push(gt(bookings.endsAt, q.from));
    if (q.to) where.push(lt(bookings.startsAt, q.to));
    if (q.status) where.push(eq(bookings.status, q.status));
    if (q.search) {
      const like = `%${q.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const digits = q.search.replace(/\D/g, '');
      where.push(
        or(
          ilike(bookings.customerName, like),
          eq(bookings.reference, q.search.toUpperCase()),
          ...(digits.length >= 4 ? [ilike(bookings.customerPhone, `%${digits.slice(digits.startsWith('0') ? 1 : 0)}%`)] : []),
        )!,
      );
    }
    return db
      .select()
      .from(bookings)
      .where(and(...where))
      .orderBy(q.search ? desc(bookings.startsAt) : asc(bookings.startsAt))
      .limit(q.limit);
  },

  async timeZoneOf(db: Db, servicePointId: string): Promise<string | undefined> {
    const [row] = await db.select({ tz: servicePoints.timeZone }).from(servicePoints).where(eq(servicePoints.id, servicePointId)).limit(1);
    return row?.tz;
  },

  async addEvent(db: Db, e: typeof bookingEvents.$inferInsert) {
    await db.insert(bookingEvents).values(e);
  },

  async history(db: Db, bookingId: string) {
    return db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, bookingId)).orderBy(asc(bookingEvents.at));
  },

  async enqueueMessages(db: Db, rows: (typeof customerMessages.$inferInsert)[]) {
    if (rows.length) await db.insert(customerMessages).values(rows).onConflictDoNothing();
  },

  async insertWalkIn(db: Db, w: typeof walkIns.$inferInsert) {
    const [row] = await db.insert(walkIns).values(w).returning();
    return row!;
  },

  async walkInById(db: Db, id: string) {
    const [row] = await db.select().from(walkIns).where(eq(walkIns.id, id)).limit(1);
    return row;
  },

  async walkInForUpdate(db: Db, id: string) {
    const [row] = await db.select().from(walkIns).where(eq(walkIns.id, id)).for('update').limit(1);
    return row;
  },

  async updateWalkIn(db: Db, id: string, patch: Partial<typeof walkIns.$inferInsert>) {
    const [row] = await db.update(walkIns).set(patch).where(eq(walkIns.id, id)).returning();
    return row!;
  },

  async waitingWalkIns(db: Db, q: { servicePointId?: string; agencyId?: string }) {
    const where: SQL[] = [eq(walkIns.status, 'waiting')];
    if (q.servicePointId) where.push(eq(walkIns.servicePointId, q.servicePointId));
    if (q.agencyId) where.push(eq(walkIns.agencyId, q.agencyId));
    return db.select().from(walkIns).where(and(...where)).orderBy(asc(walkIns.createdAt)).limit(200);
  },
};
