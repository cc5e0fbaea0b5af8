import { and, asc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PersonCriteria } from '../../../shared/privacy.js';
import type { Db } from '../../db/client.js';
import { CUSTOMER_CANCELLED } from '../public-booking/change-managed-booking.js';
import {
  agencyPrivacy,
  bookings,
  customerMessages,
  documentHandovers,
  identityChecks,
  organisations,
  publicBookingLinks,
  servicePoints,
  services,
  walkIns,
} from '../../db/schema/index.js';

export type AgencyPrivacyRow = typeof agencyPrivacy.$inferSelect;

/** A name compared whole: trimmed, inner white space collapsed, lower case. */
const normalisedName = (column: AnyPgColumn) => sql`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The bookings of one agency whose customer matches any of the criteria (and still has data). */
function bookingMatch(agencyId: string, p: PersonCriteria): SQL {
  const any: SQL[] = [];
  if (p.name) any.push(sql`${normalisedName(bookings.customerName)} = ${nameKey(p.name)}`);
  if (p.phone) any.push(eq(bookings.customerPhone, p.phone));
  if (p.email) any.push(sql`lower(${bookings.customerEmail}) = ${p.email.toLowerCase()}`);
  return and(eq(bookings.agencyId, agencyId), isNull(bookings.customerDataRemovedAt), or(...any))!;
}

export const privacyRepository = {
  async settings(db: Db, agencyId: string): Promise<AgencyPrivacyRow | undefined> {
    const [row] = await db.select().from(agencyPrivacy).where(eq(agencyPrivacy.agencyId, agencyId)).limit(1);
    return row;
  },

  async saveSettings(db: Db, row: typeof agencyPrivacy.$inferInsert) {
    const { agencyId: _agencyId, ...rest } = row;
    await db
      .insert(agencyPrivacy)
      .values(row)
      .onConflictDoUpdate({ target: agencyPrivacy.agencyId, set: { ...rest, updatedAt: new Date() } });
  },

  async agency(db: Db, id: string) {
    const [row] = await db.select({ id: organisations.id, kind: organisations.kind, name: organisations.name }).from(organisations).where(eq(organisations.id, id)).limit(1);
    return row;
  },

  /** Agencies that set their own retention (the others use the default). */
  async retentionOverrides(db: Db): Promise<Map<string, number>> {
    const rows = await db.select({ agencyId: agencyPrivacy.agencyId, days: agencyPrivacy.retentionDays }).from(agencyPrivacy);
    return new Map(rows.filter((r) => r.days !== null).map((r) => [r.agencyId, r.days!]));
  },

  /** Bookings of the agencies (or of every agency but `except`) that ended before the cut-off and still hold data. */
  async dueBookings(db: Db, scope: { agencyIds?: string[]; exceptAgencyIds?: string[] }, cutoff: Date, limit: number) {
    const where: SQL[] = [isNull(bookings.customerDataRemovedAt), lt(bookings.endsAt, cutoff)];
    if (scope.agencyIds) where.push(inArray(bookings.agencyId, scope.agencyIds));
    if (scope.exceptAgencyIds?.length) where.push(sql`${bookings.agencyId} <> ALL(${sql.param(scope.exceptAgencyIds)}::uuid[])`);
    return db
      .select({ id: bookings.id, agencyId: bookings.agencyId })
      .from(bookings)
      .where(and(...where))
      .orderBy(asc(bookings.endsAt))
      .limit(limit);
  },

  /** Walk-in entries that never became a booking (waiting or cancelled), created before the cut-off. */
  async dueWalkIns(db: Db, scope: { agencyIds?: string[]; exceptAgencyIds?: string[] }, cutoff: Date, limit: number) {
    const where: SQL[] = [isNull(walkIns.customerDataRemovedAt), isNull(walkIns.bookingId), lt(walkIns.createdAt, cutoff)];
    if (scope.agencyIds) where.push(inArray(walkIns.agencyId, scope.agencyIds));
    if (scope.exceptAgencyIds?.length) where.push(sql`${walkIns.agencyId} <> ALL(${sql.param(scope.exceptAgencyIds)}::uuid[])`);
    return db.select({ id: walkIns.id, agencyId: walkIns.agencyId }).from(walkIns).where(and(...where)).limit(limit);
  },

  /**
   * Removes the customer's data from bookings: name, phone, e-mail, note and cancellation reason; with them the walk-in
   * entries that became these bookings, the identity checks' document details, the message outbox's error texts (a
   * message not yet sent is skipped: there is nobody to send it to) and an online booking's manage link. Times, agency,
   * service, channel, language and status stay for the statistics. Returns the ids actually changed.
   */
  async clearBookings(db: Db, ids: string[], now: Date) {
    if (ids.length === 0) return { bookings: [] as string[], walkIns: 0, identityChecks: 0 };
    const cleared = await db
      .update(bookings)
      .set({
        customerName: null,
        customerPhone: null,
        customerEmail: null,
        note: null,
        // The fixed marker of a cancellation by the customer online is no personal data, and the statistics count it.
        cancelReason: sql`CASE WHEN ${bookings.cancelReason} = ${CUSTOMER_CANCELLED} THEN ${bookings.cancelReason} END`,
        customerDataRemovedAt: now,
        updatedAt: now,
      })
      .where(and(inArray(bookings.id, ids), isNull(bookings.customerDataRemovedAt)))
      .returning({ id: bookings.id });
    const done = cleared.map((r) => r.id);
    if (done.length === 0) return { bookings: done, walkIns: 0, identityChecks: 0 };
    const w = await db
      .update(walkIns)
      .set({ customerName: null, customerDataRemovedAt: now })
      .where(and(inArray(walkIns.bookingId, done), isNull(walkIns.customerDataRemovedAt)))
      .returning({ id: walkIns.id });
    const c = await db
      .update(identityChecks)
      .set({ documentType: null, photoMatched: null, customerDataRemovedAt: now })
      .where(and(inArray(identityChecks.bookingId, done), isNull(identityChecks.customerDataRemovedAt)))
      .returning({ id: identityChecks.id });
    await db
      .update(customerMessages)
      .set({ error: null, status: sql`CASE WHEN ${customerMessages.status} = 'pending' THEN 'skipped' ELSE ${customerMessages.status} END` })
      .where(inArray(customerMessages.bookingId, done));
    // An online booking's manage link dies with the data it shows (and its keyed hash of the booker's address).
    await db.delete(publicBookingLinks).where(inArray(publicBookingLinks.bookingId, done));
    return { bookings: done, walkIns: w.length, identityChecks: c.length };
  },

  async clearWalkIns(db: Db, ids: string[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await db
      .update(walkIns)
      .set({ customerName: null, customerDataRemovedAt: now, status: sql`CASE WHEN ${walkIns.status} = 'waiting' THEN 'cancelled' ELSE ${walkIns.status} END` })
      .where(and(inArray(walkIns.id, ids), isNull(walkIns.customerDataRemovedAt)))
      .returning({ id: walkIns.id });
    return rows.length;
  },

  // ---- A data subject's records within one agency ----

  async personBookings(db: Db, agencyId: string, p: PersonCriteria) {
    return db
      .select({ b: bookings, service: services.name, servicePoint: servicePoints.name })
      .from(bookings)
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .innerJoin(servicePoints, eq(servicePoints.id, bookings.servicePointId))
      .where(bookingMatch(agencyId, p))
      .orderBy(asc(bookings.startsAt))
      .limit(500);
  },

  /** Walk-in entries of the agency by name (a walk-in gives no phone or e-mail). */
  async personWalkIns(db: Db, agencyId: string, p: PersonCriteria) {
    if (!p.name) return [];
    return db
      .select({ w: walkIns, service: services.name, servicePoint: servicePoints.name })
      .from(walkIns)
      .innerJoin(services, eq(services.id, walkIns.serviceId))
      .innerJoin(servicePoints, eq(servicePoints.id, walkIns.servicePointId))
      .where(and(eq(walkIns.agencyId, agencyId), isNull(walkIns.customerDataRemovedAt), sql`${normalisedName(walkIns.customerName)} = ${nameKey(p.name)}`))
      .orderBy(asc(walkIns.createdAt))
      .limit(500);
  },

  /** Handovers not yet purged: of the person's bookings, or a walk-in's by name. */
  async personDocuments(db: Db, agencyId: string, p: PersonCriteria, bookingIds: string[]) {
    const any: SQL[] = [];
    if (bookingIds.length) any.push(inArray(documentHandovers.bookingId, bookingIds));
    if (p.name) any.push(sql`${normalisedName(documentHandovers.customerName)} = ${nameKey(p.name)}`);
    if (any.length === 0) return [];
    return db
      .select()
      .from(documentHandovers)
      .where(and(eq(documentHandovers.agencyId, agencyId), sql`${documentHandovers.status} <> 'purged'`, or(...any)))
      .orderBy(asc(documentHandovers.createdAt))
      .limit(500);
  },

  async checksOf(db: Db, bookingIds: string[]) {
    if (bookingIds.length === 0) return [];
    return db.select().from(identityChecks).where(inArray(identityChecks.bookingId, bookingIds)).orderBy(asc(identityChecks.requestedAt));
  },

  async messagesOf(db: Db, bookingIds: string[]) {
    if (bookingIds.length === 0) return [];
    return db.select().from(customerMessages).where(inArray(customerMessages.bookingId, bookingIds)).orderBy(asc(customerMessages.createdAt));
  },

  /** An erasure cancels what is still ahead: with the contact data gone, nobody could be told of a change. */
  async cancelAhead(db: Db, ids: string[], now: Date) {
    if (ids.length === 0) return [];
    return db
      .update(bookings)
      .set({ status: 'cancelled', updatedAt: now, version: sql`${bookings.version} + 1` })
      .where(and(inArray(bookings.id, ids), eq(bookings.status, 'booked'), sql`${bookings.endsAt} > ${now}`))
      // Holders and start too: the availability caches drop only what the cancellation touched (bookings/events.ts).
      .returning({
        id: bookings.id,
        servicePointId: bookings.servicePointId,
        agencyId: bookings.agencyId,
        roomId: bookings.roomId,
        expertId: bookings.expertId,
        interpreterId: bookings.interpreterId,
        startsAt: bookings.startsAt,
      });
  },
};
