// Booking creation at national scale: the app in its own process on a loopback port (bench/serve.ts), K concurrent
// HTTP clients (fetch, keep-alive) posting bookings as the agencies' bookers at distinct free slots, found first
// through /api/availability over 4 weeks from next Monday across many points and shuffled, for BENCH_SECONDS or
// BENCH_REQUESTS. The bare baseline runs interleaved with it, so both see the same load on the machine: the HTTP
// phase goes in BENCH_WINDOWS short windows, and after each one the rows the app has written so far are deleted and
// inserted again (a) as single-row autocommit INSERTs into bookings (same columns, same constraints) by K pg
// connections and (b) as the whole write set of one booking (booking, event, customer messages, audit row) in one
// transaction without the app, and (c) the same as (b) preceded in its transaction by the start choice the app
// makes for the row (the same statement, start-repository.ts, prepared): a booking's whole database work, reads and
// writes, without HTTP and Node, each repeated until a few hundred ms are timed. (a) is the issue's yardstick; (c) is
// the fair "database speed" for a booking, since a booking must also choose its room and least-loaded expert.
// Rows the bench created are deleted at the end (audit rows are append-only and stay). Prints one JSON line.
// Usage: npm run bench:booking-create   (BENCH_CLIENTS=16 BENCH_SECONDS=10 BENCH_REQUESTS=2000 BENCH_WINDOWS=5;
//        BENCH_SERVER_NODE_ARGS: node flags for the app process; BENCH_KEEP / BENCH_DB_NAME: see bench/national-data.ts)
import os from 'node:os';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../src/server/db/client.js';
import * as schema from '../src/server/db/schema/index.js';
import { type StartChoiceQuery, startRepository } from '../src/server/modules/bookings/start-repository.js';
import { addDays, localDate, localTime, weekdayOf, zonedInstant } from '../src/server/modules/scheduling/time.js';
import { type AppProcess, type Session, backendCpu, cpuDelta, postBooking, processCpuMs, signInBookers, startServer, traceDelta } from './http-app.js';
import { openNationalData } from './national-data.js';

const bounded = (v: string | undefined, dflt: number, min: number, max: number) => Math.min(Math.max(Number(v ?? dflt) || dflt, min), max);
const K = bounded(process.env.BENCH_CLIENTS, 16, 1, 64);
const SECONDS = bounded(process.env.BENCH_SECONDS, 10, 1, 120);
const MAX_REQUESTS = bounded(process.env.BENCH_REQUESTS, 2000, 10, 20_000);
const PHASE_LIMIT_MS = 120_000;
const WINDOWS = bounded(process.env.BENCH_WINDOWS, 5, 1, 50);

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const r2 = (x: number) => Math.round(x * 100) / 100;
const summary = (xs: number[]) => ({ p50: r2(quantile(xs, 0.5)), p99: r2(quantile(xs, 0.99)) });

/** A small seeded PRNG, so every run shuffles the same way. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nextMonday(): string {
  let d = addDays(localDate(new Date(), 'Europe/Helsinki'), 1);
  while (weekdayOf(d) !== 1) d = addDays(d, 1);
  return d;
}

type Work = { session: Session; servicePointId: string; start: string };
type BookingCopy = Record<string, unknown>;

const loadAtStart = os.loadavg()[0]!;
const data = await openNationalData();
const BENCH_APP_NAME = 'etapiste-bench';
const pool = new pg.Pool({ connectionString: data.url, max: K + 2, application_name: BENCH_APP_NAME });
let server: AppProcess | undefined;
// Every booking the generator wrote has no creator; the bench's all have one.
const cleanUp = () => pool.query(`DELETE FROM bookings WHERE created_by IS NOT NULL`);

try {
  await cleanUp();
  server = await startServer(data.url);
  const { base } = server;

  // One signed-in booker per agency; each client request goes out as the booker of the slot's agency.
  const sessions = await signInBookers(base, pool, data.agencyIds.length);

  // Free slots, point by point, until there are enough: per point, slots that do not overlap each other (so two
  // requests never compete for one room), the agency alternating.
  const from = nextMonday();
  const to = addDays(from, 27);
  const { rows: points } = await pool.query<{ id: string }>(`SELECT id FROM service_points WHERE active ORDER BY street_address`);
  const work: Work[] = [];
  const availabilityMs: number[] = [];
  const gatherStarted = performance.now();
  for (const point of points) {
    if (work.length >= MAX_REQUESTS || performance.now() - gatherStarted > PHASE_LIMIT_MS) break;
    const candidates: { start: string; startMs: number; endMs: number; session: Session }[] = [];
    await Promise.all(
      sessions.map(async (session) => {
        const q = new URLSearchParams({ servicePointId: point.id, agencyId: session.agencyId, serviceId: session.serviceId, from, to });
        const t = performance.now();
        const res = await fetch(`${base}/api/availability?${q}`, { headers: { cookie: session.cookie } });
        availabilityMs.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`availability: ${res.status} ${await res.text()}`);
        for (const s of ((await res.json()) as { slots: { start: string; end: string }[] }).slots) {
          candidates.push({ start: s.start, startMs: Date.parse(s.start), endMs: Date.parse(s.end), session });
        }
      }),
    );
    candidates.sort((a, b) => a.startMs - b.startMs || a.session.agencyId.localeCompare(b.session.agencyId));
    let freeFrom = 0;
    let turn = 0;
    for (let i = 0; i < candidates.length; i++) {
      if (candidates[i]!.startMs < freeFrom) continue;
      // Among the agencies free at this start, take them in turn.
      const same = candidates.filter((c) => c.startMs === candidates[i]!.startMs);
      const pick = same[turn++ % same.length]!;
      work.push({ session: pick.session, servicePointId: point.id, start: pick.start });
      freeFrom = pick.endMs;
    }
  }
  const random = mulberry32(20251129);
  for (let i = work.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [work[i], work[j]] = [work[j]!, work[i]!];
  }
  work.length = Math.min(work.length, MAX_REQUESTS);

  // The HTTP phase in WINDOWS short windows, each followed at once by the two bare phases (so all three see the same
  // load on the machine): the rows the app has written so far, deleted (untimed) and inserted again bare.
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let firstError: string | undefined;
  let next = 0;
  let httpMs = 0;
  let serverCpuMs = 0;
  const windows: { httpPerSecond: number; bareInsertPerSecond: number; bareTransactionPerSecond: number; bareBookingPerSecond: number }[] = [];
  const bareInsertLat: number[] = [];
  const bareTransactionLat: number[] = [];
  let bareInsertTimed = { rows: 0, ms: 0, cpuMs: 0 };
  let bareTransactionTimed = { rows: 0, ms: 0, cpuMs: 0 };
  let bareBookingTimed = { rows: 0, ms: 0, cpuMs: 0 };
  const bareBookingLat: number[] = [];
  let appPgCpuMs = 0;
  const columns = [
    'reference', 'service_point_id', 'room_id', 'agency_id', 'service_id', 'expert_id', 'interpreter_id', 'interpreting_language', 'starts_at', 'ends_at',
    'status', 'channel', 'walk_in', 'customer_name', 'customer_phone', 'customer_email', 'language', 'note', 'created_by',
  ];
  const insertSql = `INSERT INTO bookings (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;

  /**
   * K connections, each taking the next row; per-statement latencies and the timed rows and ms. The rows of one
   * window take a blink, so they are written again (deleted in between, untimed) until MIN_BARE_MS are timed.
   */
  const MIN_BARE_MS = 400;
  const runBare = async (copies: BookingCopy[], lat: number[], one: (c: pg.PoolClient, row: BookingCopy) => Promise<void>) => {
    const clients = await Promise.all(Array.from({ length: K }, () => pool.connect()));
    const pids = clients.map((c) => (c as unknown as { processID: number }).processID);
    const pgCpu = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
    let rows = 0;
    let timedMs = 0;
    let cpuMs = 0;
    try {
      while (copies.length && timedMs < MIN_BARE_MS) {
        await cleanUp();
        let i = 0;
        const cpuBefore = pgCpu();
        const started = performance.now();
        await Promise.all(
          clients.map(async (c) => {
            while (i < copies.length) {
              const row = copies[i++]!;
              const t = performance.now();
              await one(c, row);
              lat.push(performance.now() - t);
              rows++;
            }
          }),
        );
        timedMs += performance.now() - started;
        cpuMs += pgCpu() - cpuBefore;
      }
    } finally {
      for (const c of clients) c.release();
    }
    return { rows, ms: timedMs, cpuMs };
  };
  const bareInsertOne = async (c: pg.PoolClient, row: BookingCopy) => {
    await c.query(insertSql, columns.map((k) => row[k]));
  };
  // What create-booking writes, without its reads and without the app: booking, event, 2 messages now and 2
  // reminders, audit row.
  const bareTransactionOne = async (c: pg.PoolClient, row: BookingCopy) => {
    await c.query('BEGIN');
    try {
      await writeSameRows(c, row);
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    }
  };
  const writeSameRows = async (c: pg.PoolClient, row: BookingCopy) => {
    {
      const { rows } = await c.query<{ id: string }>(`${insertSql} RETURNING id`, columns.map((k) => row[k]));
      const id = rows[0]!.id;
      await c.query(`INSERT INTO booking_events (booking_id, actor_id, kind, to_start, to_status) VALUES ($1, $2, 'created', $3, 'booked')`, [id, row.created_by, row.starts_at]);
      await c.query(
        `INSERT INTO customer_messages (booking_id, kind, channel, booking_version, send_after) VALUES
         ($1, 'confirmation', 'email', 1, now()), ($1, 'confirmation', 'sms', 1, now()), ($1, 'reminder', 'email', 1, $2), ($1, 'reminder', 'sms', 1, $2)
         ON CONFLICT DO NOTHING`,
        [id, new Date((row.starts_at as Date).getTime() - 86_400_000)],
      );
      await c.query(
        `INSERT INTO audit_events (actor_type, actor_id, action, target_type, target_id, organisation_id, ip, details)
         VALUES ('user', $1, 'booking.created', 'booking', $2, $3, '127.0.0.1', '{"channel":"agency-phone"}')`,
        [row.created_by, id, row.agency_id],
      );
    }
  };

  // (c): the start choice for the row, as check-start.ts would ask it (the point's active rooms, the day's opening
  // span), computed before timing, then the same statement the app sends, then (b)'s writes, in one transaction.
  const pointInfo = new Map<string, { rooms: string[]; tz: string; hours: { weekday: number; opens: string; closes: string }[] }>();
  const choiceFor = async (row: BookingCopy): Promise<StartChoiceQuery> => {
    const pointId = row.service_point_id as string;
    let info = pointInfo.get(pointId);
    if (!info) {
      const { rows: rooms } = await pool.query<{ id: string }>(`SELECT id FROM rooms WHERE service_point_id = $1 AND active ORDER BY name, id`, [pointId]);
      const { rows: tz } = await pool.query<{ tz: string }>(`SELECT time_zone AS tz FROM service_points WHERE id = $1`, [pointId]);
      const { rows: hours } = await pool.query<{ weekday: number; opens: string; closes: string }>(
        `SELECT weekday, opens::text AS opens, closes::text AS closes FROM opening_hours WHERE service_point_id = $1 ORDER BY opens`,
        [pointId],
      );
      pointInfo.set(pointId, (info = { rooms: rooms.map((r) => r.id), tz: tz[0]!.tz, hours }));
    }
    const start = row.starts_at as Date;
    const end = row.ends_at as Date;
    const date = localDate(start, info.tz);
    const weekday = weekdayOf(date);
    const open = info.hours.filter((h) => h.weekday === weekday);
    return {
      agencyId: row.agency_id as string,
      roomIds: info.rooms,
      date,
      weekday,
      tz: info.tz,
      start,
      end,
      localStart: localTime(start, info.tz),
      localEnd: localTime(end, info.tz),
      span: { start: zonedInstant(date, open[0]!.opens.slice(0, 5), info.tz), end: zonedInstant(date, open[open.length - 1]!.closes.slice(0, 5), info.tz) },
    };
  };
  const drizzles = new WeakMap<pg.PoolClient, Db>();
  const bareBookingOne = async (c: pg.PoolClient, row: BookingCopy) => {
    let db = drizzles.get(c);
    if (!db) drizzles.set(c, (db = drizzle(c, { schema }) as unknown as Db));
    await c.query('BEGIN');
    try {
      const choice = await startRepository.choose(db, row.choice as StartChoiceQuery);
      if (!choice.roomId || !choice.expertId) throw new Error(`bare booking: the start choice found nothing free for ${String(row.starts_at)}`);
      await writeSameRows(c, row);
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    }
  };

  const windowMs = (SECONDS * 1000) / WINDOWS;
  const traceBefore = await server.trace();
  for (let w = 0; w < WINDOWS && next < work.length; w++) {
    // HTTP: K clients take the next slot until the slots or the window's time run out.
    const cpuBefore = processCpuMs(server.child.pid!);
    const pgBefore = await backendCpu(pool, BENCH_APP_NAME);
    const createdBefore = statuses['201'] ?? 0;
    const started = performance.now();
    const deadline = started + windowMs;
    const client = async () => {
      while (next < work.length && performance.now() < deadline) {
        const item = work[next++]!;
        const r = await postBooking(base, item.session, item.servicePointId, item.start);
        latencies.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status !== 201 && r.status !== 409) firstError ??= `${r.status} ${r.text.slice(0, 300)}`;
      }
    };
    await Promise.all(Array.from({ length: K }, client));
    const ms = performance.now() - started;
    httpMs += ms;
    serverCpuMs += processCpuMs(server.child.pid!) - cpuBefore;
    appPgCpuMs += cpuDelta(pgBefore.app, (await backendCpu(pool, BENCH_APP_NAME)).app);
    const httpPerSecond = ((statuses['201'] ?? 0) - createdBefore) / (ms / 1000);

    const { rows: copies } = await pool.query<BookingCopy>(`SELECT ${columns.join(', ')} FROM bookings WHERE created_by IS NOT NULL`);
    const a = await runBare(copies, bareInsertLat, bareInsertOne);
    const b = await runBare(copies, bareTransactionLat, bareTransactionOne);
    for (const row of copies) row.choice = await choiceFor(row);
    const c = await runBare(copies, bareBookingLat, bareBookingOne);
    bareInsertTimed = { rows: bareInsertTimed.rows + a.rows, ms: bareInsertTimed.ms + a.ms, cpuMs: bareInsertTimed.cpuMs + a.cpuMs };
    bareTransactionTimed = { rows: bareTransactionTimed.rows + b.rows, ms: bareTransactionTimed.ms + b.ms, cpuMs: bareTransactionTimed.cpuMs + b.cpuMs };
    bareBookingTimed = { rows: bareBookingTimed.rows + c.rows, ms: bareBookingTimed.ms + c.ms, cpuMs: bareBookingTimed.cpuMs + c.cpuMs };
    windows.push({
      httpPerSecond: r2(httpPerSecond),
      bareInsertPerSecond: r2(a.rows / (a.ms / 1000)),
      bareTransactionPerSecond: r2(b.rows / (b.ms / 1000)),
      bareBookingPerSecond: r2(c.rows / (c.ms / 1000)),
    });
  }
  const httpSeconds = httpMs / 1000;
  const created = statuses['201'] ?? 0;
  const statements = traceDelta(traceBefore, await server.trace(), created);
  const perRow = (t: { rows: number; cpuMs: number }) => (t.rows ? r2(t.cpuMs / t.rows) : null);
  const perSecond = (t: { rows: number; ms: number }) => r2(t.rows / (t.ms / 1000));
  const bareInsert = { rows: bareInsertTimed.rows, rowsPerSecond: perSecond(bareInsertTimed), latencyMs: summary(bareInsertLat), pgCpuMsPerRow: perRow(bareInsertTimed) };
  const bareTransaction = {
    rows: bareTransactionTimed.rows,
    rowsPerSecond: perSecond(bareTransactionTimed),
    latencyMs: summary(bareTransactionLat),
    pgCpuMsPerRow: perRow(bareTransactionTimed),
  };
  const bareBooking = { rows: bareBookingTimed.rows, rowsPerSecond: perSecond(bareBookingTimed), latencyMs: summary(bareBookingLat), pgCpuMsPerRow: perRow(bareBookingTimed) };

  const httpPerSecond = r2(created / httpSeconds);
  const { rows: version } = await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  console.log(
    JSON.stringify({
      bench: 'booking-create',
      clients: K,
      range: { from, to },
      slotsPrepared: work.length,
      availabilityCallsMs: { n: availabilityMs.length, ...summary(availabilityMs) },
      http: {
        requests: latencies.length,
        created,
        conflicts: statuses['409'] ?? 0,
        statuses,
        seconds: r2(httpSeconds),
        createdPerSecond: httpPerSecond,
        latencyMs: summary(latencies),
        // CPU the app process used per created booking: less sensitive to other load on the machine than wall time.
        serverCpuMsPerBooking: created ? r2(serverCpuMs / created) : null,
        // CPU of the PostgreSQL backends serving the app (its pool, the audit sealer) per created booking.
        pgCpuMsPerBooking: created ? r2(appPgCpuMs / created) : null,
        // With BENCH_TRACE=1: statements the app sent per created booking, by first word, and their round trips.
        ...(statements ? { statements } : {}),
        windows,
        ...(firstError ? { firstError } : {}),
      },
      bareInsert,
      bareTransaction,
      bareBooking,
      // HTTP bookings per bare INSERT, per bare write set, and per bare booking (choice + write set), in the same windows.
      ratio: Math.round((httpPerSecond / bareInsert.rowsPerSecond) * 10_000) / 10_000,
      ratioToBareTransaction: Math.round((httpPerSecond / bareTransaction.rowsPerSecond) * 10_000) / 10_000,
      ratioToBareBooking: Math.round((httpPerSecond / bareBooking.rowsPerSecond) * 10_000) / 10_000,
      dataSet: { database: data.name, reused: data.reused, ...data.counts, databaseMb: data.databaseMb, generation: data.generation },
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverage1m: [r2(loadAtStart), r2(os.loadavg()[0]!)], node: process.version, postgres: version[0]!.v },
    }),
  );
} finally {
  await cleanUp().catch(() => undefined);
  await server?.stop();
  await pool.end();
  await data.close();
}
