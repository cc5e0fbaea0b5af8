import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** The advisory lock the sealer holds (migration 0010); retention takes it too, so the two never interleave. */
const CHAIN_LOCK = 7277001;

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export type ChainAnchor = { throughSeq: number; hash: string };

/** Where the kept chain begins: the newest retention anchor, or none while nothing has been removed. */
export async function chainAnchor(db: Db): Promise<ChainAnchor | undefined> {
  const [row] = await rows<{ through_seq: string | number; hash: string }>(db, sql`SELECT through_seq, hash FROM audit_chain_anchors ORDER BY through_seq DESC LIMIT 1`);
  return row ? { throughSeq: Number(row.through_seq), hash: row.hash } : undefined;
}

/** Seals up to `batch` committed unsealed rows (one sealer at a time in the whole database); how many it sealed. */
export async function sealAuditEvents(db: Db, batch = 1000): Promise<number> {
  const [row] = await rows<{ n: number | string }>(db, sql`SELECT audit_events_seal(${batch}::int) AS n`);
  return Number(row!.n);
}

export type ChainVerification = { ok: boolean; checked: number; pending: number; firstBrokenId?: number; anchor?: ChainAnchor };

/**
 * Recomputes every sealed row's hash in the database and checks each row links to the one before it in chain order
 * (seal_seq, without gaps), the first kept row to the retention anchor when older rows were removed. Rows not sealed
 * yet are pending: written moments ago, or by a process that stopped before its sealer ran; the next sealer takes them.
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  const anchor = await chainAnchor(db);
  const [row] = await rows<{ checked: number; pending: number; first_broken: string | number | null }>(
    db,
    sql`
    WITH chain AS (
      SELECT id, seal_seq, hash, prev_hash,
        CASE WHEN row_number() OVER w = 1 THEN ${anchor?.hash ?? null}::text ELSE lag(hash) OVER w END AS previous,
        CASE WHEN row_number() OVER w = 1 THEN ${anchor?.throughSeq ?? 0}::bigint ELSE lag(seal_seq) OVER w END AS previous_seq,
        encode(sha256(convert_to(audit_event_payload(id, at, actor_type, actor_id, action, outcome, target_type,
          target_id, organisation_id, details, prev_hash), 'UTF8')), 'hex') AS expected
      FROM audit_events WHERE seal_seq > ${anchor?.throughSeq ?? 0}::bigint
      WINDOW w AS (ORDER BY seal_seq))
    SELECT count(*)::int AS checked,
      (array_agg(id ORDER BY seal_seq) FILTER (WHERE hash IS DISTINCT FROM expected OR prev_hash IS DISTINCT FROM previous
        OR seal_seq <> previous_seq + 1))[1] AS first_broken,
      (SELECT count(*)::int FROM audit_events WHERE seal_seq IS NULL) AS pending
    FROM chain`,
  );
  const firstBrokenId = row!.first_broken === null ? undefined : Number(row!.first_broken);
  return {
    ok: firstBrokenId === undefined,
    checked: Number(row!.checked),
    pending: Number(row!.pending),
    ...(firstBrokenId === undefined ? {} : { firstBrokenId }),
    ...(anchor ? { anchor } : {}),
  };
}

/** A sealed row with the exact payload fields the database hashed. */
export type ChainRow = {
  id: number;
  sealSeq: number;
  at: string;
  actorType: string;
  actorId: string;
  action: string;
  outcome: string;
  targetType: string;
  targetId: string;
  organisationId: string;
  details: string;
  prevHash: string;
  hash: string;
};

/**
 * The sealed rows of a period as one contiguous run of the chain: from the first to the last row written in
 * [start, end), in seal order, with every row sealed between them (a row written a moment outside the period but
 * sealed inside the run stays in, so the run links from end to end).
 */
export async function chainSegment(db: Db, start: Date, end: Date): Promise<ChainRow[]> {
  const found = await rows<Record<string, string | number | null>>(
    db,
    sql`
    WITH bounds AS (
      SELECT min(seal_seq) AS first, max(seal_seq) AS last FROM audit_events
      WHERE seal_seq IS NOT NULL AND at >= ${start.toISOString()}::timestamptz AND at < ${end.toISOString()}::timestamptz)
    SELECT id, seal_seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at, actor_type,
      coalesce(actor_id, '') AS actor_id, action, outcome, coalesce(target_type, '') AS target_type,
      coalesce(target_id, '') AS target_id, coalesce(organisation_id::text, '') AS organisation_id,
      details::text AS details, coalesce(prev_hash, '') AS prev_hash, hash
    FROM audit_events, bounds WHERE seal_seq BETWEEN bounds.first AND bounds.last ORDER BY seal_seq`,
  );
  return found.map((r) => ({
    id: Number(r.id),
    sealSeq: Number(r.seal_seq),
    at: String(r.at),
    actorType: String(r.actor_type),
    actorId: String(r.actor_id),
    action: String(r.action),
    outcome: String(r.outcome),
    targetType: String(r.target_type),
    targetId: String(r.target_id),
    organisationId: String(r.organisation_id),
    details: String(r.details),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  }));
}

/**
 * Removes, for retention, the oldest sealed rows written before `cutoff`: a prefix of the chain, up to `batch` rows,
 * behind a new anchor (the last removed row's seal_seq and hash) recorded in the same transaction. Stops at the first
 * row written at or after the cut-off, so a kept row is never removed. How many rows it removed.
 */
export async function removeChainPrefix(db: Db, cutoff: Date, batch: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [last] = await rows<{ seal_seq: string | number; hash: string; n: string | number }>(
      tx,
      sql`
      WITH kept AS (SELECT min(seal_seq) AS first FROM audit_events WHERE seal_seq IS NOT NULL AND at >= ${cutoff.toISOString()}::timestamptz),
        old AS (
          SELECT seal_seq, hash FROM audit_events, kept
          WHERE seal_seq IS NOT NULL AND (kept.first IS NULL OR seal_seq < kept.first)
          ORDER BY seal_seq LIMIT ${batch})
      SELECT seal_seq, hash, (SELECT count(*) FROM old) AS n FROM old ORDER BY seal_seq DESC LIMIT 1`,
    );
    if (!last) return 0;
    await tx.execute(sql`
      INSERT INTO audit_chain_anchors (through_seq, hash, removed, cutoff)
      VALUES (${Number(last.seal_seq)}, ${last.hash}, ${Number(last.n)}, ${cutoff.toISOString()}::timestamptz)`);
    await tx.execute(sql`DELETE FROM audit_events WHERE seal_seq <= ${Number(last.seal_seq)}`);
    return Number(last.n);
  });
}
