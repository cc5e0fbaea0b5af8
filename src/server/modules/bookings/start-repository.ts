import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { MAX_BOOKING_MS } from '../scheduling/repository.js';

export type StartChoiceQuery = {
  agencyId: string;
  /** Only this expert (when the booker named one). */
  expertId?: string;
  interpretingLanguage?: string;
  /** The point's active rooms, in the order the slot computation tries them. */
  roomIds: string[];
  /** The local date and ISO weekday of the start, and the point's zone. */
  date: string;
  weekday: number;
  tz: string;
  start: Date;
  end: Date;
  /** The wall-clock times of start and end that day ('HH:MM'; '24:00' for an end at the next midnight). */
  localStart: string;
  localEnd: string;
  /** The day's opening span (first opening to last closing): an expert's load is counted within it. */
  span: { start: Date; end: Date };
};

export type StartChoice = {
  roomId: string | null;
  /** When an expert was named: 1 if they are an active expert of the agency, else 0 (−1 when none was named). */
  experts: number;
  /** Some expert (interpreter) works the whole interval that day, booked or not. */
  expertWorks: boolean;
  interpreterWorks: boolean;
  /** Chosen only when a room is free: the least-loaded free expert, then an interpreter likewise. */
  expertId: string | null;
  interpreterId: string | null;
};

const P = (name: keyof ChoiceValues) => sql.placeholder(name);
/** The values the statement takes (its text is built once per shape: preparedStatement). */
type ChoiceValues = {
  agencyId: string;
  expertId: string | null;
  interpretingLanguage: string | null;
  roomIds: string[];
  date: string;
  weekday: number;
  localStart: string;
  localEnd: string;
  start: Date;
  end: Date;
  spanStart: Date;
  spanEnd: Date;
  /** start and span.start less a day (see overlapping). */
  roomFrom: Date;
  spanFrom: Date;
};
/** Whether an expert was named; whether an interpreter is wanted. */
type Shape = `${'named' | 'any'} ${'interpreting' | 'plain'}`;

/**
 * Whether the resource works [start, end) that day: a working exception for the day replaces the weekly pattern
 * (an exception without times is a day off). Times are wall clock in the point's zone, compared as such with the
 * start's and end's wall-clock times (`localStart`, `localEnd`): the same as comparing the instants
 * `(date + time) AT TIME ZONE tz`, the mapping being monotonic within a business day, without a zone conversion
 * per row.
 */
const works = (kind: 'expert' | 'interpreter', id: ReturnType<typeof sql.raw>) => {
  const within = (alias: string) => sql`${sql.raw(alias)}.starts <= ${P('localStart')}::time AND ${sql.raw(alias)}.ends >= ${P('localEnd')}::time`;
  return sql`CASE WHEN EXISTS (SELECT 1 FROM working_exceptions x WHERE x.resource_kind = ${sql.raw(`'${kind}'`)} AND x.resource_id = ${id} AND x.day = ${P('date')}::date)
    THEN EXISTS (SELECT 1 FROM working_exceptions x WHERE x.resource_kind = ${sql.raw(`'${kind}'`)} AND x.resource_id = ${id} AND x.day = ${P('date')}::date
      AND x.starts IS NOT NULL AND x.ends IS NOT NULL AND ${within('x')})
    ELSE EXISTS (SELECT 1 FROM working_hours h WHERE h.resource_kind = ${sql.raw(`'${kind}'`)} AND h.resource_id = ${id} AND h.weekday = ${P('weekday')}::smallint AND ${within('h')})
    END`;
};

/**
 * Non-cancelled bookings of the holder overlapping [from, to). A booking lasts at most a day, so they start in
 * [from − 1 day, to): a range scan on the partial covering index bookings_<holder>_busy_idx.
 */
const overlapping = (holder: string, id: ReturnType<typeof sql.raw>, from: 'start' | 'spanStart', to: 'end' | 'spanEnd') =>
  sql`FROM bookings b WHERE b.${sql.raw(holder)} = ${id} AND b.status <> 'cancelled'
    AND b.starts_at >= ${P(from === 'start' ? 'roomFrom' : 'spanFrom')}::timestamptz AND b.starts_at < ${P(to)}::timestamptz AND b.ends_at > ${P(from)}::timestamptz`;

/**
 * One index-only range scan per candidate gives both its load within the day's opening span and whether it is busy
 * at [start, end): every booking overlapping the interval lies within the span's range (start and end are within
 * the span), so NOT busy is the same as NOT EXISTS overlapping(start, end).
 */
const ranked = (holder: string, alias: string) =>
  sql`CROSS JOIN LATERAL (
    SELECT coalesce(sum(extract(epoch FROM least(b.ends_at, ${P('spanEnd')}::timestamptz) - greatest(b.starts_at, ${P('spanStart')}::timestamptz))), 0) AS load,
      coalesce(bool_or(b.starts_at < ${P('end')}::timestamptz AND b.ends_at > ${P('start')}::timestamptz), false) AS busy
    ${overlapping(holder, sql.raw(`${alias}.id`), 'spanStart', 'spanEnd')}) l WHERE NOT l.busy`;

/**
 * The first free room in the given order; the expert as the slot computation picks one (working the whole
 * interval, free, least busy minutes within the day's opening span, then by name and id); an interpreter likewise
 * (then by id). Experts and interpreters are only ranked when a room is free, so a lost race costs a few index
 * probes. Parts that do not apply are left out of the statement (planning it was a good part of its cost).
 */
const chooseStatement = preparedStatement<Shape, ChoiceValues>((shape) => {
  const named = shape.startsWith('named');
  const interpreting = shape.endsWith('interpreting')
    ? {
        ctes: sql`, interpreters_ AS (SELECT i.id FROM interpreters i WHERE i.active AND ${P('interpretingLanguage')}::text = ANY (i.languages)),
          working_interpreters AS (SELECT i.id FROM interpreters_ i WHERE ${works('interpreter', sql.raw('i.id'))})`,
        columns: sql`, EXISTS (SELECT 1 FROM working_interpreters) AS interpreter_works,
          CASE WHEN chosen.room_id IS NOT NULL THEN (
            SELECT i.id FROM working_interpreters i ${ranked('interpreter_id', 'i')}
            ORDER BY l.load, i.id LIMIT 1) END AS interpreter_id`,
      }
    : { ctes: sql``, columns: sql`` };
  return sql`
    WITH room AS (
      SELECT r.id FROM unnest(${P('roomIds')}::uuid[]) WITH ORDINALITY AS r(id, n)
      WHERE NOT EXISTS (SELECT 1 ${overlapping('room_id', sql.raw('r.id'), 'start', 'end')}) ORDER BY r.n LIMIT 1),
    experts AS (
      SELECT DISTINCT u.id, u.name FROM users u JOIN role_assignments ra ON ra.user_id = u.id
      WHERE ra.role = 'expert' AND ra.organisation_id = ${P('agencyId')}::uuid AND u.active
        ${named ? sql`AND u.id = ${P('expertId')}::uuid` : sql``}),
    working_experts AS (SELECT e.id, e.name FROM experts e WHERE ${works('expert', sql.raw('e.id'))})
    ${interpreting.ctes},
    -- OFFSET 0: the room stays one subplan instead of a copy per use.
    chosen AS (SELECT (SELECT id FROM room) AS room_id OFFSET 0)
    SELECT chosen.room_id,
      ${named ? sql`(SELECT count(*) FROM experts)::int` : sql`-1`} AS experts,
      EXISTS (SELECT 1 FROM working_experts) AS expert_works,
      CASE WHEN chosen.room_id IS NOT NULL THEN (
        SELECT e.id FROM working_experts e ${ranked('expert_id', 'e')}
        ORDER BY l.load, e.name, e.id LIMIT 1) END AS expert_id
      ${interpreting.columns}
    FROM chosen`;
});

/** For one instant alone, the room, expert and interpreter the day's slots would give. */
export const startRepository = {
  /** One statement, prepared (db/prepared.ts): its planning was a good part of a booking's database CPU. */
  async choose(db: Db, q: StartChoiceQuery): Promise<StartChoice> {
    const [row] = await chooseStatement(db, `${q.expertId ? 'named' : 'any'} ${q.interpretingLanguage ? 'interpreting' : 'plain'}`, {
      agencyId: q.agencyId,
      expertId: q.expertId ?? null,
      interpretingLanguage: q.interpretingLanguage ?? null,
      roomIds: q.roomIds,
      date: q.date,
      weekday: q.weekday,
      localStart: q.localStart,
      localEnd: q.localEnd,
      start: q.start,
      end: q.end,
      spanStart: q.span.start,
      spanEnd: q.span.end,
      roomFrom: new Date(q.start.getTime() - MAX_BOOKING_MS),
      spanFrom: new Date(q.span.start.getTime() - MAX_BOOKING_MS),
    });
    if (!row) throw new Error('the start choice returned no row');
    return {
      roomId: (row.room_id as string | null) ?? null,
      experts: Number(row.experts),
      expertWorks: row.expert_works === true,
      interpreterWorks: row.interpreter_works === true,
      expertId: (row.expert_id as string | null) ?? null,
      interpreterId: (row.interpreter_id as string | null) ?? null,
    };
  },
};
