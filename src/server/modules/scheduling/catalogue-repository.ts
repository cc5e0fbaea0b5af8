import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { closures, interpreters, services, workingExceptions, workingHours } from '../../db/schema/index.js';
import type { ResourceKind } from './repository.js';
import { readTogether } from '../../db/concurrent.js';

/** Writes and listings of what can be booked: services, interpreters, working hours, closures. */
export const catalogueRepository = {
  listServices(db: Db, q: { agencyId?: string; includeInactive: boolean }) {
    const where = [];
    if (q.agencyId) where.push(eq(services.agencyId, q.agencyId));
    if (!q.includeInactive) where.push(eq(services.active, true));
    return db.select().from(services).where(and(...where)).orderBy(asc(services.agencyId), asc(services.createdAt));
  },
  async serviceById(db: Db, id: string) {
    const [row] = await db.select().from(services).where(eq(services.id, id)).limit(1);
    return row;
  },
  async insertService(db: Db, s: typeof services.$inferInsert) {
    const [row] = await db.insert(services).values(s).returning();
    return row!;
  },
  async updateService(db: Db, id: string, patch: Partial<typeof services.$inferInsert>) {
    const [row] = await db.update(services).set(patch).where(eq(services.id, id)).returning();
    return row!;
  },

  listInterpreters(db: Db) {
    return db.select().from(interpreters).orderBy(asc(interpreters.name));
  },
  async interpreterById(db: Db, id: string) {
    const [row] = await db.select().from(interpreters).where(eq(interpreters.id, id)).limit(1);
    return row;
  },
  async insertInterpreter(db: Db, i: typeof interpreters.$inferInsert) {
    const [row] = await db.insert(interpreters).values(i).returning();
    return row!;
  },
  async updateInterpreter(db: Db, id: string, patch: Partial<typeof interpreters.$inferInsert>) {
    const [row] = await db.update(interpreters).set(patch).where(eq(interpreters.id, id)).returning();
    return row!;
  },

  async workingHoursOf(db: Db, kind: ResourceKind, id: string) {
    const [weekly, exceptions] = await readTogether(db, [
      () => db.select().from(workingHours).where(and(eq(workingHours.resourceKind, kind), eq(workingHours.resourceId, id))).orderBy(asc(workingHours.weekday), asc(workingHours.starts)),
      () => db.select().from(workingExceptions).where(and(eq(workingExceptions.resourceKind, kind), eq(workingExceptions.resourceId, id))).orderBy(asc(workingExceptions.day)),
    ]);
    return { weekly, exceptions };
  },
  /** Replaces the whole pattern and the exceptions of one resource. */
  async replaceWorkingHours(
    db: Db,
    kind: ResourceKind,
    id: string,
    weekly: { weekday: number; starts: string; ends: string }[],
    exceptions: { day: string; starts?: string; ends?: string; reason?: string }[],
  ) {
    await db.delete(workingHours).where(and(eq(workingHours.resourceKind, kind), eq(workingHours.resourceId, id)));
    await db.delete(workingExceptions).where(and(eq(workingExceptions.resourceKind, kind), eq(workingExceptions.resourceId, id)));
    if (weekly.length) await db.insert(workingHours).values(weekly.map((w) => ({ ...w, resourceKind: kind, resourceId: id })));
    if (exceptions.length) {
      await db.insert(workingExceptions).values(
        exceptions.map((e) => ({ resourceKind: kind, resourceId: id, day: e.day, starts: e.starts ?? null, ends: e.ends ?? null, reason: e.reason ?? null })),
      );
    }
  },
  /** Sets the same weekly pattern for many resources at once (seeding). */
  async addWeeklyHours(db: Db, kind: ResourceKind, ids: string[], weekly: { weekday: number; starts: string; ends: string }[]) {
    if (ids.length && weekly.length) await db.insert(workingHours).values(ids.flatMap((id) => weekly.map((w) => ({ ...w, resourceKind: kind, resourceId: id }))));
  },

  listClosures(db: Db, servicePointIds: string[]) {
    if (servicePointIds.length === 0) return Promise.resolve([]);
    return db.select().from(closures).where(inArray(closures.servicePointId, servicePointIds)).orderBy(asc(closures.startsOn));
  },
  async closureById(db: Db, id: string) {
    const [row] = await db.select().from(closures).where(eq(closures.id, id)).limit(1);
    return row;
  },
  async insertClosure(db: Db, c: typeof closures.$inferInsert) {
    const [row] = await db.insert(closures).values(c).returning();
    return row!;
  },
  async deleteClosure(db: Db, id: string) {
    await db.delete(closures).where(eq(closures.id, id));
  },
};
