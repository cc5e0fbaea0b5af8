import { type SQL, and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookings, customerMessages, organisations, servicePoints, services } from '../../db/schema/index.js';

export type CustomerMessageRow = typeof customerMessages.$inferSelect;
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/** The outbox of customer messages: what the dispatcher and the sender read and write. */
export const customerMessageRepository = {
  /** Ids of rows waiting to go out now, oldest first. */
  async dueIds(db: Db, limit: number): Promise<string[]> {
    const rows = await db
      .select({ id: customerMessages.id })
      .from(customerMessages)
      .where(and(eq(customerMessages.status, 'pending'), lte(customerMessages.sendAfter, sql`now()`)))
      .orderBy(asc(customerMessages.sendAfter))
      .limit(limit);
    return rows.map((r) => r.id);
  },

  /**
   * Takes a due row for sending. One statement: of any number of workers racing for the row, exactly one gets it
   * back, the others get nothing.
   */
  async claim(db: Db, id: string): Promise<CustomerMessageRow | undefined> {
    const [row] = await db
      .update(customerMessages)
      .set({ status: 'sending', attempts: sql`${customerMessages.attempts} + 1`, claimedAt: sql`now()` })
      .where(and(eq(customerMessages.id, id), eq(customerMessages.status, 'pending'), lte(customerMessages.sendAfter, sql`now()`)))
      .returning();
    return row;
  },

  /** Ends a claimed row: sent, skipped or failed. Only a row still 'sending' changes. */
  async finish(db: Db, id: string, status: Exclude<MessageStatus, 'pending' | 'sending'>, error: string | null = null): Promise<boolean> {
    const rows = await db
      .update(customerMessages)
      .set({ status, error, ...(status === 'sent' ? { sentAt: sql`now()` } : {}) })
      .where(and(eq(customerMessages.id, id), eq(customerMessages.status, 'sending')))
      .returning({ id: customerMessages.id });
    return rows.length === 1;
  },

  /** Puts a claimed row back in the queue after a refusal that is certain not to have delivered anything. */
  async release(db: Db, id: string, error: string): Promise<void> {
    await db
      .update(customerMessages)
      .set({ status: 'pending', error, claimedAt: null })
      .where(and(eq(customerMessages.id, id), eq(customerMessages.status, 'sending')));
  },

  /**
   * Rows claimed longer ago than the cut-off and still 'sending': the worker died between claim and result, so
   * whether the customer got the message is unknown. They become 'failed' (never re-sent) for staff to see.
   */
  async failInterrupted(db: Db, claimedBefore: Date) {
    return db
      .update(customerMessages)
      .set({ status: 'failed', error: 'interrupted while sending; delivery unknown, not re-sent' })
      .where(and(eq(customerMessages.status, 'sending'), lt(customerMessages.claimedAt, claimedBefore)))
      .returning({ id: customerMessages.id, bookingId: customerMessages.bookingId, kind: customerMessages.kind, channel: customerMessages.channel });
  },

  async byId(db: Db, id: string): Promise<CustomerMessageRow | undefined> {
    const [row] = await db.select().from(customerMessages).where(eq(customerMessages.id, id)).limit(1);
    return row;
  },

  async forBookings(db: Db, bookingIds: string[]): Promise<CustomerMessageRow[]> {
    if (bookingIds.length === 0) return [];
    return db.select().from(customerMessages).where(inArray(customerMessages.bookingId, bookingIds)).orderBy(asc(customerMessages.createdAt));
  },

  /** Messages with the booking's scope (for the policy) and reference, newest first. */
  async list(db: Db, q: { bookingId?: string; servicePointId?: string; status?: MessageStatus; limit: number }) {
    const where: SQL[] = [];
    if (q.bookingId) where.push(eq(customerMessages.bookingId, q.bookingId));
    if (q.servicePointId) where.push(eq(bookings.servicePointId, q.servicePointId));
    if (q.status) where.push(eq(customerMessages.status, q.status));
    return db
      .select({
        message: customerMessages,
        servicePointId: bookings.servicePointId,
        agencyId: bookings.agencyId,
        reference: bookings.reference,
        startsAt: bookings.startsAt,
      })
      .from(customerMessages)
      .innerJoin(bookings, eq(bookings.id, customerMessages.bookingId))
      .where(and(...where))
      .orderBy(desc(customerMessages.createdAt), asc(customerMessages.id))
      .limit(q.limit);
  },

  /** The booking with what a message about it names: the service, the agency and the service point. */
  async messageContext(db: Db, bookingId: string) {
    const [row] = await db
      .select({
        booking: bookings,
        serviceName: services.name,
        agencyName: organisations.name,
        point: {
          name: servicePoints.name,
          streetAddress: servicePoints.streetAddress,
          postalCode: servicePoints.postalCode,
          city: servicePoints.city,
          phone: servicePoints.phone,
          timeZone: servicePoints.timeZone,
        },
      })
      .from(bookings)
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .innerJoin(organisations, eq(organisations.id, bookings.agencyId))
      .innerJoin(servicePoints, eq(servicePoints.id, bookings.servicePointId))
      .where(eq(bookings.id, bookingId))
      .limit(1);
    return row;
  },
};

export type MessageContext = NonNullable<Awaited<ReturnType<typeof customerMessageRepository.messageContext>>>;
