import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';

export type NewAuditEvent = {
  actorType: string;
  actorId?: string;
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string;
  organisationId?: string;
  ip?: string;
  details?: Record<string, unknown>;
};

export const auditRepository = {
  async append(db: Db, event: NewAuditEvent): Promise<void> {
    await db.insert(auditEvents).values({ ...event, details: event.details ?? {} });
  },

  async list(db: Db, q: { from?: Date; to?: Date; action?: string; beforeId?: number; limit: number }) {
    const where: SQL[] = [];
    if (q.from) where.push(gte(auditEvents.at, q.from));
    if (q.to) where.push(lte(auditEvents.at, q.to));
    if (q.action) where.push(eq(auditEvents.action, q.action));
    if (q.beforeId) where.push(lt(auditEvents.id, q.beforeId));
    return db
      .select()
      .from(auditEvents)
      .where(and(...where))
      .orderBy(desc(auditEvents.id))
      .limit(q.limit);
  },

  /** Rows in chain order with the payload the database hashes, for verification. */
  async chainPage(db: Db, afterId: number, limit: number) {
    return db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(limit);
  },
};

/** Recomputes every row's hash in the database and checks each row links to the one before it. */
export async function verifyAuditChain(db: Db): Promise<{ ok: boolean; checked: number; firstBrokenId?: number }> {
  const result = await db.execute(sql`
    WITH chain AS (
      SELECT id, hash, prev_hash, lag(hash) OVER (ORDER BY id) AS previous,
        encode(sha256(convert_to(audit_event_payload(id, at, actor_type, actor_id, action, outcome, target_type,
          target_id, organisation_id, details, prev_hash), 'UTF8')), 'hex') AS expected
      FROM audit_events)
    SELECT count(*)::int AS checked,
      min(id) FILTER (WHERE hash IS DISTINCT FROM expected OR prev_hash IS DISTINCT FROM previous) AS first_broken
    FROM chain`);
  const row = (result as unknown as { rows: { checked: number; first_broken: string | number | null }[] }).rows[0]!;
  const firstBrokenId = row.first_broken === null ? undefined : Number(row.first_broken);
  return { ok: firstBrokenId === undefined, checked: Number(row.checked), firstBrokenId };
}
