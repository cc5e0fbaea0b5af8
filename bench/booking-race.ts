// A race for one slot: R rounds, each firing N concurrent POST /api/bookings (default 100) for the same start at a
// service point with one room, as one agency's booker, at the app in its own process (bench/serve.ts) on the national
// data set (bench/national-data.ts) on PostgreSQL. Every round must end with exactly one 201 and N − 1 × 409.
// Deadlocks are PostgreSQL's own count (pg_stat_database.deadlocks) before and after. The bare baseline in the same
// run: the winning row inserted N times at once, autocommit, over as many connections as the app's pool (10), the
// latency of each counted from the burst's start, as for the HTTP requests (BENCH_BARE_ROUNDS of them: it deadlocks).
// And the floor for HTTP on this machine at this moment: before each round, N concurrent GET /api/me (a session
// lookup, the least an authenticated request does) as the same booker.
// One more round first warms the app up and is reported apart (warmUpRound), not in the figures.
// Rows the bench created are deleted at the end (audit rows are append-only and stay). Prints one JSON line.
// Usage: npm run bench:booking-race   (BENCH_RACERS=100 BENCH_ROUNDS=20 BENCH_BARE_ROUNDS=3; BENCH_KEEP / BENCH_DB_NAME: see bench/national-data.ts)
import os from 'node:os';
import pg from 'pg';
import { addDays, localDate, weekdayOf } from '../src/server/modules/scheduling/time.js';
import { type AppProcess, postBooking, signInBookers } from './http-app.js';
import { startServer } from './http-app.js';
import { percentile } from './lib.js';
import { openNationalData } from './national-data.js';

const bounded = (v: string | undefined, dflt: number, min: number, max: number) => Math.min(Math.max(Number(v ?? dflt) || dflt, min), max);
const N = bounded(process.env.BENCH_RACERS, 100, 2, 500);
const ROUNDS = bounded(process.env.BENCH_ROUNDS, 20, 1, 200);
const APP_POOL = 10;
const BARE_ROUNDS = bounded(process.env.BENCH_BARE_ROUNDS, 3, 1, 200);
const r2 = (x: number) => Math.round(x * 100) / 100;
const summary = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99), max: r2(Math.max(...xs)) });

function nextMonday(): string {
  let d = addDays(localDate(new Date(), 'Europe/Helsinki'), 1);
  while (weekdayOf(d) !== 1) d = addDays(d, 1);
  return d;
}

const loadAtStart = os.loadavg()[0]!;
const data = await openNationalData();
const pool = new pg.Pool({ connectionString: data.url, max: APP_POOL + 2 });
let server: AppProcess | undefined;
const cleanUp = () => pool.query(`DELETE FROM bookings WHERE created_by IS NOT NULL`);

/** PostgreSQL's deadlock count for the database; a backend reports its counters when it goes idle, so look twice. */
async function deadlocks(): Promise<number> {
  const read = async () => {
    const { rows } = await pool.query<{ n: string }>(`SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()`);
    return Number(rows[0]!.n);
  };
  let n = await read();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await read();
    if (again === n && i >= 11) break; // steady for a while past the stats flush interval (1 s)
    n = again;
  }
  return n;
}

try {
  await cleanUp();
  server = await startServer(data.url);
  const { base } = server;
  const [session] = await signInBookers(base, pool, 1);

  // A point with a single room, so one booking fills the slot for everyone.
  const { rows: points } = await pool.query<{ id: string }>(
    `SELECT p.id FROM service_points p WHERE p.active AND (SELECT count(*) FROM rooms r WHERE r.service_point_id = p.id AND r.active) = 1
     ORDER BY p.street_address LIMIT 1`,
  );
  const pointId = points[0]!.id;
  const from = nextMonday();
  const q = new URLSearchParams({ servicePointId: pointId, agencyId: session!.agencyId, serviceId: session!.serviceId, from, to: addDays(from, 27) });
  const res = await fetch(`${base}/api/availability?${q}`, { headers: { cookie: session!.cookie } });
  if (res.status !== 200) throw new Error(`availability: ${res.status} ${await res.text()}`);
  const slots = ((await res.json()) as { slots: { start: string; end: string }[] }).slots;
  const starts: string[] = [];
  let freeFrom = 0;
  for (const s of slots) {
    if (Date.parse(s.start) < freeFrom) continue;
    starts.push(s.start);
    freeFrom = Date.parse(s.end);
    if (starts.length === ROUNDS + 1) break;
  }
  if (starts.length < ROUNDS + 1) throw new Error(`only ${starts.length} free slots for ${ROUNDS} rounds and the warm-up`);

  let deadlocksBefore = await deadlocks();
  const rounds: { created: number; conflicts: number; other: number; p50: number; p99: number; deadlocks: number }[] = [];
  const all: number[] = [];
  const statuses: Record<string, number> = {};
  let firstError: string | undefined;
  let roundDeadlocks = deadlocksBefore;
  const floor: number[] = [];
  // The first round warms the app up (JIT, the pool's connections, the catalogue); it is reported on its own.
  let warmUp: { created: number; p50: number; p99: number; deadlocks: number } | undefined;
  for (const [index, start] of starts.entries()) {
    const me = await Promise.all(
      Array.from({ length: N }, async () => {
        const t = performance.now();
        const res = await fetch(`${base}/api/me`, { headers: { cookie: session!.cookie } });
        await res.text();
        return performance.now() - t;
      }),
    );
    const results = await Promise.all(Array.from({ length: N }, () => postBooking(base, session!, pointId, start)));
    const ms = results.map((r) => r.ms);
    if (index === 0) {
      const warmDeadlocks = await deadlocks();
      warmUp = { created: results.filter((r) => r.status === 201).length, p50: percentile(ms, 50), p99: percentile(ms, 99), deadlocks: warmDeadlocks - deadlocksBefore };
      deadlocksBefore = roundDeadlocks = warmDeadlocks;
      continue;
    }
    floor.push(...me);
    all.push(...ms);
    for (const r of results) {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status !== 201 && r.status !== 409) firstError ??= `${r.status} ${r.text.slice(0, 300)}`;
    }
    const after = await deadlocks();
    const created = results.filter((r) => r.status === 201).length;
    const conflicts = results.filter((r) => r.status === 409).length;
    rounds.push({ created, conflicts, other: N - created - conflicts, p50: percentile(ms, 50), p99: percentile(ms, 99), deadlocks: after - roundDeadlocks });
    roundDeadlocks = after;
  }
  const deadlocksAfter = await deadlocks();

  // Bare: the rows the app wrote, each raced N times at once as plain INSERTs over APP_POOL connections.
  const { rows: winners } = await pool.query<Record<string, unknown>>(
    `SELECT reference, service_point_id, room_id, agency_id, service_id, expert_id, interpreter_id, starts_at, ends_at, status, channel,
       customer_name, customer_phone, customer_email, language, created_by
     FROM bookings WHERE created_by IS NOT NULL ORDER BY starts_at`,
  );
  const bare: number[] = [];
  const bareStatuses: Record<string, number> = {};
  if (winners.length) {
    const columns = Object.keys(winners[0]!).filter((c) => c !== 'reference');
    const insertSql = `INSERT INTO bookings (reference, ${columns.join(', ')}) VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})`;
    await cleanUp();
    const racePool = new pg.Pool({ connectionString: data.url, max: APP_POOL });
    try {
      await Promise.all(Array.from({ length: APP_POOL }, () => racePool.query('SELECT 1')));
      for (const w of winners.slice(0, BARE_ROUNDS)) {
        const t = performance.now();
        await Promise.all(
          Array.from({ length: N }, async (_, i) => {
            let code = 'ok';
            try {
              await racePool.query(insertSql, [`${String(w.reference).slice(0, 6)}${i.toString(36)}`, ...columns.map((c) => w[c])]);
            } catch (error) {
              code = (error as { code?: string }).code ?? 'error';
            }
            bareStatuses[code] = (bareStatuses[code] ?? 0) + 1;
            bare.push(performance.now() - t);
          }),
        );
      }
    } finally {
      await racePool.end();
    }
  }
  const bareDeadlocks = (await deadlocks()) - deadlocksAfter;

  console.log(
    JSON.stringify({
      bench: 'booking-race',
      racers: N,
      rounds: ROUNDS,
      http: {
        statuses,
        roundsExactlyOneWinner: rounds.filter((r) => r.created === 1 && r.conflicts === N - 1).length,
        latencyMs: summary(all),
        roundP99Ms: rounds.map((r) => r.p99),
        deadlocks: deadlocksAfter - deadlocksBefore,
        deadlocksPerRound: rounds.map((r) => r.deadlocks),
        ...(firstError ? { firstError } : {}),
      },
      warmUpRound: warmUp,
      floorGetMe: { latencyMs: summary(floor) },
      bare: { rounds: Math.min(BARE_ROUNDS, winners.length), statuses: bareStatuses, latencyMs: bare.length ? summary(bare) : null, deadlocks: bareDeadlocks, connections: APP_POOL },
      dataSet: { database: data.name, reused: data.reused, bookings: data.counts.bookings },
      machine: { cpus: os.cpus().length, loadAverage1m: [r2(loadAtStart), r2(os.loadavg()[0]!)], node: process.version },
    }),
  );
} finally {
  await cleanUp().catch(() => undefined);
  await server?.stop();
  await pool.end();
  await data.close();
}
