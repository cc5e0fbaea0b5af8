import { and, asc, desc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { bookings, identityChecks, incidents, users } from '../../db/schema/index.js';

export type IdentityCheckRow = typeof identityChecks.$inferSelect;
export type IncidentRow = typeof incidents.$inferSelect;
export type IdentityCheckRecord = {
  check: IdentityCheckRow;
  requestedByName: string;
  acknowledgedByName: string | null;
  completedByName: string | null;
  /** The booking's time, so every alert can say which appointment it is about. */
  bookingStartsAt: Date;
  bookingEndsAt: Date;
};
export type IncidentRecord = { incident: IncidentRow; reportedByName: string; resolvedByName: string | null };

const requester = alias(users, 'requester');
const acknowledger = alias(users, 'acknowledger');
const completer = alias(users, 'completer');
const reporter = alias(users, 'reporter');
const resolver = alias(users, 'resolver');

const OPEN_CHECK = ['requested', 'acknowledged'] as const;

function selectChecks(db: Db) {
  return db
    .select({
      check: identityChecks,
      requestedByName: requester.name,
      acknowledgedByName: acknowledger.name,
      completedByName: completer.name,
      bookingStartsAt: bookings.startsAt,
      bookingEndsAt: bookings.endsAt,
    })
    .from(identityChecks)
    .innerJoin(bookings, eq(bookings.id, identityChecks.bookingId))
    .innerJoin(requester, eq(requester.id, identityChecks.requestedBy))
    .leftJoin(acknowledger, eq(acknowledger.id, identityChecks.acknowledgedBy))
    .leftJoin(completer, eq(completer.id, identityChecks.completedBy));
}

function selectIncidents(db: Db) {
  return db
    .select({ incident: incidents, reportedByName: reporter.name, resolvedByName: resolver.name })
    .from(incidents)
    .innerJoin(reporter, eq(reporter.id, incidents.reportedBy))
    .leftJoin(resolver, eq(resolver.id, incidents.resolvedBy));
}

export const identityCheckRepository = {
  /** Opens a check unless the booking already has an open one: then undefined. */
  async insertOpen(db: Db, c: typeof identityChecks.$inferInsert): Promise<IdentityCheckRow | undefined> {
    const [row] = await db
      .insert(identityChecks)
      .values(c)
      .onConflictDoNothing({ target: identityChecks.bookingId, where: sql`status IN ('requested', 'acknowledged')` })
      .returning();
    return row;
  },

  async openOfBooking(db: Db, bookingId: string): Promise<IdentityCheckRow | undefined> {
    const [row] = await db
      .select()
      .from(identityChecks)
      .where(and(eq(identityChecks.bookingId, bookingId), inArray(identityChecks.status, [...OPEN_CHECK])))
      .limit(1);
    return row;
  },

  async byId(db: Db, id: string): Promise<IdentityCheckRecord | undefined> {
    const [row] = await selectChecks(db).where(eq(identityChecks.id, id)).limit(1);
    return row;
  },

  async ofBooking(db: Db, bookingId: string): Promise<IdentityCheckRecord[]> {
    return selectChecks(db).where(eq(identityChecks.bookingId, bookingId)).orderBy(asc(identityChecks.requestedAt));
  },

  /** Open checks at the point, optionally only those of some agencies. */
  async openAtPoint(db: Db, servicePointId: string, agencyIds?: string[]): Promise<IdentityCheckRecord[]> {
    if (agencyIds?.length === 0) return [];
    const where: SQL[] = [eq(identityChecks.servicePointId, servicePointId), inArray(identityChecks.status, [...OPEN_CHECK])];
    if (agencyIds) where.push(inArray(identityChecks.agencyId, agencyIds));
    return selectChecks(db)
      .where(and(...where))
      .orderBy(asc(identityChecks.requestedAt))
      .limit(200);
  },

  /** Applies a transition only from the given statuses, so concurrent advisors cannot both take it. */
  async transition(db: Db, id: string, from: readonly IdentityCheckRow['status'][], patch: Partial<typeof identityChecks.$inferInsert>) {
    const [row] = await db
      .update(identityChecks)
      .set(patch)
      .where(and(eq(identityChecks.id, id), inArray(identityChecks.status, [...from])))
      .returning();
    return row;
  },

  async claimRepeats(db: Db, before: Date, now: Date) {
    return db
      .update(identityChecks)
      .set({ alertCount: sql`${identityChecks.alertCount} + 1`, lastAlertAt: now })
      .where(and(eq(identityChecks.status, 'requested'), lte(identityChecks.lastAlertAt, before)))
      .returning({ id: identityChecks.id, servicePointId: identityChecks.servicePointId, agencyId: identityChecks.agencyId });
  },

  async claimEscalations(db: Db, requestedBefore: Date, now: Date) {
    return db
      .update(identityChecks)
      .set({ escalatedAt: now })
      .where(and(eq(identityChecks.status, 'requested'), isNull(identityChecks.escalatedAt), lte(identityChecks.requestedAt, requestedBefore)))
      .returning({ id: identityChecks.id, servicePointId: identityChecks.servicePointId, agencyId: identityChecks.agencyId });
  },
};

export const incidentRepository = {
  async insert(db: Db, i: typeof incidents.$inferInsert): Promise<IncidentRow> {
    const [row] = await db.insert(incidents).values(i).returning();
    return row!;
  },

  async byId(db: Db, id: string): Promise<IncidentRecord | undefined> {
    const [row] = await selectIncidents(db).where(eq(incidents.id, id)).limit(1);
    return row;
  },

  async resolve(db: Db, id: string, userId: string, at: Date): Promise<IncidentRow | undefined> {
    const [row] = await db
      .update(incidents)
      .set({ status: 'resolved', resolvedBy: userId, resolvedAt: at })
      .where(and(eq(incidents.id, id), eq(incidents.status, 'open')))
      .returning();
    return row;
  },

  /**
   * Incidents at the point, newest first. `visibleTo` limits them to those of some agencies' meetings or reported
   * by one user (an expert sees its own agency's, not the whole point's).
   */
  async list(db: Db, q: { servicePointId: string; status?: IncidentRow['status']; visibleTo?: { agencyIds: string[]; userId: string }; limit?: number }) {
    const where: SQL[] = [eq(incidents.servicePointId, q.servicePointId)];
    if (q.status) where.push(eq(incidents.status, q.status));
    if (q.visibleTo) {
      const { agencyIds, userId } = q.visibleTo;
      where.push(or(eq(incidents.reportedBy, userId), ...(agencyIds.length ? [inArray(incidents.agencyId, agencyIds)] : []))!);
    }
    return selectIncidents(db)
      .where(and(...where))
      .orderBy(desc(incidents.reportedAt))
      .limit(q.limit ?? 200);
  },
};
