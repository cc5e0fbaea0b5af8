import { and, asc, eq, gt, gte, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookings, organisations, publicBookingLinks, servicePoints, services } from '../../db/schema/index.js';

export type LinkRow = typeof publicBookingLinks.$inferSelect;

/** Everything the public booking page and the manage link read and write. */
export const publicBookingRepository = {
  activeServicePoints(db: Db) {
    return db.select().from(servicePoints).where(eq(servicePoints.active, true)).orderBy(asc(servicePoints.createdAt));
  },

  async servicePoint(db: Db, id: string) {
    const [row] = await db.select().from(servicePoints).where(eq(servicePoints.id, id)).limit(1);
    return row;
  },

  /** Active services their agency admin opened for online booking (all, or one), with the agency's name. */
  onlineServices(db: Db, serviceId?: string) {
    const where: SQL[] = [eq(services.onlineBooking, true), eq(services.active, true)];
    if (serviceId) where.push(eq(services.id, serviceId));
    return db
      .select({ service: services, agencyName: organisations.name })
      .from(services)
      .innerJoin(organisations, eq(organisations.id, services.agencyId))
      .where(and(...where))
      .orderBy(asc(services.agencyId), asc(services.createdAt));
  },

  async insertLink(db: Db, row: typeof publicBookingLinks.$inferInsert) {
    await db.insert(publicBookingLinks).values(row);
  },

  /** The live link with this token hash and its booking: one indexed lookup, whatever the token. */
  async byTokenHash(db: Db, tokenHash: string) {
    const [row] = await db
      .select({ link: publicBookingLinks, booking: bookings })
      .from(publicBookingLinks)
      .innerJoin(bookings, eq(bookings.id, publicBookingLinks.bookingId))
      .where(and(eq(publicBookingLinks.tokenHash, tokenHash), isNull(publicBookingLinks.revokedAt)))
      .limit(1);
    return row;
  },

  async liveLinkOf(db: Db, bookingId: string) {
    const [row] = await db
      .select()
      .from(publicBookingLinks)
      .where(and(eq(publicBookingLinks.bookingId, bookingId), isNull(publicBookingLinks.revokedAt)))
      .limit(1);
    return row;
  },

  async revoke(db: Db, bookingId: string) {
    await db.update(publicBookingLinks).set({ revokedAt: new Date() }).where(eq(publicBookingLinks.bookingId, bookingId));
  },

  /** Serialises the limit checks of one key (a client address, a contact) across transactions and instances. */
  async lock(db: Db, keys: string[]) {
    for (const key of [...new Set(keys)].sort()) await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  },

  /** Online bookings made from the client address since the instant: how many, and the oldest's time. */
  async madeFromClient(db: Db, clientKey: string, since: Date) {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${publicBookingLinks.createdAt})` })
      .from(publicBookingLinks)
      .where(and(eq(publicBookingLinks.clientKey, clientKey), gte(publicBookingLinks.createdAt, since)));
    return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : undefined };
  },

  /** The agency's upcoming online bookings for the phone number or e-mail address, other than `excludeId`. */
  upcomingForContact(db: Db, q: { agencyId: string; phone?: string | null; email?: string | null; now: Date; excludeId: string }) {
    const contact = [...(q.phone ? [eq(bookings.customerPhone, q.phone)] : []), ...(q.email ? [eq(bookings.customerEmail, q.email)] : [])];
    return db
      .select({ startsAt: bookings.startsAt })
      .from(bookings)
      .where(
        and(
          eq(bookings.agencyId, q.agencyId),
          eq(bookings.channel, 'online'),
          inArray(bookings.status, ['booked', 'checked-in']),
          gt(bookings.startsAt, q.now),
          ne(bookings.id, q.excludeId),
          or(...contact),
        ),
      )
      .orderBy(asc(bookings.startsAt));
  },
};
