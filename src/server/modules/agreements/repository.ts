import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agreementDocuments,
  agreementDuties,
  agreementTerminations,
  agreementVersions,
  agreements,
  auditEvents,
  bookings,
  organisations,
  roleAssignments,
  servicePoints,
  users,
} from '../../db/schema/index.js';
import type { AgreementRecord, AgreementVersion } from './terms.js';
import { readTogether } from '../../db/concurrent.js';

export type DutyRow = typeof agreementDuties.$inferSelect;
export type NewDuty = typeof agreementDuties.$inferInsert;

export const agreementRepository = {
  /** Whole agreements (versions oldest first, terminations), in creation order. */
  async load(db: Db, ids?: string[]): Promise<AgreementRecord[]> {
    if (ids && ids.length === 0) return [];
    const heads = await db
      .select()
      .from(agreements)
      .where(ids ? inArray(agreements.id, ids) : undefined)
      .orderBy(asc(agreements.createdAt));
    if (heads.length === 0) return [];
    const headIds = heads.map((h) => h.id);
    const [versions, terminations] = await readTogether(db, [
      () => db.select().from(agreementVersions).where(inArray(agreementVersions.agreementId, headIds)).orderBy(asc(agreementVersions.version)),
      () => db.select().from(agreementTerminations).where(inArray(agreementTerminations.agreementId, headIds)).orderBy(asc(agreementTerminations.endedAt)),
    ]);
    return heads.map((h) => ({
      id: h.id,
      contractorId: h.contractorId,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
      versions: versions.filter((v) => v.agreementId === h.id),
      terminations: terminations.filter((t) => t.agreementId === h.id),
    }));
  },

  /** Agreements any version of which names the service point. */
  async idsAtPoint(db: Db, servicePointId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ id: agreementVersions.agreementId })
      .from(agreementVersions)
      .where(sql`${servicePointId}::uuid = any(${agreementVersions.servicePointIds})`);
    return rows.map((r) => r.id);
  },

  /** Locks the agreement for a change, so two amendments get consecutive version numbers one after the other. */
  async lock(db: Db, id: string) {
    const [row] = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, id)).for('update');
    return row;
  },

  async insert(db: Db, contractorId: string, createdBy: string) {
    const [row] = await db.insert(agreements).values({ contractorId, createdBy }).returning();
    return row!;
  },

  async touch(db: Db, id: string, at: Date) {
    await db.update(agreements).set({ updatedAt: at }).where(eq(agreements.id, id));
  },

  async insertVersion(db: Db, agreementId: string, v: Omit<AgreementVersion, 'createdAt'>) {
    await db.insert(agreementVersions).values({ agreementId, ...v });
  },

  async insertTermination(db: Db, row: typeof agreementTerminations.$inferInsert) {
    const [t] = await db.insert(agreementTerminations).values(row).returning();
    return t!;
  },

  async organisationKinds(db: Db, ids: string[]) {
    const rows = await db.select({ id: organisations.id, kind: organisations.kind, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
    return new Map(rows.map((r) => [r.id, r]));
  },

  async pointOwners(db: Db, ids: string[]) {
    const rows = await db.select({ id: servicePoints.id, organisationId: servicePoints.organisationId }).from(servicePoints).where(inArray(servicePoints.id, ids));
    return new Map(rows.map((r) => [r.id, r.organisationId]));
  },

  async names(db: Db, userIds: string[]) {
    if (userIds.length === 0) return new Map<string, string>();
    const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  // Duties (§13).
  async duties(db: Db, agreementIds?: string[]): Promise<DutyRow[]> {
    if (agreementIds?.length === 0) return [];
    return db
      .select()
      .from(agreementDuties)
      .where(agreementIds ? inArray(agreementDuties.agreementId, agreementIds) : undefined).orderBy(asc(agreementDuties.dueOn), asc(agreementDuties.kind));
  },

  async duty(db: Db, agreementId: string, dutyId: string) {
    const [row] = await db
      .select()
      .from(agreementDuties)
      .where(and(eq(agreementDuties.id, dutyId), eq(agreementDuties.agreementId, agreementId)))
      .for('update');
    return row;
  },

  /** Adds a duty, or moves the due date of the same pending one (a changed end date moves the end notification). */
  async upsertDuty(db: Db, d: NewDuty) {
    await db
      .insert(agreementDuties)
      .values(d)
      .onConflictDoUpdate({
        target: [agreementDuties.agreementId, agreementDuties.kind, agreementDuties.subject],
        set: { dueOn: d.dueOn, version: d.version, trigger: d.trigger },
        setWhere: isNull(agreementDuties.doneOn),
      });
  },

  async completeDuty(db: Db, id: string, doneOn: string, note: string | null, doneBy: string) {
    await db.update(agreementDuties).set({ doneOn, note, doneBy }).where(eq(agreementDuties.id, id));
  },

  /** Overdue duties nobody has been reminded of yet. */
  async overdueUnreminded(db: Db, today: string) {
    return db
      .select()
      .from(agreementDuties)
      .where(and(isNull(agreementDuties.doneOn), lt(agreementDuties.dueOn, today), isNull(agreementDuties.remindedAt)));
  },

  async markReminded(db: Db, ids: string[], at: Date) {
    if (ids.length) await db.update(agreementDuties).set({ remindedAt: at }).where(inArray(agreementDuties.id, ids));
  },

  /** E-mail addresses of the active main admins and of the point managers of the given points. */
  async dutyRecipients(db: Db, servicePointIds: string[]) {
    const rows = await db
      .selectDistinct({ email: users.email })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(
        and(
          eq(users.active, true),
          sql`(${roleAssignments.role} = 'main-admin' or (${roleAssignments.role} = 'point-manager' and ${roleAssignments.servicePointId} = any(${sql.param(servicePointIds)}::uuid[])))`,
        ),
      );
    return rows.map((r) => r.email);
  },

  // The signed PDF.
  async document(db: Db, agreementId: string) {
    const [row] = await db.select().from(agreementDocuments).where(eq(agreementDocuments.agreementId, agreementId));
    return row;
  },

  async documentMeta(db: Db, agreementIds: string[]) {
    if (agreementIds.length === 0) return new Map<string, { filename: string; sizeBytes: number; uploadedAt: Date }>();
    const rows = await db
      .select({ agreementId: agreementDocuments.agreementId, filename: agreementDocuments.filename, sizeBytes: agreementDocuments.sizeBytes, uploadedAt: agreementDocuments.uploadedAt })
      .from(agreementDocuments)
      .where(inArray(agreementDocuments.agreementId, agreementIds));
    return new Map(rows.map((r) => [r.agreementId, r]));
  },

  async saveDocument(db: Db, row: typeof agreementDocuments.$inferInsert) {
    await db
      .insert(agreementDocuments)
      .values(row)
      .onConflictDoUpdate({
        target: agreementDocuments.agreementId,
        set: { filename: row.filename, content: row.content, sizeBytes: row.sizeBytes, sha256: row.sha256, uploadedBy: row.uploadedBy, uploadedAt: row.uploadedAt },
      });
  },

  /** The agreement's history as the audit log recorded it: who changed what and when. */
  async history(db: Db, agreementId: string) {
    return db
      .select({ at: auditEvents.at, action: auditEvents.action, actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, 'agreement'), eq(auditEvents.targetId, agreementId)))
      .orderBy(desc(auditEvents.id));
  },

  /** Active bookings from now on at a point or of an agency: checked against the agreements by the caller. */
  async upcomingBookings(db: Db, q: { servicePointId?: string; agencyId?: string; from: Date }) {
    return db
      .select({
        id: bookings.id,
        reference: bookings.reference,
        servicePointId: bookings.servicePointId,
        agencyId: bookings.agencyId,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        status: bookings.status,
      })
      .from(bookings)
      .where(
        and(
          q.servicePointId ? eq(bookings.servicePointId, q.servicePointId) : undefined,
          q.agencyId ? eq(bookings.agencyId, q.agencyId) : undefined,
          gte(bookings.startsAt, q.from),
          inArray(bookings.status, ['booked', 'checked-in']),
        ),
      )
      .orderBy(asc(bookings.startsAt))
      .limit(1000);
  },
};
