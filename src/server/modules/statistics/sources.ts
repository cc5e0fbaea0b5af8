import { type SQL, sql } from 'drizzle-orm';
import type { StatisticsGroupBy } from '../../../shared/statistics.js';
import type { StatisticsScope } from '../../auth/policy.js';
import { addDays, eachDate, weekdayOf } from '../scheduling/time.js';

/** Statistics count Helsinki days and weeks (Monday to Sunday in wall-clock time, so a DST week is one week). */
export const TZ = 'Europe/Helsinki';

/** What one request counts: the period as instants and as days, the grouping, the filters and the actor's scope. */
export type Selection = {
  start: Date;
  end: Date;
  fromDay: string;
  toDay: string;
  groupBy: StatisticsGroupBy;
  scope: StatisticsScope;
  servicePointId?: string;
  agencyId?: string;
  serviceId?: string;
  channel?: string;
  language?: string;
  interpreting?: boolean;
};

/**
 * A table that statistics count, by what it knows: its time (an instant or a day), its service point, its agency
 * (if it has one) and whether its rows are bookings' (alias `b`, with service, channel, language, interpreting).
 */
export type Source = { instant?: SQL; day?: SQL; point: SQL; agency: SQL | null; booking: BookingColumns | null };
/** How a source names the bookings' service, channel, language and interpreting language (null: none). */
export type BookingColumns = { service: SQL; channel: SQL; language: SQL; interpreting: SQL };

const bookingColumns: BookingColumns = { service: sql`b.service_id`, channel: sql`b.channel`, language: sql`b.language`, interpreting: sql`b.interpreting_language` };

export const sources = {
  bookings: { instant: sql`b.starts_at`, point: sql`b.service_point_id`, agency: sql`b.agency_id`, booking: bookingColumns },
  /** Rollup cells and the same cells counted live (`r`, rollup-cells.ts): bookings by their Helsinki day. */
  cells: {
    day: sql`r.day`,
    point: sql`r.service_point_id`,
    agency: sql`r.agency_id`,
    booking: { service: sql`r.service_id`, channel: sql`r.channel`, language: sql`r.language`, interpreting: sql`nullif(r.interpreting_language, '')` },
  },
  /** The walk-in queue's entries (`wi`): they came on site, so their channel is on site. */
  walkIns: {
    instant: sql`wi.created_at`,
    point: sql`wi.service_point_id`,
    agency: sql`wi.agency_id`,
    booking: { service: sql`wi.service_id`, channel: sql`'on-site'::booking_channel`, language: sql`wi.language`, interpreting: sql`wi.interpreting_language` },
  },
  documents: { instant: sql`d.created_at`, point: sql`d.service_point_id`, agency: sql`d.agency_id`, booking: null },
  incidents: { instant: sql`n.reported_at`, point: sql`n.service_point_id`, agency: sql`n.agency_id`, booking: null },
  calls: { instant: sql`c.created_at`, point: sql`c.service_point_id`, agency: null, booking: null },
  feedback: { day: sql`f.given_on`, point: sql`f.service_point_id`, agency: sql`f.agency_id`, booking: null },
  time: { day: sql`t.date`, point: sql`t.service_point_id`, agency: sql`t.agency_id`, booking: null },
} satisfies Record<string, Source>;

const week = (s: Source) =>
  s.instant ? sql`to_char(date_trunc('week', ${s.instant} AT TIME ZONE ${TZ}), 'YYYY-MM-DD')` : sql`to_char(date_trunc('week', ${s.day}::timestamp), 'YYYY-MM-DD')`;

/** The group key of a source's row (uuids and enums come back as text from both drivers), or null when the source does not know the grouping. */
export function keyOf(s: Source, groupBy: StatisticsGroupBy): SQL | null {
  switch (groupBy) {
    case 'agency':
      return s.agency;
    case 'servicePoint':
      return s.point;
    case 'week':
      return week(s);
    case 'service':
      return s.booking?.service ?? null;
    case 'channel':
      return s.booking?.channel ?? null;
    case 'language':
      return s.booking?.language ?? null;
  }
}

export const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The conditions on a source's rows: the period, the actor's scope and the filters; null when the source cannot
 * honour one of them (a filter by agency on calls, which belong to no agency): then it is not counted at all.
 */
export function whereOf(s: Source, q: Selection): SQL | null {
  const parts: SQL[] = [
    s.instant ? sql`${s.instant} >= ${q.start.toISOString()}::timestamptz AND ${s.instant} < ${q.end.toISOString()}::timestamptz` : sql`${s.day} BETWEEN ${q.fromDay}::date AND ${q.toDay}::date`,
  ];
  if (!q.scope.all) {
    const either: SQL[] = [];
    if (q.scope.agencyIds.length > 0 && s.agency) either.push(sql`${s.agency} = ANY(${uuids(q.scope.agencyIds)})`);
    if (q.scope.servicePointIds.length > 0) either.push(sql`${s.point} = ANY(${uuids(q.scope.servicePointIds)})`);
    if (either.length === 0) return null;
    parts.push(sql`(${sql.join(either, sql` OR `)})`);
  }
  if (q.servicePointId) parts.push(sql`${s.point} = ${q.servicePointId}::uuid`);
  if (q.agencyId) {
    if (!s.agency) return null;
    parts.push(sql`${s.agency} = ${q.agencyId}::uuid`);
  }
  const b = s.booking;
  const bookingFilters = [
    q.serviceId && b && sql`${b.service} = ${q.serviceId}::uuid`,
    q.channel && b && sql`${b.channel} = ${q.channel}::booking_channel`,
    q.language && b && sql`${b.language} = ${q.language}`,
    q.interpreting !== undefined && b && (q.interpreting ? sql`${b.interpreting} IS NOT NULL` : sql`${b.interpreting} IS NULL`),
  ].filter((p): p is SQL => !!p);
  if (needsBookingColumns(q) && !b) return null;
  parts.push(...bookingFilters);
  return sql.join(parts, sql` AND `);
}

/** Whether the selection groups or filters by what only bookings know (service, channel, language, interpreting). */
export const needsBookingColumns = (q: Selection) => !!(q.serviceId || q.channel || q.language || q.interpreting !== undefined);

/** Key and conditions of a source for this selection, or null when it cannot be counted so. */
export function plan(s: Source, q: Selection): { key: SQL; where: SQL } | null {
  const key = keyOf(s, q.groupBy);
  const where = whereOf(s, q);
  return key && where ? { key, where } : null;
}

/** The active service points whose rooms' open time counts: the filtered point, or the managed points of a point manager. */
export function openPoints(q: Selection): SQL {
  const points = [sql`p.active`];
  if (q.servicePointId) points.push(sql`p.id = ${q.servicePointId}::uuid`);
  if (!q.scope.all && q.scope.agencyIds.length === 0) points.push(sql`p.id = ANY(${uuids(q.scope.servicePointIds)})`);
  return sql.join(points, sql` AND `);
}

/** The period's days that are not holidays, counted by (Monday of the week, when grouping by week; '' otherwise) and ISO weekday. */
function dayCounts(q: Selection, holidays: string[]) {
  const off = new Set(holidays);
  const counts = new Map<string, { week: string; weekday: number; n: number }>();
  for (const day of eachDate(q.fromDay, q.toDay)) {
    if (off.has(day)) continue;
    const weekday = weekdayOf(day);
    const week = q.groupBy === 'week' ? addDays(day, 1 - weekday) : '';
    const id = `${week}|${weekday}`;
    const c = counts.get(id) ?? counts.set(id, { week, weekday, n: 0 }).get(id)!;
    c.n += 1;
  }
  return [...counts.values()];
}

/**
 * The open room time of the period at each point in view (`o`: week key, weekday, point, opening hours `opens`…`closes`,
 * `rooms` and `n`, how many such days): the opening hours of each weekday times the number of such days that are not
 * holidays, and one less (n = −1) for each day a closure of the point covers (a day covered twice counts once).
 * The week key is the Monday when grouping by week, '' otherwise. Counted by weekday rather than day by day: a year
 * is a few thousand rows, not one per day and point.
 */
export function openDays(q: Selection, holidays: string[]): SQL {
  const counts = dayCounts(q, holidays);
  const rooms = sql`(SELECT service_point_id, count(*)::int AS rooms FROM rooms WHERE active GROUP BY 1)`;
  const weekOf = q.groupBy === 'week' ? sql`to_char(date_trunc('week', cd.day::timestamp), 'YYYY-MM-DD')` : sql`''`;
  return sql`SELECT d.week, d.weekday, p.id AS point_id, oh.opens, oh.closes, rc.rooms, d.n
    FROM unnest(${`{${counts.map((c) => `"${c.week}"`).join(',')}}`}::text[], ${`{${counts.map((c) => c.weekday).join(',')}}`}::int[], ${`{${counts.map((c) => c.n).join(',')}}`}::int[]) AS d(week, weekday, n)
    JOIN opening_hours oh ON oh.weekday = d.weekday
    JOIN service_points p ON p.id = oh.service_point_id
    JOIN ${rooms} rc ON rc.service_point_id = p.id
    WHERE ${openPoints(q)}
    UNION ALL
    SELECT ${weekOf}, extract(isodow FROM cd.day)::int, p.id, oh.opens, oh.closes, rc.rooms, -1
    FROM (SELECT DISTINCT c.service_point_id, g::date AS day FROM closures c
        CROSS JOIN generate_series(greatest(c.starts_on, ${q.fromDay}::date), least(c.ends_on, ${q.toDay}::date), interval '1 day') g
        WHERE c.starts_on <= ${q.toDay}::date AND c.ends_on >= ${q.fromDay}::date) cd
    JOIN opening_hours oh ON oh.service_point_id = cd.service_point_id AND oh.weekday = extract(isodow FROM cd.day)::int
    JOIN service_points p ON p.id = cd.service_point_id
    JOIN ${rooms} rc ON rc.service_point_id = p.id
    WHERE ${openPoints(q)} AND NOT (cd.day = ANY(${`{${holidays.join(',')}}`}::date[]))`;
}
