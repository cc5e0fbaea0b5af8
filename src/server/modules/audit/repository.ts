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
    await this.appendQuery(db, event);
  },

  /** The append as a statement not yet run, for a write that sends its rows in one statement (a CTE). */
  appendQuery(db: Db, event: NewAuditEvent) {
    return db.insert(auditEvents).values({ ...event, details: event.details ?? {} });
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

/** Seals up to `batch` committed unsealed rows (one sealer at a time in the whole database); how many it sealed. */
export async function sealAuditEvents(db: Db, batch = 1000): Promise<number> {
  const result = await db.execute(sql`SELECT audit_events_seal(${batch}::int) AS n`);
  return Number((result as unknown as { rows: { n: number | string }[] }).rows[0]!.n);
}

/**
 * Recomputes every sealed row's hash in the database and checks each row links to the one before it in chain order
 * (seal_seq, without gaps). Rows not sealed yet are pending: written moments ago, or by a process that stopped
 * before its sealer ran; the next sealer takes them.
 */
export async function verifyAuditChain(db: Db): Promise<{ ok: boolean; checked: number; pending: number; firstBrokenId?: number }> {
  const result = await db.execute(sql`
    WITH chain AS (
      SELECT id, seal_seq, hash, prev_hash, lag(hash) OVER w AS previous, lag(seal_seq) OVER w AS previous_seq,
        encode(sha256(convert_to(audit_event_payload(id, at, actor_type, actor_id, action, outcome, target_type,
          target_id, organisation_id, details, prev_hash), 'UTF8')), 'hex') AS expected
      FROM audit_events WHERE seal_seq IS NOT NULL
      WINDOW w AS (ORDER BY seal_seq))
    SELECT count(*)::int AS checked,
      (array_agg(id ORDER BY seal_seq) FILTER (WHERE hash IS DISTINCT FROM expected OR prev_hash IS DISTINCT FROM previous
        OR seal_seq <> coalesce(previous_seq, 0) + 1))[1] AS first_broken,
      (SELECT count(*)::int FROM audit_events WHERE seal_seq IS NULL) AS pending
    FROM chain`);
  const row = (result as unknown as { rows: { checked: number; pending: number; first_broken: string | number | null }[] }).rows[0]!;
  const firstBrokenId = row.first_broken === null ? undefined : Number(row.first_broken);
  return { ok: firstBrokenId === undefined, checked: Number(row.checked), pending: Number(row.pending), ...(firstBrokenId === undefined ? {} : { firstBrokenId }) };
}
