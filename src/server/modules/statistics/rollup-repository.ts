import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { addDays } from '../scheduling/time.js';
import { monthEnd, monthStart, wholeMonths } from './months.js';
import { BOTH_LEVELS, COARSE, FINE, cellColumnList, cells, dayStart, markedBookings, monthCells, monthColumnList } from './rollup-cells.js';
import { TZ, uuids } from './sources.js';

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;
const dates = (days: string[]) => sql`${`{${days.join(',')}}`}::date[]`;

/** The last day the rollup holds (null: none yet). */
export async function rollupThrough(db: Db): Promise<string | null> {
  const rows = await rowsOf<{ through: string | null }>(db, sql`SELECT to_char(through, 'YYYY-MM-DD') AS through FROM statistics_rollup_state WHERE id = 1`);
  return rows[0]?.through ?? null;
}

export type RefreshStep = { from: string | null; through: string | null; recounted: number };

/**
 * One step of the refresh, in one transaction (read committed): one refresh at a time (a transaction advisory lock),
 * so a second run waits and then finds the work done. The marks are removed first and the cells counted afterwards,
 * in a later statement and so a later snapshot: a writer whose mark this step removed has committed before the
 * count; a writer still open left a mark this step did not see, and it stays for the next refresh.
 * Counts the days after `through` up to `upto` (at most `chunkDays`, never today) and recounts the marked points' days.
 */
export async function refreshStep(tx: Db, yesterday: string, chunkDays: number): Promise<RefreshStep & { done: boolean }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('statistics.refresh'))`);
  const [state] = await rowsOf<{ through: string | null; first: string | null }>(
    tx,
    sql`SELECT to_char(s.through, 'YYYY-MM-DD') AS through,
      CASE WHEN s.through IS NULL THEN (SELECT to_char(min(b.starts_at) AT TIME ZONE ${TZ}, 'YYYY-MM-DD') FROM bookings b) END AS first
    FROM statistics_rollup_state s WHERE s.id = 1 FOR UPDATE`,
  );
  const through = state?.through ?? null;
  const from = through ? addDays(through, 1) : (state?.first ?? null);
  // Nothing before `from` to count: with no rollup yet and no booking until today, the rollup holds up to yesterday.
  const upto = from && from <= yesterday ? [addDays(from, chunkDays - 1), yesterday].sort()[0]! : (through ?? yesterday);
  const removed = await rowsOf<{ day: string; service_point_id: string }>(
    tx,
    sql`DELETE FROM statistics_dirty_days WHERE day <= ${upto}::date RETURNING to_char(day, 'YYYY-MM-DD') AS day, service_point_id::text AS service_point_id`,
  );
  // Marks of days counted whole below need no recount of their own.
  const pairs = [...new Set(removed.filter((m) => through && m.day <= through).map((m) => `${m.day}|${m.service_point_id}`))].map((p) => p.split('|') as [string, string]);
  if (pairs.length > 0) {
    const marked = sql`SELECT * FROM unnest(${dates(pairs.map((p) => p[0]))}, ${uuids(pairs.map((p) => p[1]))}) AS m(day, service_point_id)`;
    await tx.execute(sql`DELETE FROM statistics_days r USING (${marked}) m WHERE r.day = m.day AND r.service_point_id = m.service_point_id`);
    await tx.execute(sql`INSERT INTO statistics_days (${cellColumnList}) ${cells(markedBookings(marked), sql`true`, BOTH_LEVELS)}`);
  }
  if (from && from <= upto) {
    await tx.execute(sql`DELETE FROM statistics_days WHERE day BETWEEN ${from}::date AND ${upto}::date`);
    const days = sql`b.starts_at >= ${dayStart(sql`${from}::date`)} AND b.starts_at < ${dayStart(sql`${addDays(upto, 1)}::date`)}`;
    // The coarse cells first and the fine ones after: a year's coarse cells, which most pages read, lie together.
    await tx.execute(sql`INSERT INTO statistics_days (${cellColumnList}) ${cells(sql`bookings b`, days, COARSE)}`);
    await tx.execute(sql`INSERT INTO statistics_days (${cellColumnList}) ${cells(sql`bookings b`, days, FINE)}`);
  }
  // The month layer: the whole months the days just counted complete, and the recounted days' months of their points.
  const counted = from && from <= upto ? wholeMonths(monthStart(from), upto) : null;
  if (counted) {
    await tx.execute(sql`DELETE FROM statistics_months WHERE day BETWEEN ${counted.first}::date AND ${counted.last}::date`);
    // As with the days, the coarse rows first and the fine ones after, so that a year's coarse month rows lie together.
    for (const fine of [false, true]) {
      await tx.execute(sql`INSERT INTO statistics_months (${monthColumnList}) ${monthCells(sql`s.day BETWEEN ${counted.first}::date AND ${counted.last}::date AND s.fine = ${fine}`)}`);
    }
  }
  const months = [...new Set(pairs.filter(([day]) => monthEnd(day) <= upto && !(counted && day >= counted.first)).map(([day, point]) => `${monthStart(day)}|${point}`))].map((p) => p.split('|') as [string, string]);
  if (months.length > 0) {
    const list = sql`SELECT * FROM unnest(${dates(months.map((m) => m[0]))}, ${uuids(months.map((m) => m[1]))}) AS m(month, service_point_id)`;
    const inMonth = (t: string) => sql.raw(`${t}.service_point_id = m.service_point_id AND ${t}.day >= m.month AND ${t}.day < (m.month + interval '1 month')`);
    await tx.execute(sql`DELETE FROM statistics_months r USING (${list}) m WHERE ${inMonth('r')}`);
    await tx.execute(sql`INSERT INTO statistics_months (${monthColumnList}) ${monthCells(sql`EXISTS (SELECT 1 FROM (${list}) m WHERE ${inMonth('s')})`)}`);
  }
  await tx.execute(sql`UPDATE statistics_rollup_state SET through = ${upto}::date, refreshed_at = now() WHERE id = 1`);
  return { from: from && from <= upto ? from : null, through: upto, recounted: pairs.length, done: upto >= yesterday };
}
