// Availability at national scale: GET /api/availability for the busiest service point, one agency (≈333 experts)
// and one service over 4 weeks (28 days from next Monday), asked by an advisor of that point. Sequential requests
// through app.inject; server time is reply.elapsedTime (onRequest → response sent). In the same run, the bare SQL
// the endpoint needs — the very statements it issued (captured from the pool, session look-up excluded), replayed
// with pg one after the other on one connection — and, every fourth round, the use case without HTTP split into
// loading (buildSlotQuery) and the slot computation (computeSlots). Prints one JSON line.
// Usage: npm run bench:availability   (BENCH_N=200 requests; BENCH_KEEP / BENCH_DB_NAME: see bench/national-data.ts)
import os from 'node:os';
import type pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { openPostgres } from '../src/server/db/client.js';
import { computeSlots } from '../src/server/modules/scheduling/availability.js';
import { buildSlotQuery } from '../src/server/modules/scheduling/find-availability.js';
import { addDays, localDate, weekdayOf } from '../src/server/modules/scheduling/time.js';
import { InProcessBus } from '../src/server/realtime/bus.js';
import { ADVISOR_EMAIL, BENCH_PASSWORD, openNationalData } from './national-data.js';

const N = Math.min(Math.max(Number(process.env.BENCH_N ?? 200), 10), 5000);
const WARMUP = 10;
const TIME_LIMIT_MS = 300_000;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => Math.round(x * 100) / 100;
const summary = (xs: number[]) => ({ p50: ms(quantile(xs, 0.5)), p99: ms(quantile(xs, 0.99)) });

function nextMonday(): string {
  let d = addDays(localDate(new Date(), 'Europe/Helsinki'), 1);
  while (weekdayOf(d) !== 1) d = addDays(d, 1);
  return d;
}

const loadAtStart = os.loadavg()[0]!;
const data = await openNationalData();
const database = await openPostgres(data.url);
const pool = database.pool!;
const config = testConfig();
const bus = new InProcessBus();
const app = await buildApp({ config, database, bus });
const serverMs: number[] = [];
app.addHook('onResponse', async (request, reply) => {
  if (request.url.startsWith('/api/availability')) serverMs.push(reply.elapsedTime);
});

// The statements the pool runs for one request, from its handler on (not the session look-up before it): drizzle
// issues unnamed queries through pool.query.
type Captured = { text: string; values: unknown[] };
let capture: { armed: boolean; handler: Captured[]; all: Captured[] } | undefined;
app.addHook('preHandler', async (request) => {
  if (capture && request.url.startsWith('/api/availability')) capture.armed = true;
});
const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
(pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (config: unknown, values?: unknown) => {
  const c = config as { text?: string; values?: unknown[] };
  const statement = { text: typeof config === 'string' ? config : c.text!, values: (values as unknown[]) ?? c.values ?? [] };
  capture?.all.push(statement);
  if (capture?.armed) capture.handler.push(statement);
  return poolQuery(config, values);
};

await app.ready();

try {
  const from = nextMonday();
  const to = addDays(from, 27);
  const { rows: agencies } = await pool.query<{ id: string; shortName: string; serviceId: string; experts: number }>(
    `SELECT o.id, o.short_name AS "shortName",
       (SELECT id FROM services s WHERE s.agency_id = o.id AND s.active ORDER BY s.id LIMIT 1) AS "serviceId",
       (SELECT count(*)::int FROM role_assignments ra WHERE ra.organisation_id = o.id AND ra.role = 'expert') AS experts
     FROM organisations o WHERE o.kind = 'principal' ORDER BY experts DESC, o.short_name LIMIT 1`,
  );
  const agency = agencies[0]!;
  const query = { servicePointId: data.busyPointId, agencyId: agency.id, serviceId: agency.serviceId, from, to };
  const url = `/api/availability?${new URLSearchParams(query)}`;

  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADVISOR_EMAIL, password: BENCH_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  const cookies = { etapiste_session: login.cookies.find((c) => c.name === 'etapiste_session')!.value };
  const ask = async () => {
    const res = await app.inject({ method: 'GET', url, cookies });
    if (res.statusCode !== 200) throw new Error(`availability: ${res.statusCode} ${res.body}`);
    return res;
  };

  // One request with the pool watched: the statements the endpoint needs, without the session look-up.
  capture = { armed: false, handler: [], all: [] };
  const first = await ask();
  const { handler: statements, all } = capture;
  capture = undefined;
  const label = (text: string) => /\bfrom "(\w+)"(?!\.)\s*(?:where|inner join|left join|order by|limit|$)/i.exec(text)?.[1] ?? 'other';
  const slots = (first.json() as { slots: unknown[] }).slots.length;

  const client = await pool.connect();
  let busyRows = 0;
  const bare = async (perStatement?: number[][]) => {
    for (let i = 0; i < statements.length; i++) {
      const t = performance.now();
      const res: pg.QueryResult = await client.query(statements[i]!.text, statements[i]!.values);
      perStatement?.[i]!.push(performance.now() - t);
      if (label(statements[i]!.text) === 'bookings') busyRows = res.rowCount ?? 0;
    }
  };
  const ctx: AppContext = { db: database.db, database, config, bus };

  for (let i = 0; i < WARMUP; i++) {
    await ask();
    await bare();
    await buildSlotQuery(ctx, query);
  }
  serverMs.length = 0;

  // Interleaved, so endpoint and bare SQL see the same conditions.
  const injectMs: number[] = [];
  const injectCpuMs: number[] = [];
  const bareMs: number[] = [];
  const perStatement = statements.map(() => [] as number[]);
  const loadMs: number[] = [];
  const computeMs: number[] = [];
  const started = performance.now();
  let n = 0;
  for (; n < N && performance.now() - started < TIME_LIMIT_MS; n++) {
    let t = performance.now();
    const cpu = process.cpuUsage();
    await ask();
    injectMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    injectCpuMs.push((used.user + used.system) / 1000);
    t = performance.now();
    await bare(perStatement);
    bareMs.push(performance.now() - t);
    if (n % 4 !== 0) continue;
    // Every fourth round, the use case without HTTP: loading (queries and shaping) apart from the slot computation.
    t = performance.now();
    const { slotQuery } = await buildSlotQuery(ctx, query);
    loadMs.push(performance.now() - t);
    t = performance.now();
    computeSlots(slotQuery);
    computeMs.push(performance.now() - t);
  }
  client.release();

  const server = summary(serverMs);
  const bareSql = summary(bareMs);
  const { rows: version } = await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  const figures = {
    bench: 'availability',
    requests: n,
    range: { from, to, days: 28 },
    agency: agency.shortName,
    experts: agency.experts,
    slots,
    busyRows,
    serverMs: server,
    injectMs: summary(injectMs),
    // Node CPU time of one request (app and inject): less sensitive to other load on the machine than wall time.
    appCpuMs: summary(injectCpuMs),
    bareSqlMs: bareSql,
    ratio: ms(server.p50 / bareSql.p50),
    bareStatements: statements.length,
    endpointStatements: all.length,
    bareStatementP50Ms: Object.fromEntries(statements.map((s, i) => [`${i + 1}:${label(s.text)}`, ms(quantile(perStatement[i]!, 0.5))])),
    loadMs: summary(loadMs),
    computeSlotsMs: summary(computeMs),
    dataSet: { database: data.name, reused: data.reused, ...data.counts, databaseMb: data.databaseMb, generation: data.generation },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverage1m: [ms(loadAtStart), ms(os.loadavg()[0]!)], node: process.version, postgres: version[0]!.v },
  };
  console.log(JSON.stringify(figures));
} finally {
  await app.close();
  await database.close();
  await data.close();
}
