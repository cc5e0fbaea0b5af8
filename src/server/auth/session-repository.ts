import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { roleAssignments, sessions, users } from '../db/schema/index.js';

export const sessionRepository = {
  async create(db: Db, s: { idHash: string; userId: string; csrfToken: string; expiresAt: Date }) {
    await db.insert(sessions).values(s);
  },

  async findWithUser(db: Db, idHash: string) {
    const rows = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.idHash, idHash))
      .limit(1);
    const row = rows[0];
    if (!row) return undefined;
    const roles = await db
      .select({ role: roleAssignments.role, organisationId: roleAssignments.organisationId, servicePointId: roleAssignments.servicePointId })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, row.user.id));
    return { ...row, roles };
  },

  async touch(db: Db, idHash: string, at: Date) {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
  },

  async delete(db: Db, idHash: string) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
  },

  async deleteForUser(db: Db, userId: string) {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },

  async deleteExpired(db: Db, now: Date) {
    await db.delete(sessions).where(and(lt(sessions.expiresAt, now)));
  },
};
