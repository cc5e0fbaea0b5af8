import { and, asc, desc, eq, gt, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { TypedQueryBuilder } from 'drizzle-orm/query-builders/query-builder';
import type { Db } from '../../db/client.js';
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
/** A statement not yet run that can stand in a WITH clause (e.g. an audit row's insert). */
type WithQuery = TypedQueryBuilder<undefined>;

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
   * (data-modifying CTEs, one implicit transaction, one round trip instead of eight). The holders' advisory locks are
   * taken while the booking's row is being formed, before it reaches the exclusion constraints (the reference is
   * selected through them), so contenders queue exactly as with lockHolders. The other rows reference the booking by the id given here; their
   * foreign keys are checked at the end of the statement, when the booking exists.
   */
  async insertCreated(
    db: Db,
    w: {
      booking: NewBooking & { id: string };
      holders: (string | null | undefined)[];
      event: typeof bookingEvents.$inferInsert;
      messages: (typeof customerMessages.$inferInsert)[];
      audit: WithQuery;
      /** A NOTIFY to send with the statement (delivered at commit): the realtime bus's announcement of the booking. */
      notify?: { channel: string; payload: string };
    },
  ): Promise<BookingRow> {
    const keys = lockKeys(w.holders);
    // What must happen before the row is formed, evaluated as the reference's value is: the locks, and the NOTIFY
    // (PostgreSQL holds it back until the commit, and drops it if the statement fails).
    const before = [
      ...(keys.length ? [sql`(SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) ${lockRows(keys)}) taken) AS locks`] : []),
      ...(w.notify ? [sql`(SELECT pg_notify(${w.notify.channel}::text, ${w.notify.payload}::text)) AS notified`] : []),
    ];
    const reference = before.length ? sql`(SELECT ${w.booking.reference}::text FROM ${sql.join(before, sql`, `)})` : w.booking.reference;
    const created = db.$with('created').as(db.insert(bookings).values({ ...w.booking, reference }).returning());
    const event = db.$with('created_event').as(db.insert(bookingEvents).values(w.event));
    const audit = db.$with('created_audit').as(w.audit);
    const messages = w.messages.length ? [db.$with('created_messages').as(db.insert(customerMessages).values(w.messages).onConflictDoNothing())] : [];
    const [row] = await db.with(created, event, audit, ...messages).select().from(created);
    return row!;
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
