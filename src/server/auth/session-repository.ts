import { and, eq, lt, sql } from 'drizzle-orm';
import type { Role } from '../../shared/roles.js';
import type { Db } from '../db/client.js';
import { roleAssignments, sessions, users } from '../db/schema/index.js';

export const sessionRepository = {
  async create(db: Db, s: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(s);
  },

  /** The session, its user and the user's roles in one statement: every API request starts with it. */
  async findWithUser(db: Db, idHash: string) {
    const rows = await db
      .select({
        session: sessions,
        // Only what a request's actor needs: no password hash or MFA secret in the instance's session cache.
        user: { id: users.id, organisationId: users.organisationId, email: users.email, name: users.name, active: users.active, mfaEnabled: users.mfaEnabled },
        roles: sql<{ role: Role; organisationId: string; servicePointId: string | null }[]>`(
          select coalesce(json_agg(json_build_object('role', ${roleAssignments.role}, 'organisationId', ${roleAssignments.organisationId}, 'servicePointId', ${roleAssignments.servicePointId})), '[]'::json)
          from ${roleAssignments} where ${roleAssignments.userId} = ${users.id})`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.idHash, idHash))
      .limit(1);
    return rows[0];
  },

  async touch(db: Db, idHash: string, at: Date) {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
  },

  /** Last-seen times of many sessions in one statement (the session cache's batch); never moves one backwards. */
  async touchMany(db: Db, batch: [idHash: string, at: Date][]) {
    if (batch.length === 0) return;
    await db.execute(sql`UPDATE ${sessions} SET last_seen_at = v.at FROM unnest(${sql.param(batch.map(([id]) => id))}::text[], ${sql.param(batch.map(([, at]) => at.toISOString()))}::timestamptz[]) AS v(id, at)
      WHERE ${sessions.idHash} = v.id AND ${sessions.lastSeenAt} < v.at`);
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
