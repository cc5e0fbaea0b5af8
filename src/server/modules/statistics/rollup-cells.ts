import { type SQL, sql } from 'drizzle-orm';
import { DAY_HOURS, MONTH_OCCURRENCES } from '../../db/schema/statistics.js';
import { CUSTOMER_CANCELLED } from '../public-booking/change-managed-booking.js';
import { TZ } from './sources.js';

/**
 * The one definition of a rollup cell (docs/statistics.md): the counts and sums of the bookings starting on one Helsinki
 * day at one point for one agency (and, when fine, one service, channel, language) and interpreting language. The
 * refresh stores these cells in `statistics_days`; the statistics compute the same cells live for the days the rollup
 * does not hold yet, so both paths count exactly alike.
 */

const KEY = ['service_point_id', 'day', 'agency_id', 'fine', 'service_id', 'channel', 'language', 'interpreting_language'];
const COUNTS = [
  'bookings',
  'on_site',
  'agency_phone',
  'service_point_phone',
  'online',
  'cancellations',
  'cancelled_by_agency',
  'cancelled_by_service_point',
  'cancelled_by_customer',
  'cancelled_by_system',
  'cancelled_by_other',
  'no_shows',
  'walk_ins',
  'meetings',
  'interpreted',
];
const SUMS = ['booked_minutes', ...DAY_HOURS.map((h) => `m${h}`)];
/** The meetings of the cell's bookings by outcome (migration 0020). */
const OUTCOMES = ['completed', 'customer_left', 'technical_failure', 'referred_elsewhere'];
/** The identity checks of the cell's bookings by result (migration 0020). */
const IDENTITY = ['identity_verified', 'identity_not_verified', 'identity_cancelled'];
/** The meetings' waits and durations in minutes, every value (migration 0020). */
const VALUES = ['waits', 'durations'];
/** The columns `summedCells` sums (not the values, which only the meetings' figures read). */
export const summedColumnList = sql.raw([...COUNTS, ...SUMS, 'hours', ...OUTCOMES, ...IDENTITY].map((c) => `r.${c}`).join(', '));
/** Every column of a cell, in the table's terms. */
export const CELL_COLUMNS = [...KEY, ...COUNTS, ...SUMS, 'hours', ...OUTCOMES, ...IDENTITY, ...VALUES];
export const cellColumnList = sql.raw(CELL_COLUMNS.join(', '));

/** The month layer's columns: a cell's, and the meetings on the first…fifth occurrence of the row's weekday. */
export const MONTH_COLUMNS = [...CELL_COLUMNS, ...MONTH_OCCURRENCES.map((n) => `meetings${n}`)];
export const monthColumnList = sql.raw(MONTH_COLUMNS.join(', '));

/** Sums of cells (the statistics' outer aggregate): counts as int, minutes as float8, hours OR-ed, outcomes (not the values). */
export const summedCells = sql.raw(
  [...COUNTS.map((c) => `sum(x.${c})::int AS ${c}`), ...SUMS.map((c) => `sum(x.${c})::float8 AS ${c}`), 'bit_or(x.hours)::int AS hours', ...[...OUTCOMES, ...IDENTITY].map((c) => `sum(x.${c})::int AS ${c}`)].join(
    ', ',
  ),
);
/** The values of cells put together (the month layer), in the order of `VALUES`. */
const concatenatedValues = sql.raw(VALUES.map((c) => `statistics_concat(x.${c}) AS ${c}`).join(', '));

const hourSums = sql.raw(DAY_HOURS.map((h) => `coalesce(sum(x.minutes) FILTER (WHERE x.status <> 'cancelled' AND x.hour = ${h}), 0)::float8 AS m${h}`).join(', '));

const FINE_KEY = sql`x.service_point_id, x.day, x.agency_id, x.service_id, x.channel, x.language, x.interpreting_language`;
/** Fine cells only (the live days), or both levels (the refresh): the day, point and agency level leaves service, channel and language null. */
export type Grouping = { by: SQL; fine: SQL };
export const FINE: Grouping = { by: sql`GROUP BY ${FINE_KEY}`, fine: sql`true` };
export const BOTH_LEVELS: Grouping = {
  by: sql`GROUP BY GROUPING SETS ((x.service_point_id, x.day, x.agency_id, x.interpreting_language), (${FINE_KEY}))`,
  fine: sql`(GROUPING(x.service_id) = 0)`,
};
/** The day, point and agency level alone: the refresh writes it apart from the fine cells so that its rows lie together on disk. */
export const COARSE: Grouping = {
  by: sql`GROUP BY x.service_point_id, x.day, x.agency_id, x.interpreting_language`,
  fine: sql`false`,
};

/**
 * Cells of the bookings `from` (aliased `b`, joined to whatever else `from` brings) that meet `where`. Who cancelled
 * is the last cancelling event's user compared with the booking's agency, the customer online, or the system.
 */
export function cells(from: SQL, where: SQL, grouping: Grouping): SQL {
  // The meetings' measures (outcomes, waits from the first check-in event to admission, durations to the end) are the
  // booking's meeting's, counted with the booking's day: the same figures as `meetingFigures` over the base tables;
  // so are its identity checks' results (`identityFigures`).
  return sql`SELECT x.service_point_id, x.day, x.agency_id, ${grouping.fine} AS fine, ${fineOnly(grouping, 'service_id')}, ${fineOnly(grouping, 'channel')}, ${fineOnly(grouping, 'language')}, x.interpreting_language,
      count(*)::int AS bookings,
      count(*) FILTER (WHERE x.channel = 'on-site')::int AS on_site,
      count(*) FILTER (WHERE x.channel = 'agency-phone')::int AS agency_phone,
      count(*) FILTER (WHERE x.channel = 'service-point-phone')::int AS service_point_phone,
      count(*) FILTER (WHERE x.channel = 'online')::int AS online,
      count(*) FILTER (WHERE x.status = 'cancelled')::int AS cancellations,
      count(*) FILTER (WHERE x.who = 'agency')::int AS cancelled_by_agency,
      count(*) FILTER (WHERE x.who = 'servicePoint')::int AS cancelled_by_service_point,
      count(*) FILTER (WHERE x.who = 'customer')::int AS cancelled_by_customer,
      count(*) FILTER (WHERE x.who = 'system')::int AS cancelled_by_system,
      count(*) FILTER (WHERE x.who = 'other')::int AS cancelled_by_other,
      count(*) FILTER (WHERE x.status = 'no-show')::int AS no_shows,
      count(*) FILTER (WHERE x.walk_in)::int AS walk_ins,
      count(*) FILTER (WHERE x.status IN ('in-meeting', 'completed'))::int AS meetings,
      count(*) FILTER (WHERE x.status <> 'cancelled' AND x.interpreting_language <> '')::int AS interpreted,
      coalesce(sum(x.minutes) FILTER (WHERE x.status <> 'cancelled'), 0)::float8 AS booked_minutes,
      ${hourSums},
      bit_or(1 << x.hour)::int AS hours,
      count(*) FILTER (WHERE x.outcome = 'completed')::int AS completed,
      count(*) FILTER (WHERE x.outcome = 'customer-left')::int AS customer_left,
      count(*) FILTER (WHERE x.outcome = 'technical-failure')::int AS technical_failure,
      count(*) FILTER (WHERE x.outcome = 'referred-elsewhere')::int AS referred_elsewhere,
      coalesce(sum(x.identity_verified), 0)::int AS identity_verified,
      coalesce(sum(x.identity_not_verified), 0)::int AS identity_not_verified,
      coalesce(sum(x.identity_cancelled), 0)::int AS identity_cancelled,
      coalesce(array_agg(x.wait) FILTER (WHERE x.wait IS NOT NULL), '{}')::float8[] AS waits,
      coalesce(array_agg(x.duration) FILTER (WHERE x.duration IS NOT NULL), '{}')::float8[] AS durations
    FROM (SELECT b.service_point_id, (b.starts_at AT TIME ZONE ${TZ})::date AS day, b.agency_id, b.service_id, b.channel, b.language,
        coalesce(b.interpreting_language, '') AS interpreting_language, b.status, b.walk_in,
        (extract(epoch FROM b.ends_at - b.starts_at) / 60)::float8 AS minutes, extract(hour FROM b.starts_at AT TIME ZONE ${TZ})::int AS hour,
        CASE WHEN b.status <> 'cancelled' THEN NULL WHEN e.booking_id IS NULL THEN 'other'
          WHEN e.actor_id IS NULL AND b.cancel_reason = ${CUSTOMER_CANCELLED} THEN 'customer' WHEN e.actor_id IS NULL THEN 'system'
          WHEN u.organisation_id = b.agency_id THEN 'agency' WHEN o.kind = 'contractor' THEN 'servicePoint' ELSE 'other' END AS who,
        m.outcome::text AS outcome,
        CASE WHEN m.admitted_at >= ci.at THEN (extract(epoch FROM m.admitted_at - ci.at) / 60)::float8 END AS wait,
        CASE WHEN m.ended_at >= m.admitted_at THEN (extract(epoch FROM m.ended_at - m.admitted_at) / 60)::float8 END AS duration,
        ic.verified AS identity_verified, ic.not_verified AS identity_not_verified, ic.cancelled AS identity_cancelled
      FROM ${from}
      LEFT JOIN LATERAL (SELECT e.booking_id, e.actor_id FROM booking_events e
        WHERE b.status = 'cancelled' AND e.booking_id = b.id AND e.to_status = 'cancelled' ORDER BY e.at DESC LIMIT 1) e ON true
      LEFT JOIN users u ON u.id = e.actor_id
      LEFT JOIN organisations o ON o.id = u.organisation_id
      LEFT JOIN meetings m ON m.booking_id = b.id
      LEFT JOIN LATERAL (SELECT min(c.at) AS at FROM booking_events c WHERE m.id IS NOT NULL AND c.booking_id = b.id AND c.to_status = 'checked-in') ci ON true
      LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE i.status = 'completed' AND i.verified) AS verified, count(*) FILTER (WHERE i.status = 'completed' AND NOT i.verified) AS not_verified,
        count(*) FILTER (WHERE i.status = 'cancelled') AS cancelled FROM identity_checks i WHERE i.booking_id = b.id) ic ON true
      WHERE ${where}) x
    ${grouping.by}`;
}

/** A fine key column: null in the coarse cells (it is not grouped there). */
const fineOnly = (g: Grouping, column: string) => (g === COARSE ? sql.raw(`NULL::${column === 'channel' ? 'booking_channel' : column === 'service_id' ? 'uuid' : 'text'} AS ${column}`) : sql.raw(`x.${column}`));

/** The start of a Helsinki day as an instant, in SQL. */
export const dayStart = (day: SQL) => sql`((${day})::timestamp AT TIME ZONE ${TZ})`;

/** Bookings of the marked (day, point) pairs: `dd` is a relation of day and service_point_id. */
export const markedBookings = (pairs: SQL) =>
  sql`(${pairs}) dd JOIN bookings b ON b.service_point_id = dd.service_point_id AND b.starts_at >= ${dayStart(sql`dd.day`)} AND b.starts_at < ${dayStart(sql`dd.day + 1`)}`;

/**
 * The month rows of the day rows in `where` (`s`, statistics_days): one per month and weekday, with the same key
 * otherwise; its `day` is the month's first date with that weekday, and `meetings<n>` the meetings of its n-th
 * occurrence (the day of the month 1–7 is the first, 8–14 the second…), null when no booking started that day.
 */
export function monthCells(where: SQL): SQL {
  const nth = sql.raw(MONTH_OCCURRENCES.map((n) => `(sum(x.meetings) FILTER (WHERE x.nth = ${n}))::int AS meetings${n}`).join(', '));
  return sql`SELECT x.service_point_id, x.first AS day, x.agency_id, x.fine, x.service_id, x.channel, x.language, x.interpreting_language, ${summedCells}, ${concatenatedValues}, ${nth}
    FROM (SELECT s.*, date_trunc('month', s.day::timestamp)::date + (extract(isodow FROM s.day)::int - extract(isodow FROM date_trunc('month', s.day::timestamp))::int + 7) % 7 AS first,
        (extract(day FROM s.day)::int - 1) / 7 + 1 AS nth
      FROM statistics_days s WHERE ${where}) x
    GROUP BY x.service_point_id, x.first, x.agency_id, x.fine, x.service_id, x.channel, x.language, x.interpreting_language`;
}
