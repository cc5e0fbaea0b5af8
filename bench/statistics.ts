// Statistics, whole HTTP request beside the bare SQL, on the national data set (bench/national-data.ts):
//   year:       the last 365 days for all points, grouped by agency, asked by a coordinator;
//   pointMonth: the last full month of the busiest point, grouped by week.
// Sequential requests through app.inject (server time = reply.elapsedTime); interleaved in the same run, the SQL the
// endpoint issued (captured from every pg client, the session look-up excluded; its transaction included) replayed one
// after another on one connection.
// Before the cases, the statistics rollup is brought up to yesterday as the statistics.refresh job does (the first run
// on a data set counts every past day: `rollup.catchUpMs`), then refreshed again with one day's bookings marked dirty
// by an update (`rollup.markedRefreshMs`); the cases run with nothing marked, as between two changes.
// Load average at start and end, since the machine is shared. One JSON line.
// Usage: npx tsx bench/statistics.ts   (BENCH_N=30 requests per case; BENCH_DB_NAME / BENCH_KEEP: see bench/national-data.ts)
import os from 'node:os';
import pg from 'pg';
import { hashPassword } from '../src/server/auth/password.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openPostgres } from '../src/server/db/client.js';
import { addDays, localDate } from '../src/server/modules/scheduling/time.js';
import { refreshStatisticsRollup } from '../src/server/modules/statistics/refresh-rollup.js';
import { monthDays } from '../src/server/modules/time-reports/days.js';
import { InProcessBus } from '../src/server/realtime/bus.js';
import { percentile } from './lib.js';
import { BENCH_PASSWORD, openNationalData } from './national-data.js';

const N = Math.min(Math.max(Number(process.env.BENCH_N ?? 30), 5), 1000);
const WARMUP = 3;
const COORDINATOR = 'coordinator@bench.example';
const round = (x: number) => Math.round(x * 100) / 100;
const summary = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99) });

const loadAtStart = os.loadavg().map(round);
const data = await openNationalData();
const database = await openPostgres(data.url);
const pool = database.pool!;

// A VM coordinator who sees every point (the data set has none of its own).
await pool.query(
  `WITH vm AS (INSERT INTO organisations (kind, name, short_name) SELECT 'ministry', '{"fi":"Valtiovarainministeriö","sv":"Finansministeriet","en":"Ministry of Finance"}', '{"fi":"VM","sv":"FM","en":"VM"}'
     WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $1) RETURNING id),
   u AS (INSERT INTO users (organisation_id, email, name, password_hash) SELECT id, $1, 'Koordinaattori Penkki', $2 FROM vm RETURNING id, organisation_id)
   INSERT INTO role_assignments (user_id, role, organisation_id) SELECT id, 'coordinator', organisation_id FROM u`,
  [COORDINATOR, await hashPassword(BENCH_PASSWORD)],
);

const refreshCtx = { db: database.db } as Parameters<typeof refreshStatisticsRollup>[0];
let t0 = performance.now();
const catchUp = await refreshStatisticsRollup(refreshCtx);
const catchUpMs = performance.now() - t0;
// A past booking at the busiest point changes (marking its day), then a refresh; then it changes back.
await pool.query(`UPDATE bookings SET walk_in = NOT walk_in WHERE id IN (SELECT id FROM bookings WHERE service_point_id = $1 AND starts_at < now() - interval '3 days' ORDER BY starts_at DESC LIMIT 1)`, [data.busyPointId]);
t0 = performance.now();
const marked = await refreshStatisticsRollup(refreshCtx);
const markedRefreshMs = performance.now() - t0;
await pool.query(`UPDATE bookings SET walk_in = NOT walk_in WHERE id IN (SELECT id FROM bookings WHERE service_point_id = $1 AND starts_at < now() - interval '3 days' ORDER BY starts_at DESC LIMIT 1)`, [data.busyPointId]);
await refreshStatisticsRollup(refreshCtx);
const rollupRows = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM statistics_days`)).rows[0]!.n;
const monthRows = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM statistics_months`)).rows[0]!.n;

const app = await buildApp({ config: testConfig(), database, bus: new InProcessBus() });
const serverMs: number[] = [];
app.addHook('onResponse', async (request, reply) => {
  if (request.url.startsWith('/api/statistics')) serverMs.push(reply.elapsedTime);
});
type Captured = { text: string; values: unknown[] };
let captured: Captured[] | undefined;
let armed = false;
app.addHook('preHandler', async (request) => {
  if (captured && request.url.startsWith('/api/statistics')) armed = true;
});
// Every statement any connection runs (the endpoint reads inside one transaction, on a client of its own).
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  const c = config as { text?: string; values?: unknown[] };
  // The audit sealer runs on its own timer: not the endpoint's.
  const text = typeof config === 'string' ? config : (c?.text ?? '');
  if (captured && armed && text && !text.includes('audit_events_seal')) captured.push({ text, values: (Array.isArray(values) ? values : undefined) ?? c.values ?? [] });
  return clientQuery.call(this, config, values, callback);
};
await app.ready();

const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: COORDINATOR, password: BENCH_PASSWORD } });
if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
const cookies = { etapiste_session: login.cookies.find((c) => c.name === 'etapiste_session')!.value };

async function runCase(query: Record<string, string>) {
  const url = `/api/statistics?${new URLSearchParams(query)}`;
  const ask = async () => {
    const res = await app.inject({ method: 'GET', url, cookies });
    if (res.statusCode !== 200) throw new Error(`statistics: ${res.statusCode} ${res.body}`);
    return res;
  };
  captured = [];
  const first = await ask();
  const statements = captured;
  captured = undefined;
  armed = false;
  const client = await pool.connect();
  const bare = async () => {
    const t = performance.now();
    for (const s of statements) await client.query(s.text, s.values);
    return performance.now() - t;
  };
  for (let i = 0; i < WARMUP; i++) {
    await ask();
    await bare();
  }
  serverMs.length = 0;
  const wallMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await ask();
    wallMs.push(performance.now() - t);
    bareMs.push(await bare());
  }
  if (process.env.BENCH_STATEMENTS) {
    for (const st of statements) {
      const t = performance.now();
      await client.query(st.text, st.values);
      process.stderr.write(`${Math.round(performance.now() - t)} ms  ${st.text.replace(/\s+/g, ' ').slice(0, 90)}\n`);
    }
  }
  client.release();
  const view = first.json() as { rows: { bookings: number }[] };
  return {
    query,
    rows: view.rows.length,
    bookings: view.rows.reduce((s, r) => s + r.bookings, 0),
    statements: statements.length,
    httpMs: summary(wallMs),
    serverMs: summary(serverMs),
    bareSqlMs: summary(bareMs),
  };
}

const today = localDate(new Date(), 'Europe/Helsinki');
const lastMonth = monthDays(addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7));
const year = await runCase({ from: addDays(today, -364), to: today, groupBy: 'agency' });
const pointMonth = await runCase({ ...lastMonth, groupBy: 'week', servicePointId: data.busyPointId });
await app.close();
await data.close();
console.log(
  JSON.stringify({
    bench: 'statistics',
    n: N,
    dataSet: { name: data.name, bookings: data.counts.bookings, servicePoints: data.counts.servicePoints },
    rollup: { catchUpMs: round(catchUpMs), catchUpDays: catchUp.counted.length, markedRefreshMs: round(markedRefreshMs), recounted: marked.recounted, rows: rollupRows, monthRows },
    year,
    pointMonth,
    loadAverage: { start: loadAtStart, end: os.loadavg().map(round) },
    cpus: os.cpus().length,
  }),
);
