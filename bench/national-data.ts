// A national-scale data set on PostgreSQL for the scheduling benches: 200 service points (1–2 rooms each, open
// Mon–Fri 09–15 Helsinki), 20 contractors, 3 agencies with 1,000 experts (Mon–Fri 08–16), 10 services and about
// 1,000,000 bookings from a year ago to a year ahead, with what happened around the past ones (meetings, check-ins,
// feedback, calls, identity checks, incidents: bench/national-activity.ts). Generated in SQL (INSERT … SELECT generate_series), then VACUUM ANALYZE.
//
// Run alone to generate a new database and keep it (prints one JSON line):   npx tsx bench/national-data.ts
// The benches call openNationalData(): a fresh database dropped afterwards, unless
//   BENCH_DB_NAME=etapiste_bench_…  reuse that database (generated into it when it does not exist yet), kept;
//   BENCH_KEEP=1                    keep the database, and reuse the newest complete one when there is one.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the server and admin database.
//
// Bookings never overlap: each room gets a grid of 30-minute slots on working days (weekdays that are not Finnish
// holidays); a slot is filled with a per-point probability (busier points, fuller rooms). A filled slot's agency is
// hashed; its expert is expertsOf(agency)[(roomIndex + 7·day + 13·slot) mod n], n ≥ 333 > 300 rooms. At one instant
// (day, slot) that map is injective over rooms, rooms hold one booking per slot, and agencies have disjoint experts,
// so no room and no expert is ever double-booked: the exclusion constraints stay on and check every row.
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../src/server/auth/password.js';
import { openPostgres } from '../src/server/db/client.js';
import { ensureActivity } from './national-activity.js';
import { holidayOn } from '../src/server/modules/scheduling/holidays.js';
import { addDays, localDate, weekdayOf } from '../src/server/modules/scheduling/time.js';

export const BENCH_PASSWORD = 'Etapiste-bench-2025';
export const ADVISOR_EMAIL = 'advisor@bench.example';
export const bookerEmail = (agencyIndex: number) => `booker-${agencyIndex + 1}@bench.example`;
const MARKER = 'etapiste-national-v1';

const POINTS = 200;
const POINTS_PER_CONTRACTOR = 10;
const EXPERTS = 1000;
const AGENCIES = [
  { short: 'Kela', fi: 'Kansaneläkelaitos', sv: 'Folkpensionsanstalten', en: 'Social Insurance Institution' },
  { short: 'Vero', fi: 'Verohallinto', sv: 'Skatteförvaltningen', en: 'Finnish Tax Administration' },
  { short: 'DVV', fi: 'Digi- ja väestötietovirasto', sv: 'Myndigheten för digitalisering och befolkningsdata', en: 'Digital and Population Data Services Agency' },
];
const SERVICES_PER_AGENCY = [4, 3, 3];
const SLOTS_PER_DAY = 12; // 09:00–15:00 in 30-minute slots
const TARGET_BOOKINGS = 1_000_000;

export type NationalData = {
  url: string;
  name: string;
  reused: boolean;
  /** Set when this call generated the data. */
  generation?: GenerationFigures;
  counts: { servicePoints: number; rooms: number; experts: number; services: number; bookings: number; activeBookings: number };
  databaseMb: number;
  /** The service point with the most bookings, where the advisor works. */
  busyPointId: string;
  agencyIds: string[];
  /** Drops the database unless it is kept (BENCH_KEEP=1) or was named (BENCH_DB_NAME). */
  close(): Promise<void>;
};

export type GenerationFigures = { totalMs: number; migrateMs: number; directoryMs: number; bookingsMs: number; analyzeMs: number };

const baseUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlFor(name: string): string {
  const url = new URL(baseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: baseUrl() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Working days (Mon–Fri, not a Finnish holiday) from a year ago to a year ahead, in Helsinki. */
function workingDays(): string[] {
  const today = localDate(new Date(), 'Europe/Helsinki');
  const days: string[] = [];
  for (let d = addDays(today, -365); d <= addDays(today, 365); d = addDays(d, 1)) if (weekdayOf(d) <= 5 && !holidayOn(d)) days.push(d);
  return days;
}

/** Fill probability of a point's rooms: 0.3–0.8 spread over the points, point 1 the busiest; scaled to the target. */
function densities(days: number): number[] {
  const raw = Array.from({ length: POINTS }, (_, i) => (i === 0 ? 0.8 : 0.3 + (0.5 * ((i * 37) % POINTS)) / POINTS));
  const roomsOf = (i: number) => (i % 2 === 0 ? 2 : 1);
  const expected = raw.reduce((sum, d, i) => sum + d * roomsOf(i) * days * SLOTS_PER_DAY, 0);
  const scale = TARGET_BOOKINGS / expected;
  return raw.map((d) => Math.min(0.95, d * scale));
}

const insertBookings = `INSERT INTO bookings (reference, service_point_id, room_id, agency_id, service_id, expert_id, starts_at, ends_at, status, channel,
     customer_name, customer_phone, language, created_at, updated_at)
   SELECT 'B' || lpad(((d.idx * 1000 + r.idx) * ${SLOTS_PER_DAY} + s)::text, 7, '0'), r.point_id, r.id, a.id,
     sl.ids[1 + (h2 / 3) % sl.n], el.ids[1 + (r.idx + 7 * d.idx + 13 * s) % el.n], t.starts, t.starts + interval '30 minutes',
     (CASE WHEN h2 % 100 < 6 THEN 'cancelled' WHEN t.starts >= now() THEN 'booked' WHEN h2 % 100 < 10 THEN 'no-show' ELSE 'completed' END)::booking_status,
     (CASE WHEN (h2 / 100) % 10 < 5 THEN 'on-site' WHEN (h2 / 100) % 10 < 8 THEN 'agency-phone' ELSE 'service-point-phone' END)::booking_channel,
     'Asiakas ' || (h2 % 100000), CASE WHEN h2 % 3 = 0 THEN NULL ELSE '040 ' || lpad((h2 % 10000000)::text, 7, '0') END,
     CASE WHEN (h2 / 1000) % 20 < 17 THEN 'fi' WHEN (h2 / 1000) % 20 < 19 THEN 'sv' ELSE 'en' END,
     t.starts - ((h2 % 40) + 1) * interval '1 day', t.starts - ((h2 % 40) + 1) * interval '1 day'
   FROM b_days d
   CROSS JOIN b_rooms r
   CROSS JOIN generate_series(0, ${SLOTS_PER_DAY - 1}) s
   CROSS JOIN LATERAL (SELECT abs(hashint8((d.idx::bigint * 1000 + r.idx) * 100 + s)::bigint) AS h1,
                              abs(hashint8(((d.idx::bigint * 1000 + r.idx) * 100 + s) * 7 + 3)::bigint) AS h2) h
   CROSS JOIN LATERAL (SELECT (d.day + time '09:00' + s * interval '30 minutes') AT TIME ZONE 'Europe/Helsinki' AS starts) t
   JOIN b_agencies a ON a.idx = h.h2 % 3
   JOIN b_expert_lists el ON el.agency_idx = a.idx
   JOIN b_service_lists sl ON sl.agency_idx = a.idx
   WHERE d.idx >= $1 AND d.idx < $2 AND h.h1 % 100000 < r.density * 100000`;

/**
 * Bookings need an agreement in force delegating the task (migrations/0009): one per contractor, over its points,
 * from every agency, for all tasks. Added to data sets generated before agreements existed too.
 */
async function ensureAgreements(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rowCount } = await c.query(`SELECT 1 FROM agreements LIMIT 1`);
    if (rowCount) return;
    await c.query(`WITH heads AS (INSERT INTO agreements (contractor_id) SELECT DISTINCT organisation_id FROM service_points RETURNING id, contractor_id)
      INSERT INTO agreement_versions (agreement_id, version, effective_from, title, contractor_id, service_point_ids, payer_id, principals,
        signed_on, valid_from, valid_until, hourly_rate_cents, caps)
      SELECT h.id, 1, '2000-01-01', 'Bench', h.contractor_id, (SELECT array_agg(p.id) FROM service_points p WHERE p.organisation_id = h.contractor_id),
        h.contractor_id,
        (SELECT jsonb_agg(jsonb_build_object('organisationId', o.id, 'tasks', '["identity-verification","booking","document-reception"]'::jsonb))
          FROM organisations o WHERE o.kind = 'principal'),
        '2000-01-01', '2000-01-01', NULL, 4200, '{"communicationMaterialsCents":100000,"premisesRentCents":170000,"premisesWorksCents":250000}'
      FROM heads h`);
  } finally {
    await c.end();
  }
}

async function generate(url: string): Promise<GenerationFigures> {
  const t0 = performance.now();
  const database = await openPostgres(url, 2);
  await database.migrate();
  await database.close();
  const migrateMs = performance.now() - t0;

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET synchronous_commit = off`);
    await c.query(`SET maintenance_work_mem = '256MB'`);
    const t1 = performance.now();
    const days = workingDays();
    const density = densities(days.length);
    const passwordHash = await hashPassword(BENCH_PASSWORD);

    // Index → id maps in helper tables (dropped at the end), which the parallel booking writers below read too.
    await c.query(`CREATE UNLOGGED TABLE b_agencies AS SELECT (a.i - 1) AS idx, gen_random_uuid() AS id, a.short, a.fi, a.sv, a.en
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS a(short, fi, sv, en, i)`, [
      AGENCIES.map((a) => a.short),
      AGENCIES.map((a) => a.fi),
      AGENCIES.map((a) => a.sv),
      AGENCIES.map((a) => a.en),
    ]);
    await c.query(`CREATE UNLOGGED TABLE b_contractors AS SELECT i AS idx, gen_random_uuid() AS id FROM generate_series(0, $1::int - 1) i`, [POINTS / POINTS_PER_CONTRACTOR]);
    await c.query(`CREATE UNLOGGED TABLE b_points AS SELECT (n - 1)::int AS idx, gen_random_uuid() AS id, ((n - 1) / $2::int)::int AS contractor_idx, density
      FROM unnest($1::float8[]) WITH ORDINALITY AS d(density, n)`, [density, POINTS_PER_CONTRACTOR]);
    await c.query(`CREATE UNLOGGED TABLE b_rooms AS SELECT row_number() OVER (ORDER BY p.idx, r) - 1 AS idx, gen_random_uuid() AS id, p.id AS point_id, p.density, r
      FROM b_points p, generate_series(1, CASE WHEN p.idx % 2 = 0 THEN 2 ELSE 1 END) r`);
    await c.query(`CREATE UNLOGGED TABLE b_experts AS SELECT i AS n, i % 3 AS agency_idx, i / 3 AS k, gen_random_uuid() AS id FROM generate_series(0, $1::int - 1) i`, [EXPERTS]);
    await c.query(`CREATE UNLOGGED TABLE b_services AS SELECT row_number() OVER () - 1 AS idx, a.idx AS agency_idx, s AS k, gen_random_uuid() AS id
      FROM b_agencies a, generate_series(0, ($1::int[])[a.idx + 1] - 1) s`, [SERVICES_PER_AGENCY]);
    await c.query(`CREATE UNLOGGED TABLE b_days AS SELECT (n - 1)::int AS idx, day::date AS day FROM unnest($1::text[]) WITH ORDINALITY AS d(day, n)`, [days]);
    for (const t of ['b_agencies', 'b_contractors', 'b_points', 'b_rooms', 'b_experts', 'b_services', 'b_days']) await c.query(`ANALYZE ${t}`);

    const loc = (fi: string, sv: string, en: string) => `jsonb_build_object('fi', ${fi}, 'sv', ${sv}, 'en', ${en})`;
    await c.query(`INSERT INTO organisations (id, kind, name, short_name) SELECT id, 'principal', ${loc('fi', 'sv', 'en')}, ${loc('short', 'short', 'short')} FROM b_agencies`);
    await c.query(`INSERT INTO organisations (id, kind, name, short_name)
      SELECT id, 'contractor', ${loc(`'Palveluyhtiö ' || (idx + 1)`, `'Servicebolag ' || (idx + 1)`, `'Service company ' || (idx + 1)`)}, ${loc(`'PY' || (idx + 1)`, `'PY' || (idx + 1)`, `'PY' || (idx + 1)`)} FROM b_contractors`);
    await c.query(`INSERT INTO service_points (id, organisation_id, name, street_address, postal_code, city, phone)
      SELECT p.id, c.id, ${loc(`'Etäpiste ' || (p.idx + 1)`, `'Distanspunkt ' || (p.idx + 1)`, `'Remote point ' || (p.idx + 1)`)},
        ${loc(`'Asiointikatu ' || (p.idx + 1)`, `'Ärendegatan ' || (p.idx + 1)`, `'Asiointikatu ' || (p.idx + 1)`)}, lpad(((p.idx * 470) % 99000 + 100)::text, 5, '0'), ${loc(`'Kunta ' || (p.idx + 1)`, `'Kommun ' || (p.idx + 1)`, `'Municipality ' || (p.idx + 1)`)},
        '+358 9 ' || (100000 + p.idx)
      FROM b_points p JOIN b_contractors c ON c.idx = p.contractor_idx`);
    await c.query(`INSERT INTO opening_hours (service_point_id, weekday, opens, closes) SELECT p.id, w, '09:00', '15:00' FROM b_points p, generate_series(1, 5) w`);
    // created_at orders a point's rooms (the slot computation tries them in that order).
    await c.query(`INSERT INTO rooms (id, service_point_id, name, created_at)
      SELECT id, point_id, ${loc(`'Huone ' || r`, `'Rum ' || r`, `'Room ' || r`)}, now() - interval '400 days' + r * interval '1 second' FROM b_rooms`);
    await c.query(`INSERT INTO users (id, organisation_id, email, name)
      SELECT e.id, a.id, 'expert-' || lpad((e.n + 1)::text, 4, '0') || '@bench.example', 'Asiantuntija ' || lpad((e.n + 1)::text, 4, '0')
      FROM b_experts e JOIN b_agencies a ON a.idx = e.agency_idx`);
    await c.query(`INSERT INTO role_assignments (user_id, role, organisation_id) SELECT e.id, 'expert', a.id FROM b_experts e JOIN b_agencies a ON a.idx = e.agency_idx`);
    await c.query(`INSERT INTO working_hours (resource_kind, resource_id, weekday, starts, ends) SELECT 'expert', e.id, w, '08:00', '16:00' FROM b_experts e, generate_series(1, 5) w`);
    await c.query(`INSERT INTO services (id, agency_id, name, duration_minutes, languages)
      SELECT s.id, a.id, ${loc(`'Palvelu ' || (s.idx + 1)`, `'Tjänst ' || (s.idx + 1)`, `'Service ' || (s.idx + 1)`)}, 30, '{fi,sv,en}'
      FROM b_services s JOIN b_agencies a ON a.idx = s.agency_idx`);
    // The people who sign in: an advisor at the busiest point (point 1), and one booker per agency.
    const advisor = await c.query<{ id: string }>(`INSERT INTO users (organisation_id, email, name, password_hash)
      SELECT c.id, $1, 'Neuvoja Penkki', $2 FROM b_points p JOIN b_contractors c ON c.idx = p.contractor_idx WHERE p.idx = 0 RETURNING id`, [ADVISOR_EMAIL, passwordHash]);
    await c.query(`INSERT INTO role_assignments (user_id, role, organisation_id, service_point_id)
      SELECT $1, 'advisor', c.id, p.id FROM b_points p JOIN b_contractors c ON c.idx = p.contractor_idx WHERE p.idx = 0`, [advisor.rows[0]!.id]);
    for (let i = 0; i < AGENCIES.length; i++) {
      const booker = await c.query<{ id: string }>(`INSERT INTO users (organisation_id, email, name, password_hash)
        SELECT id, $1, 'Varaaja ' || short, $2 FROM b_agencies WHERE idx = $3 RETURNING id`, [bookerEmail(i), passwordHash, i]);
      await c.query(`INSERT INTO role_assignments (user_id, role, organisation_id) SELECT $1, 'agency-booker', id FROM b_agencies WHERE idx = $2`, [booker.rows[0]!.id, i]);
    }
    await c.query(`CREATE UNLOGGED TABLE b_expert_lists AS SELECT agency_idx, array_agg(id ORDER BY k) AS ids, count(*)::int AS n FROM b_experts GROUP BY agency_idx`);
    await c.query(`CREATE UNLOGGED TABLE b_service_lists AS SELECT agency_idx, array_agg(id ORDER BY k) AS ids, count(*)::int AS n FROM b_services GROUP BY agency_idx`);
    const directoryMs = performance.now() - t1;

    // Bookings, in chunks of days so each statement stays bounded, written by two connections at once (the
    // exclusion constraints' GiST upkeep and checks, ~0.05–0.08 ms a row each, are most of the cost). h1 decides whether the slot is
    // filled, h2 the agency, service, status, channel and language. The reference ('B' + 7 digits) lies outside the
    // app's 6-letter space.
    const t2 = performance.now();
    const CHUNK = 30;
    const chunks = Array.from({ length: Math.ceil(days.length / CHUNK) }, (_, i) => i * CHUNK);
    let done = 0;
    const writer = async () => {
      const w = new pg.Client({ connectionString: url });
      await w.connect();
      try {
        await w.query(`SET synchronous_commit = off`);
        // Skips the foreign-key triggers (every id comes from a join on the rows just written); the exclusion
        // constraints are index checks and stay on. Saves about a third of the time.
        await w.query(`SET session_replication_role = replica`);
        for (let from = chunks.shift(); from !== undefined; from = chunks.shift()) {
          await w.query(insertBookings, [from, from + CHUNK]);
          done += Math.min(CHUNK, days.length - from);
          process.stderr.write(`bench data: bookings for ${done} of ${days.length} working days, ${Math.round(performance.now() - t2)} ms\n`);
        }
      } finally {
        await w.end();
      }
    };
    await Promise.all([writer(), writer()]);
    const bookingsMs = performance.now() - t2;
    const t3 = performance.now();
    await c.query(`VACUUM ANALYZE`);
    const analyzeMs = performance.now() - t3;
    for (const t of ['b_agencies', 'b_contractors', 'b_points', 'b_rooms', 'b_experts', 'b_services', 'b_days', 'b_expert_lists', 'b_service_lists']) await c.query(`DROP TABLE ${t}`);
    return { totalMs: Math.round(performance.now() - t0), migrateMs: Math.round(migrateMs), directoryMs: Math.round(directoryMs), bookingsMs: Math.round(bookingsMs), analyzeMs: Math.round(analyzeMs) };
  } finally {
    await c.end();
  }
}

async function describe(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT
      (SELECT count(*)::int FROM service_points) AS "servicePoints", (SELECT count(*)::int FROM rooms) AS rooms,
      (SELECT count(*)::int FROM role_assignments WHERE role = 'expert') AS experts, (SELECT count(*)::int FROM services) AS services,
      (SELECT count(*)::int FROM bookings) AS bookings, (SELECT count(*)::int FROM bookings WHERE status <> 'cancelled') AS "activeBookings",
      (SELECT round(pg_database_size(current_database()) / 1048576.0)::int) AS "databaseMb",
      (SELECT service_point_id FROM role_assignments ra JOIN users u ON u.id = ra.user_id WHERE u.email = $1 AND ra.role = 'advisor') AS "busyPointId",
      -- The national agencies, each with its bench booker (another bench may add agencies of its own to the data set).
      (SELECT array_agg(o.id ORDER BY u.email) FROM organisations o JOIN role_assignments ra ON ra.organisation_id = o.id AND ra.role = 'agency-booker'
        JOIN users u ON u.id = ra.user_id AND u.email LIKE 'booker-%@bench.example' WHERE o.kind = 'principal') AS "agencyIds"`, [ADVISOR_EMAIL]);
    const { databaseMb, busyPointId, agencyIds, ...counts } = rows[0];
    return { counts: counts as NationalData['counts'], databaseMb: databaseMb as number, busyPointId: busyPointId as string, agencyIds: agencyIds as string[] };
  } finally {
    await c.end();
  }
}

/** Complete national data sets on the server, newest first. */
async function completeDataSets(admin: pg.Client): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'etapiste\\_bench\\_%' AND shobj_description(oid, 'pg_database') = $1 ORDER BY datname DESC`,
    [MARKER],
  );
  return rows.map((r) => r.datname);
}

/** Opens the national data set: an existing one (BENCH_DB_NAME, or BENCH_KEEP=1 and one exists) or a new one. */
export async function openNationalData(): Promise<NationalData> {
  const keep = process.env.BENCH_KEEP === '1' || !!process.env.BENCH_DB_NAME;
  const { name, exists } = await withAdmin(async (admin) => {
    const named = process.env.BENCH_DB_NAME;
    if (named && !/^[a-z0-9_]+$/.test(named)) throw new Error('BENCH_DB_NAME: lower-case letters, digits and _ only');
    const complete = await completeDataSets(admin);
    if (named) {
      if (complete.includes(named)) return { name: named, exists: true };
      const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [named]);
      if (rowCount) throw new Error(`database ${named} exists but holds no complete national data set; drop it or pick another name`);
      await admin.query(`CREATE DATABASE ${named}`);
      return { name: named, exists: false };
    }
    if (keep && complete[0]) return { name: complete[0], exists: true };
    const fresh = `etapiste_bench_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${fresh}`);
    return { name: fresh, exists: false };
  });
  const url = urlFor(name);
  const drop = () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  let generation: GenerationFigures | undefined;
  if (exists) {
    // A kept data set may predate newer migrations of the app under test.
    const database = await openPostgres(url, 2);
    await database.migrate();
    await database.close();
  } else {
    try {
      generation = await generate(url);
    } catch (error) {
      await drop();
      throw error;
    }
    await withAdmin((admin) => admin.query(`COMMENT ON DATABASE ${name} IS '${MARKER}'`));
  }
  await ensureAgreements(url);
  const activity = await ensureActivity(url);
  if (activity) process.stderr.write(`bench data: activity added ${JSON.stringify(activity)}\n`);
  if (keep) process.stderr.write(`bench data: ${exists ? 'reusing' : 'kept'} database ${name} (BENCH_DB_NAME=${name} to reuse)\n`);
  return { url, name, reused: exists, generation, ...(await describe(url)), close: keep ? async () => undefined : drop };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Alone, it always generates (into BENCH_DB_NAME when given) and keeps the result.
  process.env.BENCH_DB_NAME ??= `etapiste_bench_${Date.now()}`;
  const data = await openNationalData();
  const { close, ...figures } = data;
  console.log(JSON.stringify({ bench: 'national-data', ...figures }));
  await close();
}
