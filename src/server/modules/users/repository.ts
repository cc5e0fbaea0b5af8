import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { passwordTokens, roleAssignments, users } from '../../db/schema/index.js';
import type { RoleGrant } from '../../auth/actor.js';

export type UserRow = typeof users.$inferSelect;

export const userRepository = {
  async byEmail(db: Db, email: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase())).limit(1);
    return rows[0];
  },

  async byId(db: Db, id: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0];
  },

  async list(db: Db, organisationIds?: string[]): Promise<UserRow[]> {
    if (organisationIds && organisationIds.length === 0) return [];
    return db
      .select()
      .from(users)
      .where(organisationIds ? inArray(users.organisationId, organisationIds) : undefined)
      .orderBy(users.name);
  },

  async create(db: Db, u: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await db.insert(users).values(u).returning();
    return row!;
  },

  /**
   * Active main admins other than `exceptUserId`, counted under a transaction-level advisory lock, so two admins
   * removing each other at the same moment are decided one after the other (and one of them is refused).
   */
  async otherActiveMainAdmins(db: Db, exceptUserId: string): Promise<number> {
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('etapiste.main-admins'))`);
    const [row] = await db
      .select({ n: sql<number>`count(DISTINCT ${users.id})::int` })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(eq(roleAssignments.role, 'main-admin'), eq(users.active, true), sql`${users.id} <> ${exceptUserId}`));
    return row?.n ?? 0;
  },

  async update(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow | undefined> {
    const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
    return row;
  },

  async rolesOf(db: Db, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const map = new Map<string, RoleGrant[]>();
    if (userIds.length === 0) return map;
    const rows = await db.select().from(roleAssignments).where(inArray(roleAssignments.userId, userIds));
    for (const r of rows) {
      const list = map.get(r.userId) ?? [];
      list.push({ role: r.role, organisationId: r.organisationId, servicePointId: r.servicePointId ?? undefined });
      map.set(r.userId, list);
    }
    return map;
  },

  async replaceRoles(db: Db, userId: string, roles: RoleGrant[]) {
    await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
    if (roles.length > 0) {
      await db.insert(roleAssignments).values(roles.map((r) => ({ userId, role: r.role, organisationId: r.organisationId, servicePointId: r.servicePointId ?? null })));
    }
  },

  async createPasswordToken(db: Db, t: { tokenHash: string; userId: string; expiresAt: Date }) {
    await db.insert(passwordTokens).values(t);
  },

  async findUsablePasswordToken(db: Db, tokenHash: string, now: Date) {
    const rows = await db
      .select({ token: passwordTokens, user: users })
      .from(passwordTokens)
      .innerJoin(users, eq(users.id, passwordTokens.userId))
      .where(and(eq(passwordTokens.tokenHash, tokenHash), gt(passwordTokens.expiresAt, now), isNull(passwordTokens.usedAt)))
      .limit(1);
    return rows[0];
  },

  /** Marks the token used; false when another request used it first. */
  async consumePasswordToken(db: Db, tokenHash: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt)))
      .returning({ tokenHash: passwordTokens.tokenHash });
    return rows.length === 1;
  },

  async invalidatePasswordTokens(db: Db, userId: string, now: Date) {
    await db.update(passwordTokens).set({ usedAt: now }).where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
  },
};
