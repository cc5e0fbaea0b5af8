import { and, asc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookings, organisations, roleAssignments, timeEntries, timeReportMonths, timeSuggestionDismissals, users } from '../../db/schema/index.js';
import type { TimeEntryScope } from '../../auth/policy.js';
import type { SourceRef } from '../../../shared/time-reports.js';

export type TimeEntryRow = typeof timeEntries.$inferSelect;
export type NewTimeEntry = typeof timeEntries.$inferInsert;
export type MonthRow = typeof timeReportMonths.$inferSelect;

/** Entries, months and dismissed suggestions: the only path to the time-report tables. */
export const timeRepository = {
  async insert(db: Db, row: NewTimeEntry) {
    const [created] = await db.insert(timeEntries).values(row).returning();
    return created!;
  },

  async byId(db: Db, id: string, forUpdate = false) {
    const q = db.select().from(timeEntries).where(eq(timeEntries.id, id));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },

  async update(db: Db, id: string, patch: Partial<NewTimeEntry>) {
    const [row] = await db
      .update(timeEntries)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(timeEntries.id, id))
      .returning();
    return row!;
  },

  async remove(db: Db, id: string) {
    await db.delete(timeEntries).where(eq(timeEntries.id, id));
  },

  /** Entries in [from, to] that the scope allows, filtered further by user and point. */
  async list(db: Db, q: { from: string; to: string; scope: TimeEntryScope; userId?: string; servicePointIds?: string[] }) {
    const conditions: (SQL | undefined)[] = [gte(timeEntries.date, q.from), lte(timeEntries.date, q.to)];
    if (!q.scope.all) {
      const s = q.scope;
      conditions.push(
        or(
          s.userId ? eq(timeEntries.userId, s.userId) : undefined,
          s.servicePointIds.length ? inArray(timeEntries.servicePointId, s.servicePointIds) : undefined,
          s.agencyIds.length ? inArray(timeEntries.agencyId, s.agencyIds) : undefined,
          sql`false`,
        ),
      );
    }
    if (q.userId) conditions.push(eq(timeEntries.userId, q.userId));
    if (q.servicePointIds) conditions.push(q.servicePointIds.length ? inArray(timeEntries.servicePointId, q.servicePointIds) : sql`false`);
    return db
      .select()
      .from(timeEntries)
      .where(and(...conditions))
      .orderBy(asc(timeEntries.date), asc(timeEntries.createdAt));
  },

  /** The sum of an entry and its adjustments so far. */
  async adjustedTotal(db: Db, entryId: string) {
    const [row] = await db
      .select({ total: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)::int` })
      .from(timeEntries)
      .where(or(eq(timeEntries.id, entryId), eq(timeEntries.adjustsEntryId, entryId)));
    return row?.total ?? 0;
  },

  async sourcesTaken(db: Db, refs: SourceRef[]) {
    if (refs.length === 0) return new Set<string>();
    const ids = refs.map((r) => r.id);
    const [taken, dismissed] = await Promise.all([
      db.select({ kind: timeEntries.sourceKind, id: timeEntries.sourceId }).from(timeEntries).where(inArray(timeEntries.sourceId, ids)),
      db.select({ kind: timeSuggestionDismissals.sourceKind, id: timeSuggestionDismissals.sourceId }).from(timeSuggestionDismissals).where(inArray(timeSuggestionDismissals.sourceId, ids)),
    ]);
    return new Set([...taken, ...dismissed].map((r) => `${r.kind}:${r.id}`));
  },

  async dismiss(db: Db, ref: SourceRef, userId: string) {
    const rows = await db.insert(timeSuggestionDismissals).values({ sourceKind: ref.kind, sourceId: ref.id, userId }).onConflictDoNothing().returning();
    return rows.length > 0;
  },

  /** The month's row, created open when missing, locked for the rest of the transaction (serialises close and edits). */
  async lockMonth(db: Db, servicePointId: string, month: string): Promise<MonthRow> {
    await db.insert(timeReportMonths).values({ servicePointId, month }).onConflictDoNothing();
    const [row] = await db
      .select()
      .from(timeReportMonths)
      .where(and(eq(timeReportMonths.servicePointId, servicePointId), eq(timeReportMonths.month, month)))
      .for('update');
    return row!;
  },

  async month(db: Db, servicePointId: string, month: string) {
    const [row] = await db
      .select()
      .from(timeReportMonths)
      .where(and(eq(timeReportMonths.servicePointId, servicePointId), eq(timeReportMonths.month, month)));
    return row;
  },

  /** Month states of the points for the months given (missing: open). */
  async months(db: Db, servicePointIds: string[], months: string[]) {
    if (servicePointIds.length === 0 || months.length === 0) return [];
    return db
      .select()
      .from(timeReportMonths)
      .where(and(inArray(timeReportMonths.servicePointId, servicePointIds), inArray(timeReportMonths.month, months)));
  },

  async setMonth(db: Db, servicePointId: string, month: string, patch: Partial<MonthRow>) {
    const [row] = await db
      .update(timeReportMonths)
      .set(patch)
      .where(and(eq(timeReportMonths.servicePointId, servicePointId), eq(timeReportMonths.month, month)))
      .returning();
    return row!;
  },

  /** Customers' names of the point's bookings in [start, end): a note must not name any of them. */
  async customerNames(db: Db, servicePointId: string, start: Date, end: Date) {
    const rows = await db
      .selectDistinct({ name: bookings.customerName })
      .from(bookings)
      .where(and(eq(bookings.servicePointId, servicePointId), gte(bookings.startsAt, start), lt(bookings.startsAt, end)));
    return rows.map((r) => r.name);
  },

  async isAgency(db: Db, id: string) {
    const [row] = await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, id));
    return row?.kind === 'principal';
  },

  async userNames(db: Db, ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async agencyNames(db: Db, ids: string[]) {
    if (ids.length === 0) return new Map<string, { fi: string; sv: string; en: string }>();
    const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /** The advisors of a point (by their role there). */
  async advisorsAt(db: Db, servicePointId: string) {
    return db
      .selectDistinct({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(eq(roleAssignments.role, 'advisor'), eq(roleAssignments.servicePointId, servicePointId)))
      .orderBy(asc(users.name));
  },
};
