// Call button figures: press → desk alert latency, from a button's HTTP press (POST /api/buttons/:id/press over
// loopback) until every advisor desk's WebSocket has the 'call.changed' event, p50/p99 over BENCH_PRESSES presses:
//   - one instance on the embedded database (PGlite, in-process bus), 3 desks;
//   - one instance on PostgreSQL, and across two instances on one PostgreSQL (press on A, desks on B), when
//     BENCH_DATABASE_URL is set;
//   - how many connected desks one instance holds: sockets opened in steps (BENCH_DESK_STEPS), and at each the
//     alert latency to all of them and the server's memory per socket.
// Each press opens a new call (the previous one is closed in the database between presses). The WebSocket clients
// run in a worker thread so they do not share the server's event loop. Prints one JSON line.
// The press route's rate limit (600 a minute per client address and instance) bounds BENCH_PRESSES at about 500.
// Usage: npx tsx bench/call-latency.ts   (BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres adds PostgreSQL)
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { percentile, socketClients } from './lib.js';

const PRESSES = Number(process.env.BENCH_PRESSES ?? 200);
const DESK_STEPS = (process.env.BENCH_DESK_STEPS ?? '1000,3000,6000').split(',').map(Number);
const STEP_PRESSES = 20;



await main();

async function main() {
  const { buildApp } = await import('../src/server/app.js');
  const { testConfig } = await import('../src/server/config.js');
  const { openPglite, openPostgres } = await import('../src/server/db/client.js');
  const { seedDemo } = await import('../src/server/db/seed/demo.js');
  const { callButtons, calls, rooms, servicePoints } = await import('../src/server/db/schema/index.js');
  const { hashToken } = await import('../src/server/auth/tokens.js');
  const { createBus } = await import('../src/server/realtime/create-bus.js');
  const { PostgresBus } = await import('../src/server/realtime/postgres-bus.js');
  const { eq, sql } = await import('drizzle-orm');
  type Database = Awaited<ReturnType<typeof openPglite>>;
  type App = { app: FastifyInstance; http: string; ws: string };
  type World = { servicePointId: string; buttonId: string; token: string };

  const config = testConfig({ loginRatePerMinute: 10_000 });

  async function start(database: Database): Promise<App> {
    const bus = createBus(database);
    const app = await buildApp({ config, database, bus });
    await app.listen({ port: 0, host: '127.0.0.1' });
    if (bus instanceof PostgresBus) await bus.ready();
    const { port } = app.server.address() as { port: number };
    return { app, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}/api/events` };
  }

  async function world(database: Database): Promise<World> {
    await database.migrate();
    await seedDemo(database.db, config.demoPassword);
    const [point] = await database.db.select().from(servicePoints).where(sql`${servicePoints.name}->>'en' = 'Porvoo-info'`);
    const [room] = await database.db.select().from(rooms).where(eq(rooms.servicePointId, point!.id));
    const token = randomBytes(32).toString('base64url');
    const [button] = await database.db.insert(callButtons).values({ roomId: room!.id, name: 'Bench', tokenHash: hashToken(token) }).returning();
    return { servicePointId: point!.id, buttonId: button!.id, token };
  }

  async function signIn(app: FastifyInstance, email = 'neuvoja1@porvoo.demo') {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: config.demoPassword } });
    return res.cookies.find((c) => c.name === 'etapiste_session')!.value;
  }



  /** Presses the button on `on` and times each press until every desk has the alert; closes the call after. */
  async function pressLatencies(on: App, database: Database, w: World, d: Pick<Awaited<ReturnType<typeof socketClients>>, 'deliveredAt'>, rounds: number) {
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const res = await fetch(`${on.http}/api/buttons/${w.buttonId}/press`, { method: 'POST', headers: { authorization: `Bearer ${w.token}` } });
      if (res.status !== 201) throw new Error(`press answered ${res.status}: ${await res.text()}`);
      const { callId } = (await res.json()) as { callId: string };
      ms.push((await d.deliveredAt(callId)) - t0);
      await database.db.update(calls).set({ status: 'closed', closedAt: new Date() }).where(eq(calls.id, callId));
    }
    return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
  }

  /** One instance: 3 advisor desks, then the capacity steps. */
  async function oneInstance(database: Database, label: string, capacity: boolean) {
    const w = await world(database);
    const one = await start(database);
    const cookies = await Promise.all(['neuvoja1@porvoo.demo', 'neuvoja2@porvoo.demo', 'neuvoja3@porvoo.demo'].map((e) => signIn(one.app, e)));
    const three = await Promise.all(cookies.map((cookie) => socketClients({ url: one.ws, cookie, count: 1, servicePointId: w.servicePointId, eventType: 'call.changed' })));
    const all = { deliveredAt: async (id: string) => Math.max(...(await Promise.all(three.map((d) => d.deliveredAt(id))))) };
    await pressLatencies(one, database, w, all, 20); // warm-up
    const r = await pressLatencies(one, database, w, all, PRESSES);
    figures[`${label}P50Ms`] = r.p50;
    figures[`${label}P99Ms`] = r.p99;
    for (const d of three) await d.close();

    if (capacity) {
      const steps: Record<string, unknown>[] = [];
      for (const count of DESK_STEPS) {
        global.gc?.();
        const rssBefore = process.memoryUsage().rss;
        let many: Awaited<ReturnType<typeof socketClients>> | undefined;
        try {
          many = await socketClients({ url: one.ws, cookie: cookies[0]!, count, servicePointId: w.servicePointId, eventType: 'call.changed' });
          const rss = process.memoryUsage().rss;
          const lat = await pressLatencies(one, database, w, many, STEP_PRESSES);
          steps.push({
            desks: one.app.realtime.size,
            connectMs: many.connectMs,
            alertAllP50Ms: lat.p50,
            alertAllP99Ms: lat.p99,
            // Server and clients share this process: the figure bounds the server's share from above.
            rssPerDeskKb: Math.round((rss - rssBefore) / 1024 / count),
          });
        } catch (error) {
          steps.push({ desks: count, error: String(error) });
          break;
        } finally {
          await many?.close();
        }
      }
      figures.capacity = steps;
      figures.processRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    }
    await one.app.close();
    return w;
  }

  const figures: Record<string, unknown> = { bench: 'call-latency', presses: PRESSES };

  const embedded = await openPglite();
  try {
    await oneInstance(embedded, 'oneInstancePglite', true);
  } finally {
    await embedded.close();
  }

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
      const w = await oneInstance(dbA, 'oneInstancePostgres', false);
      const a = await start(dbA);
      const b = await start(dbB);
      const onB = await socketClients({ url: b.ws, cookie: await signIn(a.app), count: 1, servicePointId: w.servicePointId, eventType: 'call.changed' });
      await pressLatencies(a, dbA, w, onB, 20); // warm-up
      const across = await pressLatencies(a, dbA, w, onB, PRESSES);
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
