import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { openingHours, organisations, rooms, servicePoints } from '../../db/schema/index.js';

export type OrganisationRow = typeof organisations.$inferSelect;
export type ServicePointRow = typeof servicePoints.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;
export type OpeningHoursRow = typeof openingHours.$inferSelect;
type OrganisationKind = OrganisationRow['kind'];

const byFinnishName = (t: typeof organisations | typeof servicePoints | typeof rooms) => asc(sql`${t.name}->>'fi'`);

export const directoryRepository = {
  async listOrganisations(db: Db, kind?: OrganisationKind): Promise<OrganisationRow[]> {
    return db
      .select()
      .from(organisations)
      .where(kind ? eq(organisations.kind, kind) : undefined)
      .orderBy(byFinnishName(organisations));
  },

  async organisationById(db: Db, id: string): Promise<OrganisationRow | undefined> {
    const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
    return rows[0];
  },

  async createOrganisation(db: Db, o: typeof organisations.$inferInsert): Promise<OrganisationRow> {
    const [row] = await db.insert(organisations).values(o).returning();
    return row!;
  },

  async updateOrganisation(db: Db, id: string, patch: Partial<typeof organisations.$inferInsert>): Promise<OrganisationRow | undefined> {
    if (Object.keys(patch).length === 0) return directoryRepository.organisationById(db, id);
    const [row] = await db.update(organisations).set(patch).where(eq(organisations.id, id)).returning();
    return row;
  },

  async countServicePointsOf(db: Db, organisationId: string): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(servicePoints).where(eq(servicePoints.organisationId, organisationId));
    return Number(row?.n ?? 0);
  },

  async listServicePoints(db: Db, ids?: string[]): Promise<ServicePointRow[]> {
    return db
      .select()
      .from(servicePoints)
      .where(ids ? inArray(servicePoints.id, ids) : undefined)
      .orderBy(byFinnishName(servicePoints));
  },

  async servicePointById(db: Db, id: string): Promise<ServicePointRow | undefined> {
    const rows = await db.select().from(servicePoints).where(eq(servicePoints.id, id)).limit(1);
    return rows[0];
  },

  async createServicePoint(db: Db, p: typeof servicePoints.$inferInsert): Promise<ServicePointRow> {
    const [row] = await db.insert(servicePoints).values(p).returning();
    return row!;
  },

  async updateServicePoint(db: Db, id: string, patch: Partial<typeof servicePoints.$inferInsert>): Promise<ServicePointRow | undefined> {
    if (Object.keys(patch).length === 0) return directoryRepository.servicePointById(db, id);
    const [row] = await db.update(servicePoints).set(patch).where(eq(servicePoints.id, id)).returning();
    return row;
  },

  async openingHoursOf(db: Db, servicePointIds: string[]): Promise<OpeningHoursRow[]> {
    if (servicePointIds.length === 0) return [];
    return db
      .select()
      .from(openingHours)
      .where(inArray(openingHours.servicePointId, servicePointIds))
      .orderBy(openingHours.weekday, openingHours.opens);
  },

  async replaceOpeningHours(db: Db, servicePointId: string, week: { weekday: number; opens: string; closes: string }[]) {
    await db.delete(openingHours).where(eq(openingHours.servicePointId, servicePointId));
    if (week.length > 0) await db.insert(openingHours).values(week.map((h) => ({ servicePointId, ...h })));
  },

  async roomsOf(db: Db, servicePointIds: string[]): Promise<RoomRow[]> {
    if (servicePointIds.length === 0) return [];
    return db.select().from(rooms).where(inArray(rooms.servicePointId, servicePointIds)).orderBy(byFinnishName(rooms));
  },

  async roomById(db: Db, id: string): Promise<RoomRow | undefined> {
    const rows = await db.select().from(rooms).where(eq(rooms.id, id)).limit(1);
    return rows[0];
  },

  async createRoom(db: Db, r: typeof rooms.$inferInsert): Promise<RoomRow> {
    const [row] = await db.insert(rooms).values(r).returning();
    return row!;
  },

  async updateRoom(db: Db, id: string, patch: Partial<typeof rooms.$inferInsert>): Promise<RoomRow | undefined> {
    if (Object.keys(patch).length === 0) return directoryRepository.roomById(db, id);
    const [row] = await db.update(rooms).set(patch).where(eq(rooms.id, id)).returning();
    return row;
  },
};
