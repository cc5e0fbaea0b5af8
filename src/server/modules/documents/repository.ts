import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  bookings,
  documentHandovers,
  documentPages,
  organisations,
  roleAssignments,
  rooms,
  servicePoints,
  users,
} from '../../db/schema/index.js';

export type HandoverRow = typeof documentHandovers.$inferSelect;
export type NewHandover = typeof documentHandovers.$inferInsert;
export type PageRow = typeof documentPages.$inferSelect;
/** A page without its ciphertext: what lists and presenters need. */
export type PageMeta = Omit<PageRow, 'ciphertext'>;

const pageMeta = {
  id: documentPages.id,
  handoverId: documentPages.handoverId,
  position: documentPages.position,
  mediaType: documentPages.mediaType,
  pageCount: documentPages.pageCount,
  byteSize: documentPages.byteSize,
  source: documentPages.source,
  addedBy: documentPages.addedBy,
  createdAt: documentPages.createdAt,
};

export const handoverRepository = {
  async insert(db: Db, h: NewHandover): Promise<HandoverRow> {
    const [row] = await db.insert(documentHandovers).values(h).returning();
    return row!;
  },

  async byId(db: Db, id: string): Promise<HandoverRow | undefined> {
    const [row] = await db.select().from(documentHandovers).where(eq(documentHandovers.id, id)).limit(1);
    return row;
  },

  /** Locks the handover: page changes, sending, acknowledging, purging and key rotation take turns on it. */
  async forUpdate(db: Db, id: string, opts: { skipLocked?: boolean } = {}): Promise<HandoverRow | undefined> {
    const q = db.select().from(documentHandovers).where(eq(documentHandovers.id, id));
    const [row] = await (opts.skipLocked ? q.for('update', { skipLocked: true }) : q.for('update')).limit(1);
    return row;
  },

  async update(db: Db, id: string, patch: Partial<NewHandover>): Promise<HandoverRow> {
    const [row] = await db.update(documentHandovers).set(patch).where(eq(documentHandovers.id, id)).returning();
    return row!;
  },

  async delete(db: Db, id: string) {
    await db.delete(documentHandovers).where(eq(documentHandovers.id, id));
  },

  async list(db: Db, q: { servicePointId?: string; agencyId?: string; statuses?: HandoverRow['status'][]; bookingId?: string; since?: Date; limit: number }) {
    const where: SQL[] = [];
    if (q.servicePointId) where.push(eq(documentHandovers.servicePointId, q.servicePointId));
    if (q.agencyId) where.push(eq(documentHandovers.agencyId, q.agencyId));
    if (q.statuses) where.push(inArray(documentHandovers.status, q.statuses));
    if (q.bookingId) where.push(eq(documentHandovers.bookingId, q.bookingId));
    if (q.since) where.push(gt(documentHandovers.sentAt, q.since));
    return db
      .select()
      .from(documentHandovers)
      .where(and(...where))
      .orderBy(desc(documentHandovers.createdAt))
      .limit(q.limit);
  },

  /** The customer's name: a walk-in's from the handover, a booking's from the booking. */
  async customerOf(db: Db, h: HandoverRow): Promise<{ name: string | null; email: string | null; bookingReference: string | null }> {
    if (!h.bookingId) return { name: h.customerName, email: null, bookingReference: null };
    const [b] = await db
      .select({ name: bookings.customerName, email: bookings.customerEmail, reference: bookings.reference })
      .from(bookings)
      .where(eq(bookings.id, h.bookingId))
      .limit(1);
    return { name: h.status === 'purged' ? null : (b?.name ?? null), email: b?.email ?? null, bookingReference: b?.reference ?? null };
  },

  async customerNames(db: Db, bookingIds: string[]): Promise<Map<string, string>> {
    if (bookingIds.length === 0) return new Map();
    const rows = await db.select({ id: bookings.id, name: bookings.customerName }).from(bookings).where(inArray(bookings.id, bookingIds));
    return new Map(rows.map((r) => [r.id, r.name ?? '']));
  },

  /** Where and for whom, for the receipt. */
  async places(db: Db, h: HandoverRow) {
    const [point] = await db.select().from(servicePoints).where(eq(servicePoints.id, h.servicePointId)).limit(1);
    const [agency] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, h.agencyId)).limit(1);
    const room = h.roomId ? (await db.select({ name: rooms.name }).from(rooms).where(eq(rooms.id, h.roomId)).limit(1))[0] : undefined;
    return { point: point!, agency: agency!, room };
  },

  async agencyExists(db: Db, agencyId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, agencyId), eq(organisations.kind, 'principal')))
      .limit(1);
    return !!row;
  },

  async roomOfPoint(db: Db, roomId: string, servicePointId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.id, roomId), eq(rooms.servicePointId, servicePointId)))
      .limit(1);
    return !!row;
  },

  async booking(db: Db, id: string) {
    const [row] = await db.select().from(bookings).where(eq(bookings.id, id)).limit(1);
    return row;
  },

  /** The booking being served in a room now (checked in or in a meeting, within its time give or take). */
  async currentBookingInRoom(db: Db, roomId: string, now: Date) {
    const [row] = await db
      .select()
      .from(bookings)
      .where(
        and(
          eq(bookings.roomId, roomId),
          inArray(bookings.status, ['checked-in', 'in-meeting']),
          lte(bookings.startsAt, new Date(now.getTime() + 15 * 60_000)),
          gt(bookings.endsAt, new Date(now.getTime() - 30 * 60_000)),
        ),
      )
      .orderBy(desc(bookings.startsAt))
      .limit(1);
    return row;
  },

  /** The booking's open handover captured by the terminal, which further captures extend. */
  async openTerminalHandover(db: Db, bookingId: string) {
    const [row] = await db
      .select()
      .from(documentHandovers)
      .where(and(eq(documentHandovers.bookingId, bookingId), eq(documentHandovers.source, 'terminal'), inArray(documentHandovers.status, ['draft', 'sent'])))
      .orderBy(desc(documentHandovers.createdAt))
      .limit(1)
      .for('update');
    return row;
  },

  /** Handovers whose content is due to go: past their purge time and not yet purged. */
  async duePurge(db: Db, now: Date, limit: number): Promise<string[]> {
    const rows = await db
      .select({ id: documentHandovers.id })
      .from(documentHandovers)
      .where(and(ne(documentHandovers.status, 'purged'), lte(documentHandovers.purgeAt, now)))
      .orderBy(asc(documentHandovers.purgeAt))
      .limit(limit);
    return rows.map((r) => r.id);
  },

  /** Sent, unacknowledged handovers purged before `until` whose agency has not been warned yet; marks them warned. */
  async claimWarnings(db: Db, until: Date, now: Date) {
    return db
      .update(documentHandovers)
      .set({ warnedAt: now })
      .where(and(eq(documentHandovers.status, 'sent'), isNull(documentHandovers.warnedAt), lte(documentHandovers.purgeAt, until)))
      .returning({ id: documentHandovers.id, agencyId: documentHandovers.agencyId, purgeAt: documentHandovers.purgeAt });
  },

  async expiringSoon(db: Db, agencyId: string, until: Date) {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int`, next: sql<Date | null>`min(${documentHandovers.purgeAt})` })
      .from(documentHandovers)
      .where(and(eq(documentHandovers.agencyId, agencyId), eq(documentHandovers.status, 'sent'), lte(documentHandovers.purgeAt, until)))
      .limit(1);
    return { count: row?.count ?? 0, next: row?.next ? new Date(row.next) : null };
  },

  async withDataKeys(db: Db, agencyId: string) {
    return db
      .select({ id: documentHandovers.id, wrappedDataKey: documentHandovers.wrappedDataKey, agencyKeyVersion: documentHandovers.agencyKeyVersion })
      .from(documentHandovers)
      .where(and(eq(documentHandovers.agencyId, agencyId), isNotNull(documentHandovers.wrappedDataKey)))
      .for('update');
  },

  async agencyAdminEmails(db: Db, agencyId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ email: users.email })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, 'agency-admin'), eq(roleAssignments.organisationId, agencyId), eq(users.active, true)));
    return rows.map((r) => r.email);
  },
};

export const pageRepository = {
  async insert(db: Db, p: typeof documentPages.$inferInsert): Promise<PageMeta> {
    const [row] = await db.insert(documentPages).values(p).returning(pageMeta);
    return row!;
  },

  async ofHandover(db: Db, handoverId: string): Promise<PageMeta[]> {
    return db.select(pageMeta).from(documentPages).where(eq(documentPages.handoverId, handoverId)).orderBy(asc(documentPages.position));
  },

  async ofHandovers(db: Db, handoverIds: string[]): Promise<PageMeta[]> {
    if (handoverIds.length === 0) return [];
    return db.select(pageMeta).from(documentPages).where(inArray(documentPages.handoverId, handoverIds)).orderBy(asc(documentPages.position));
  },

  async withContent(db: Db, handoverId: string, pageId: string): Promise<PageRow | undefined> {
    const [row] = await db
      .select()
      .from(documentPages)
      .where(and(eq(documentPages.handoverId, handoverId), eq(documentPages.id, pageId)))
      .limit(1);
    return row;
  },

  async atPosition(db: Db, handoverId: string, position: number): Promise<PageRow | undefined> {
    const [row] = await db
      .select()
      .from(documentPages)
      .where(and(eq(documentPages.handoverId, handoverId), eq(documentPages.position, position)))
      .limit(1);
    return row;
  },

  async setPosition(db: Db, pageId: string, position: number) {
    await db.update(documentPages).set({ position }).where(eq(documentPages.id, pageId));
  },

  async delete(db: Db, pageId: string) {
    await db.delete(documentPages).where(eq(documentPages.id, pageId));
  },

  async deleteOfHandover(db: Db, handoverId: string): Promise<number> {
    const rows = await db.delete(documentPages).where(eq(documentPages.handoverId, handoverId)).returning({ id: documentPages.id });
    return rows.length;
  },

  /** Ciphertext bytes still stored for a handover (tests and the purge check). */
  async storedBytes(db: Db, handoverId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`coalesce(sum(octet_length(${documentPages.ciphertext})), 0)::int` })
      .from(documentPages)
      .where(eq(documentPages.handoverId, handoverId));
    return row?.n ?? 0;
  },
};
