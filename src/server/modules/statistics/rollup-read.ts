import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { addDays } from '../scheduling/time.js';
import type { BookingFigures, CancellerFigures, IdentityFigures, MeetingFigures } from './repository.js';
import { DAY_HOURS, MONTH_OCCURRENCES } from '../../db/schema/statistics.js';
import { wholeMonths } from './months.js';
import { CELL_COLUMNS, FINE, cellColumnList, cells, dayStart, markedBookings, summedCells, summedColumnList } from './rollup-cells.js';
import { type Selection, plan, sources } from './sources.js';

type Summed = BookingFigures & {
  cancelled_by_agency: number;
  cancelled_by_service_point: number;
  cancelled_by_customer: number;
  cancelled_by_system: number;
  cancelled_by_other: number;
  hours: number | null;
} & Record<`m${number}`, number>;

/** Whether the coarse cells (day, point, agency, interpreting) can answer: nothing grouped or filtered by service, channel or language. */
const coarseEnough = (q: Selection) => !['service', 'channel', 'language'].includes(q.groupBy) && !q.serviceId && !q.channel && !q.language;

/** The whole months the month layer answers for this selection: within the period and the rollup (not by week: its rows know no week). */
function monthsOf(q: Selection, through: string | null) {
  if (!through || q.groupBy === 'week') return null;
  return wholeMonths(q.fromDay, through < q.toDay ? through : q.toDay);
}

/** The months (first day) of a point with a day marked dirty, within `months`: read from the days, not the month rows. */
const dirtyMonths = (months: { first: string; last: string }) =>
  sql`SELECT DISTINCT service_point_id, date_trunc('month', day::timestamp)::date AS month FROM statistics_dirty_days WHERE day BETWEEN ${months.first}::date AND ${months.last}::date`;

/**
 * The cells of the period: the month layer's rows for its whole months (but not a point's month with a day marked
 * dirty), the rollup's day rows for the other days it holds and that are not marked, and the same cells counted live
 * from the bookings for the later days (today, the future, days not yet rolled up) and the marked ones. The month rows
 * (one per month and weekday) carry the weekday but no week: `week` is null in them.
 */
function periodCells(q: Selection, through: string | null, months: { first: string; last: string } | null): SQL {
  const marks = sql`SELECT DISTINCT day, service_point_id FROM statistics_dirty_days WHERE day BETWEEN ${q.fromDay}::date AND ${q.toDay}::date`;
  const liveFrom = through && through >= q.fromDay ? addDays(through, 1) : q.fromDay;
  const days = (cells: SQL) => sql`SELECT r.*, date_trunc('week', r.day::timestamp) AS week FROM (${cells}) r`;
  const live = cells(sql`bookings b`, sql`b.starts_at >= ${dayStart(sql`${liveFrom}::date`)} AND b.starts_at < ${q.end.toISOString()}::timestamptz`, FINE);
  if (!through || through < q.fromDay) return days(live);
  const upto = through < q.toDay ? through : q.toDay;
  const fine = !coarseEnough(q);
  const notMarked = sql`NOT EXISTS (SELECT 1 FROM statistics_dirty_days dd WHERE dd.day = s.day AND dd.service_point_id = s.service_point_id)`;
  const rolledDays = (from: string, to: string) =>
    sql`SELECT ${cellColumnList} FROM statistics_days s WHERE s.fine = ${fine} AND s.day BETWEEN ${from}::date AND ${to}::date AND ${notMarked}`;
  // Each part its own range, so that no part reads the whole months' day rows: the edges, and (driven by the marks,
  // through the key's point and day) the days of a point's month with a marked day.
  const parts = !months
    ? [rolledDays(q.fromDay, upto)]
    : [
        ...(q.fromDay < months.first ? [rolledDays(q.fromDay, addDays(months.first, -1))] : []),
        ...(months.last < upto ? [rolledDays(addDays(months.last, 1), upto)] : []),
        sql`SELECT ${sql.raw(CELL_COLUMNS.map((c) => `s.${c}`).join(', '))} FROM (${dirtyMonths(months)}) dm
          JOIN statistics_days s ON s.service_point_id = dm.service_point_id AND s.day >= dm.month AND s.day < (dm.month + interval '1 month')::date
          WHERE s.fine = ${fine} AND ${notMarked}`,
      ];
  const rolled = sql.join(parts, sql` UNION ALL `);
  const marked = cells(markedBookings(sql`${marks} AND day <= ${upto}::date`), sql`true`, FINE);
  const dayCells = days(sql`${rolled} UNION ALL ${marked} UNION ALL ${live}`);
  if (!months) return dayCells;
  return sql`${dayCells} UNION ALL SELECT ${cellColumnList}, NULL::timestamp AS week FROM (${monthRows(months, fine)}) s`;
}

/** The month layer's rows of the whole months, less the months of points with a marked day. */
const monthRows = (months: { first: string; last: string }, fine: boolean) =>
  sql`SELECT s.* FROM statistics_months s WHERE s.fine = ${fine} AND s.day BETWEEN ${months.first}::date AND ${months.last}::date
    AND NOT EXISTS (SELECT 1 FROM (${dirtyMonths(months)}) dm WHERE dm.service_point_id = s.service_point_id AND dm.month = date_trunc('month', s.day::timestamp)::date)`;

/**
 * Meetings by Helsinki week and agency from the month rows: each row's n-th occurrence of its weekday is `day + 7(n − 1)`,
 * within its month; an occurrence without any booking (null) makes no week, as in the days.
 */
function monthWeeks(q: Selection, months: { first: string; last: string }, where: SQL): SQL {
  const nth = sql.raw(MONTH_OCCURRENCES.map((n) => `WHEN ${n} THEN x.meetings${n}`).join(' '));
  const sums = sql.raw(MONTH_OCCURRENCES.map((n) => `sum(r.meetings${n})::int AS meetings${n}`).join(', '));
  return sql`SELECT to_char(date_trunc('week', (x.day + 7 * (n - 1))::timestamp), 'YYYY-MM-DD') AS week, x.agency_id::text AS agency_id, sum(CASE n ${nth} END)::int AS meetings
    FROM (SELECT r.day, r.agency_id, ${sums} FROM (${monthRows(months, !coarseEnough(q))}) r WHERE ${where} GROUP BY 1, 2) x
    CROSS JOIN generate_series(1, ${MONTH_OCCURRENCES.length}) n
    WHERE CASE n ${nth} END IS NOT NULL GROUP BY 1, 2`;
}

/**
 * (`OFFSET 0` keeps the grouped subquery whole: flattened, PostgreSQL takes the key `k` and `agency_id`, the same
 * column when grouping by agency, for one grouping column and nulls the week set's agency.)
 *
 * Bookings starting in the period through the rollup (docs/statistics.md), in the shape of `bookingFigures` (the base
 * tables' query, which stays as the reference): by group and interpreting language, by weekday and hour (from the
 * cells' hour columns) and by week and agency; and the cancellations by who, which the cells carry too.
 */
export async function rolledBookingFigures(db: Db, q: Selection, through: string | null): Promise<{ bookings: BookingFigures[]; cancellers: CancellerFigures[] } | null> {
  const p = plan(sources.cells, q);
  if (!p) return null;
  const months = monthsOf(q, through);
  const result = (await db.execute(sql`SELECT CASE WHEN GROUPING(x.k, x.interpreting) = 0 THEN 'row' WHEN GROUPING(x.weekday) = 0 THEN 'hour' ELSE 'week' END AS set,
      x.k, x.interpreting, x.weekday, to_char(x.week, 'YYYY-MM-DD') AS week, x.agency_id::text AS agency_id, ${summedCells}
    FROM (SELECT ${p.key} AS k, nullif(r.interpreting_language, '') AS interpreting, extract(isodow FROM r.day)::int AS weekday, r.week, r.agency_id,
        ${summedColumnList}
      FROM (${periodCells(q, through, months)}) r WHERE ${p.where} OFFSET 0) x
    GROUP BY GROUPING SETS ((x.k, x.interpreting), (x.weekday), (x.week, x.agency_id))`)) as unknown as { rows: Summed[] };
  // The month rows' weeks (null in the sets above) come from their occurrences, added to the days' weeks.
  const weeks = new Map<string, Summed>();
  for (const r of result.rows) if (r.set === 'week' && r.week !== null) weeks.set(`${r.week}|${r.agency_id}`, r);
  if (months) {
    const monthly = (await db.execute(monthWeeks(q, months, p.where))) as unknown as { rows: { week: string; agency_id: string; meetings: number }[] };
    for (const m of monthly.rows) {
      const id = `${m.week}|${m.agency_id}`;
      const w = weeks.get(id);
      if (w) w.meetings += m.meetings;
      else weeks.set(id, { set: 'week', k: null, week: m.week, agency_id: m.agency_id, meetings: m.meetings } as unknown as Summed);
    }
  }
  const bookings: BookingFigures[] = [...weeks.values()];
  const cancellers: CancellerFigures[] = [];
  for (const r of result.rows) {
    if (r.set === 'hour') {
      for (const h of DAY_HOURS) if (((r.hours ?? 0) >> h) & 1) bookings.push({ ...r, hour: h, booked_minutes: r[`m${h}`] ?? 0 });
      continue;
    }
    if (r.set !== 'row') continue;
    bookings.push({ ...r, hour: null });
    const who = { agency: r.cancelled_by_agency, servicePoint: r.cancelled_by_service_point, customer: r.cancelled_by_customer, system: r.cancelled_by_system, other: r.cancelled_by_other };
    for (const [w, n] of Object.entries(who)) if (n > 0) cancellers.push({ k: r.k, who: w, n });
  }
  return { bookings, cancellers };
}

/**
 * The meetings' measures and the identity checks' results through the rollup, in the shapes of `meetingFigures` and
 * `identityFigures` (the base tables' queries, which stay as the reference): outcomes summed, and the median and p90 of every wait and duration the cells hold, computed as
 * `percentile_cont` does (the values at ranks floor and ceil of p·(n − 1), interpolated), so exactly its answers.
 */
export async function rolledMeetingFigures(db: Db, q: Selection, through: string | null): Promise<{ meetings: MeetingFigures[]; identity: IdentityFigures[] } | null> {
  const p = plan(sources.cells, q);
  if (!p) return null;
  // Each distinct value once per group with its count (a hash, not a sort of every value), then the ranks that
  // percentile_cont reads (floor and ceil of p·(n − 1)) and its interpolation, in the same float8 arithmetic.
  const values = (column: string, count: string, ps: [string, number][]) => {
    const at = (p: number) => {
      const pos = `(${p}::float8 * (r.total - 1)::float8)`;
      const rank = (f: string) => `min(r.v) FILTER (WHERE r.below + r.n > ${f}(${pos}))`;
      return `${rank('floor')} + (${rank('ceil')} - ${rank('floor')}) * (${pos} - floor(${pos}))`;
    };
    return sql.raw(`SELECT r.k, r.total::int AS ${count}, ${ps.map(([name, p]) => `(${at(p)})::float8 AS ${name}`).join(', ')}
      FROM (SELECT h.k, h.v, h.n, sum(h.n) OVER (PARTITION BY h.k ORDER BY h.v) - h.n AS below, sum(h.n) OVER (PARTITION BY h.k) AS total
        FROM (SELECT c.k, v, count(*)::int AS n FROM c CROSS JOIN LATERAL unnest(c.${column}) v GROUP BY 1, 2) h) r
      GROUP BY r.k, r.total`);
  };
  const result = (await db.execute(sql`WITH c AS MATERIALIZED (SELECT ${p.key} AS k, r.completed, r.customer_left, r.technical_failure, r.referred_elsewhere,
        r.identity_verified, r.identity_not_verified, r.identity_cancelled, r.waits, r.durations
      FROM (${periodCells(q, through, monthsOf(q, through))}) r WHERE ${p.where})
    SELECT s.k, s.completed, s.customer_left, s.technical_failure, s.referred_elsewhere, coalesce(w.waits, 0) AS waits, w.wait_median, w.wait_p90,
      coalesce(d.durations, 0) AS durations, d.duration_median, s.verified, s.not_verified, s.cancelled
    FROM (SELECT c.k, sum(c.completed)::int AS completed, sum(c.customer_left)::int AS customer_left, sum(c.technical_failure)::int AS technical_failure,
        sum(c.referred_elsewhere)::int AS referred_elsewhere, sum(c.identity_verified)::int AS verified, sum(c.identity_not_verified)::int AS not_verified,
        sum(c.identity_cancelled)::int AS cancelled FROM c GROUP BY 1) s
    LEFT JOIN (${values('waits', 'waits', [['wait_median', 0.5], ['wait_p90', 0.9]])}) w
      ON w.k IS NOT DISTINCT FROM s.k
    LEFT JOIN (${values('durations', 'durations', [['duration_median', 0.5]])}) d
      ON d.k IS NOT DISTINCT FROM s.k`)) as unknown as { rows: (MeetingFigures & IdentityFigures)[] };
  return {
    meetings: result.rows,
    identity: result.rows.map(({ k, verified, not_verified, cancelled }) => ({ k, verified, not_verified, cancelled })),
  };
}
