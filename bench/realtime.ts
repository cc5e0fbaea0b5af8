// Realtime figures: publish → WebSocket receive latency (p50/p99 over 500 events) on one instance with the
// in-process bus, and across two instances sharing one PostgreSQL through LISTEN/NOTIFY; and fan-out: how long one
// event takes to reach every one of 1000 sockets held by one instance. Prints one JSON line.
// The WebSocket clients run in a worker thread, so they do not share the server's event loop.
// Usage: npx tsx bench/realtime.ts   (BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres adds the two-instance figures)
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { percentile, socketClients } from './lib.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const FANOUT_ROUNDS = 50;



await main();

async function main() {
  const { buildApp } = await import('../src/server/app.js');
  const { testConfig } = await import('../src/server/config.js');
  const { openPglite, openPostgres } = await import('../src/server/db/client.js');
  const { seedDemo } = await import('../src/server/db/seed/demo.js');
  const { servicePoints } = await import('../src/server/db/schema/index.js');
  const { createBus } = await import('../src/server/realtime/create-bus.js');
  const { PostgresBus } = await import('../src/server/realtime/postgres-bus.js');
  const { sql } = await import('drizzle-orm');
  type Database = Awaited<ReturnType<typeof openPglite>>;
  type App = { app: FastifyInstance; bus: ReturnType<typeof createBus>; url: string };

  const config = testConfig();

  async function start(database: Database): Promise<App> {
    const bus = createBus(database);
    const app = await buildApp({ config, database, bus });
    await app.listen({ port: 0, host: '127.0.0.1' });
    if (bus instanceof PostgresBus) await bus.ready();
    const address = app.server.address() as { port: number };
    return { app, bus, url: `ws://127.0.0.1:${address.port}/api/events` };
  }

  async function world(database: Database) {
    await database.migrate();
    await seedDemo(database.db, config.demoPassword);
    const [point] = await database.db.select().from(servicePoints).where(sql`${servicePoints.name}->>'en' = 'Porvoo-info'`);
    return point!.id;
  }

  async function signIn(app: FastifyInstance) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'neuvoja1@porvoo.demo', password: config.demoPassword } });
    return res.cookies.find((c) => c.name === 'etapiste_session')!.value;
  }



  /** Publishes one event at a time on `from`; times each until the clients (connected to another app) have it. */
  async function latencies(from: App, c: Awaited<ReturnType<typeof socketClients>>, servicePointId: string, rounds: number) {
    const ms: number[] = [];
    const publishMs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const id = `e-${i}-${randomBytes(3).toString('hex')}`;
      const delivered = c.deliveredAt(id);
      const t0 = performance.now();
      // With the in-process bus the hub's fan-out runs inside publish: this is the server's own share.
      await from.bus.publish({ type: 'booking.changed', id, servicePointId, agencyId: 'bench' });
      publishMs.push(performance.now() - t0);
      await delivered;
      ms.push(performance.now() - t0);
    }
    return { p50: percentile(ms, 50), p99: percentile(ms, 99), publishP50: percentile(publishMs, 50) };
  }

  const figures: Record<string, unknown> = { bench: 'realtime', events: EVENTS, sockets: SOCKETS };

  // One instance, embedded database, in-process bus.
  const embedded = await openPglite();
  try {
    const servicePointId = await world(embedded);
    const one = await start(embedded);
    const cookie = await signIn(one.app);
    const single = await socketClients({ url: one.url, cookie, count: 1, servicePointId });
    await latencies(one, single, servicePointId, 50); // warm-up
    const inProcess = await latencies(one, single, servicePointId, EVENTS);
    figures.inProcessP50Ms = inProcess.p50;
    figures.inProcessP99Ms = inProcess.p99;
    await single.close();

    const many = await socketClients({ url: one.url, cookie, count: SOCKETS, servicePointId });
    figures.fanoutConnectMs = many.connectMs;
    const rssBefore = process.memoryUsage().rss;
    const fanout = await latencies(one, many, servicePointId, FANOUT_ROUNDS);
    figures.fanoutAllDeliveredP50Ms = fanout.p50;
    figures.fanoutAllDeliveredP99Ms = fanout.p99;
    figures.fanoutServerDispatchP50Ms = fanout.publishP50;
    figures.fanoutHubConnections = one.app.realtime.size;
    figures.processRssMb = Math.round(Math.max(rssBefore, process.memoryUsage().rss) / 1024 / 1024);
    await many.close();
    await one.app.close();
  } finally {
    await embedded.close();
  }

  // Two instances on one PostgreSQL: publish on A, socket on B.
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) {
    const name = `etapiste_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const dbA = await openPostgres(url.toString());
    const dbB = await openPostgres(url.toString());
    try {
      const servicePointId = await world(dbA);
      const a = await start(dbA);
      const b = await start(dbB);
      const onB = await socketClients({ url: b.url, cookie: await signIn(a.app), count: 1, servicePointId });
      await latencies(a, onB, servicePointId, 50); // warm-up
      const across = await latencies(a, onB, servicePointId, EVENTS);
      figures.acrossInstancesP50Ms = across.p50;
      figures.acrossInstancesP99Ms = across.p99;
      await onB.close();
      await b.app.close();
      await a.app.close();
    } finally {
      await dbB.close();
      await dbA.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  console.log(JSON.stringify(figures));
}
