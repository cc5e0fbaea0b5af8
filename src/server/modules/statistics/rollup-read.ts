import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { DAY_HOURS } from '../../db/schema/statistics.js';
import { addDays } from '../scheduling/time.js';
import type { BookingFigures, CancellerFigures } from './repository.js';
import { FINE, cellColumnList, cells, dayStart, markedBookings, summedCells } from './rollup-cells.js';
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

/**
 * The cells of the period: the rollup's for the days it holds and that are not marked dirty, and the same cells
 * counted live from the bookings for the later days (today, the future, days not yet rolled up) and the marked ones.
 */
function periodCells(q: Selection, through: string | null): SQL {
  const marks = sql`SELECT DISTINCT day, service_point_id FROM statistics_dirty_days WHERE day BETWEEN ${q.fromDay}::date AND ${q.toDay}::date`;
  const liveFrom = through && through >= q.fromDay ? addDays(through, 1) : q.fromDay;
  const live = cells(sql`bookings b`, sql`b.starts_at >= ${dayStart(sql`${liveFrom}::date`)} AND b.starts_at < ${q.end.toISOString()}::timestamptz`, FINE);
  if (!through || through < q.fromDay) return live;
  const upto = through < q.toDay ? through : q.toDay;
  const rolled = sql`SELECT ${cellColumnList} FROM statistics_days s WHERE s.fine = ${!coarseEnough(q)} AND s.day BETWEEN ${q.fromDay}::date AND ${upto}::date
    AND NOT EXISTS (SELECT 1 FROM statistics_dirty_days dd WHERE dd.day = s.day AND dd.service_point_id = s.service_point_id)`;
  const marked = cells(markedBookings(sql`${marks} AND day <= ${upto}::date`), sql`true`, FINE);
  return sql`${rolled} UNION ALL ${marked} UNION ALL ${live}`;
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
  const result = (await db.execute(sql`SELECT CASE WHEN GROUPING(x.k, x.interpreting) = 0 THEN 'row' WHEN GROUPING(x.weekday) = 0 THEN 'hour' ELSE 'week' END AS set,
      x.k, x.interpreting, x.weekday, to_char(x.week, 'YYYY-MM-DD') AS week, x.agency_id::text AS agency_id, ${summedCells}
    FROM (SELECT ${p.key} AS k, nullif(r.interpreting_language, '') AS interpreting, extract(isodow FROM r.day)::int AS weekday,
        date_trunc('week', r.day::timestamp) AS week, r.*
      FROM (${periodCells(q, through)}) r WHERE ${p.where} OFFSET 0) x
    GROUP BY GROUPING SETS ((x.k, x.interpreting), (x.weekday), (x.week, x.agency_id))`)) as unknown as { rows: Summed[] };
  const bookings: BookingFigures[] = [];
  const cancellers: CancellerFigures[] = [];
  for (const r of result.rows) {
    if (r.set === 'hour') {
      for (const h of DAY_HOURS) if (((r.hours ?? 0) >> h) & 1) bookings.push({ ...r, hour: h, booked_minutes: r[`m${h}`] ?? 0 });
      continue;
    }
    bookings.push({ ...r, hour: null });
    if (r.set !== 'row') continue;
    const who = { agency: r.cancelled_by_agency, servicePoint: r.cancelled_by_service_point, customer: r.cancelled_by_customer, system: r.cancelled_by_system, other: r.cancelled_by_other };
    for (const [w, n] of Object.entries(who)) if (n > 0) cancellers.push({ k: r.k, who: w, n });
  }
  return { bookings, cancellers };
}
