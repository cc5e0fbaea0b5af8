import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Selection, type Source, openDays, plan, sources, uuids } from './sources.js';

/**
 * The statistics queries: each aggregates one table in SQL and returns one row per group (a few per group at most),
 * never the counted rows themselves. Counts come back as int, statistics as float8, so both drivers give numbers.
 */

type Row = Record<string, unknown> & { k: string };

async function grouped<T extends Row>(db: Db, s: Source, q: Selection, body: (key: SQL, where: SQL) => SQL): Promise<T[] | null> {
  const p = plan(s, q);
  if (!p) return null;
  const result = (await db.execute(body(p.key, p.where))) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The bookings' figures (counted from the rollup's cells, rollup-read.ts; defined once, in rollup-cells.ts): by group
 * and interpreting language, by Helsinki weekday and hour of the start (the heat map), by Helsinki week and agency.
 */
export type BookingFigures = Row & {
  /** Which grouping the row is of: the table's groups (by interpreting language), the hour of the week, the week and agency. */
  set: 'row' | 'hour' | 'week';
  interpreting: string | null;
  weekday: number | null;
  hour: number | null;
  week: string | null;
  agency_id: string | null;
  bookings: number;
  on_site: number;
  agency_phone: number;
  service_point_phone: number;
  online: number;
  cancellations: number;
  no_shows: number;
  walk_ins: number;
  meetings: number;
  booked_minutes: number;
  interpreted: number;
};

export type CancellerFigures = Row & { who: string; n: number };

export type MeetingFigures = Row & {
  completed: number;
  customer_left: number;
  technical_failure: number;
  referred_elsewhere: number;
  waits: number;
  wait_median: number | null;
  wait_p90: number | null;
  durations: number;
  duration_median: number | null;
};

/** Meetings of the period's bookings: outcomes, check-in → admission and admission → end in minutes. */
export const meetingFigures = (db: Db, q: Selection) =>
  grouped<MeetingFigures>(
    db,
    sources.bookings,
    q,
    (key, where) => sql`SELECT ${key} AS k,
      count(*) FILTER (WHERE m.outcome = 'completed')::int AS completed,
      count(*) FILTER (WHERE m.outcome = 'customer-left')::int AS customer_left,
      count(*) FILTER (WHERE m.outcome = 'technical-failure')::int AS technical_failure,
      count(*) FILTER (WHERE m.outcome = 'referred-elsewhere')::int AS referred_elsewhere,
      count(x.wait)::int AS waits,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY x.wait)::float8 AS wait_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY x.wait)::float8 AS wait_p90,
      count(x.duration)::int AS durations,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY x.duration)::float8 AS duration_median
    FROM meetings m JOIN bookings b ON b.id = m.booking_id
    LEFT JOIN LATERAL (SELECT min(e.at) AS at FROM booking_events e WHERE e.booking_id = b.id AND e.to_status = 'checked-in') ci ON true
    CROSS JOIN LATERAL (SELECT CASE WHEN m.admitted_at >= ci.at THEN extract(epoch FROM m.admitted_at - ci.at) / 60 END AS wait,
      CASE WHEN m.ended_at >= m.admitted_at THEN extract(epoch FROM m.ended_at - m.admitted_at) / 60 END AS duration) x
    WHERE ${where} GROUP BY 1`,
  );

export type IdentityFigures = Row & { verified: number; not_verified: number; cancelled: number };

export const identityFigures = (db: Db, q: Selection) =>
  grouped<IdentityFigures>(
    db,
    sources.bookings,
    q,
    (key, where) => sql`SELECT ${key} AS k,
      count(*) FILTER (WHERE i.status = 'completed' AND i.verified)::int AS verified,
      count(*) FILTER (WHERE i.status = 'completed' AND NOT i.verified)::int AS not_verified,
      count(*) FILTER (WHERE i.status = 'cancelled')::int AS cancelled
    FROM identity_checks i JOIN bookings b ON b.id = i.booking_id WHERE ${where} GROUP BY 1`,
  );

export type WalkInFigures = Row & { left_queue: number };

/** Walk-in customers who joined the queue in the period and were never taken into a booking: taken off the queue, or still waiting (the purge later marks those cancelled, so the count stays). */
export const walkInFigures = (db: Db, q: Selection) =>
  grouped<WalkInFigures>(db, sources.walkIns, q, (key, where) => sql`SELECT ${key} AS k, count(*)::int AS left_queue FROM walk_ins wi WHERE ${where} AND wi.status <> 'taken' GROUP BY 1`);

export type DocumentFigures = Row & { handovers: number; pages: number };

/** Handovers registered in the period and sent on (drafts are not handed over yet). */
export const documentFigures = (db: Db, q: Selection) =>
  grouped<DocumentFigures>(
    db,
    sources.documents,
    q,
    (key, where) => sql`SELECT ${key} AS k, count(*)::int AS handovers, coalesce(sum(d.page_count), 0)::int AS pages
    FROM document_handovers d WHERE ${where} AND d.status <> 'draft' GROUP BY 1`,
  );

export type IncidentFigures = Row & { category: string; n: number };

export const incidentFigures = (db: Db, q: Selection) =>
  grouped<IncidentFigures>(db, sources.incidents, q, (key, where) => sql`SELECT ${key} AS k, n.category::text AS category, count(*)::int AS n FROM incidents n WHERE ${where} GROUP BY 1, 2`);

export type CallFigures = Row & { calls: number; acknowledged_median: number | null; acknowledged_p90: number | null; escalated: number };

/** Calls for help: seconds from the press to an advisor's acknowledgement, and how many were escalated. */
export const callFigures = (db: Db, q: Selection) =>
  grouped<CallFigures>(
    db,
    sources.calls,
    q,
    (key, where) => sql`SELECT ${key} AS k, count(*)::int AS calls,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.acknowledged_at - c.created_at))::float8 AS acknowledged_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.acknowledged_at - c.created_at))::float8 AS acknowledged_p90,
      count(*) FILTER (WHERE c.escalated_at IS NOT NULL)::int AS escalated
    FROM calls c WHERE ${where} GROUP BY 1`,
  );

export type FeedbackFigures = Row & { n: number; mean: number | null; s1: number; s2: number; s3: number; s4: number; s5: number };

export const feedbackFigures = (db: Db, q: Selection) =>
  grouped<FeedbackFigures>(
    db,
    sources.feedback,
    q,
    (key, where) => sql`SELECT ${key} AS k, count(*)::int AS n, avg(f.score)::float8 AS mean,
      count(*) FILTER (WHERE f.score = 1)::int AS s1, count(*) FILTER (WHERE f.score = 2)::int AS s2, count(*) FILTER (WHERE f.score = 3)::int AS s3,
      count(*) FILTER (WHERE f.score = 4)::int AS s4, count(*) FILTER (WHERE f.score = 5)::int AS s5
    FROM meeting_feedback f WHERE ${where} GROUP BY 1`,
  );

export type TimeFigures = Row & { task: string; minutes: number };

export const timeFigures = (db: Db, q: Selection) =>
  grouped<TimeFigures>(db, sources.time, q, (key, where) => sql`SELECT ${key} AS k, t.task, sum(t.minutes)::int AS minutes FROM time_entries t WHERE ${where} GROUP BY 1, 2`);

export type OpenFigures = { k: string; open_minutes: number };

/**
 * Open minutes of the active rooms of the points in view, per point or week (one total row, key '', otherwise):
 * each day's opening hours of the point's weekday times its rooms, less the holidays given and the point's closures.
 * A group with no open day left (sum of n) is no group, as when the days were listed one by one.
 */
export async function openMinutes(db: Db, q: Selection, holidays: string[]): Promise<OpenFigures[]> {
  const key = q.groupBy === 'servicePoint' ? sql`o.point_id::text` : q.groupBy === 'week' ? sql`o.week` : sql`''`;
  const result = (await db.execute(
    sql`SELECT ${key} AS k, coalesce(sum(o.n * o.rooms * extract(epoch FROM o.closes - o.opens) / 60), 0)::float8 AS open_minutes FROM (${openDays(q, holidays)}) o GROUP BY 1 HAVING sum(o.n) > 0`,
  )) as unknown as { rows: OpenFigures[] };
  return result.rows;
}

/** Names of the groups that are rows (agencies, points, services) in the asker's language. */
export async function groupNames(db: Db, table: 'organisations' | 'service_points' | 'services', ids: string[], lang: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = (await db.execute(
    sql`SELECT id::text AS id, coalesce(name->>${lang}, name->>'fi') AS name FROM ${sql.identifier(table)} WHERE id = ANY(${uuids(ids)})`,
  )) as unknown as { rows: { id: string; name: string }[] };
  return new Map(result.rows.map((r) => [r.id, r.name]));
}
