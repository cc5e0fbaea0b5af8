import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DestinationStream } from 'pino';
import { buildApp } from '../../src/server/app.js';
import { type Config, testConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import type { Database } from '../../src/server/db/client.js';
import { type EventBus, InProcessBus } from '../../src/server/realtime/bus.js';
import { createBus } from '../../src/server/realtime/create-bus.js';
import { PostgresBus } from '../../src/server/realtime/postgres-bus.js';
import { seedDemo } from '../../src/server/db/seed/demo.js';
import { type TestDatabaseKind, openSecondConnection, openTestDatabase } from './databases.js';

export const DEMO_PASSWORD = 'Etapiste-demo-2025';

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
};

export type TestAppOptions = {
  seed?: boolean;
  config?: Partial<Config>;
  /** An open, migrated database to use (and close) instead of a fresh one, e.g. a second connection to it. */
  database?: Database;
  /** The event bus to build on the database (default: in-process). */
  bus?: (database: Database) => EventBus;
  heartbeatMs?: number;
  /** The sign-in throttle's clock (default Date.now). */
  clock?: () => number;
  /** The wall clock business rules judge "now" by (default: the real time), e.g. `helsinkiClock()` from clock.ts. */
  now?: () => Date;
  /** How often the audit sealer runs (default: the app's). */
  auditSealIntervalMs?: number;
  /** Where the app logs (with `config.logLevel`), e.g. a stream a test reads. */
  logStream?: DestinationStream;
};

/** The real app on a fresh database of the given kind; `seed` adds the demo world. */
export async function createTestApp(kind: TestDatabaseKind, opts: TestAppOptions = {}): Promise<TestApp> {
  const database = opts.database ?? (await openTestDatabase(kind));
  const config = testConfig({ demoPassword: DEMO_PASSWORD, ...opts.config });
  if (opts.seed) await seedDemo(database.db, config.demoPassword);
  const bus = opts.bus ? opts.bus(database) : new InProcessBus();
  const app = await buildApp({ config, database, bus, heartbeatMs: opts.heartbeatMs, clock: opts.clock, now: opts.now, auditSealIntervalMs: opts.auditSealIntervalMs, logStream: opts.logStream });
  await app.ready();
  return {
    app,
    ctx: { db: database.db, database, config, bus, now: opts.now },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in client: carries the session cookie and the CSRF token like the web app does. */
export type Client = {
  userId: string;
  /** The session cookie's value (for clients that are not app.inject, e.g. a WebSocket). */
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
};

export async function signIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD, totp?: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, ...(totp ? { totp } : {}) } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'etapiste_session')!;
  const { csrfToken, user } = res.json() as { csrfToken: string; user: { id: string } };
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, cookies: { etapiste_session: cookie.value }, headers: { 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  return {
    userId: user.id,
    cookie: cookie.value,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
  };
}

/**
 * An app instance on PostgreSQL with the PostgreSQL event bus, listening to it before it returns. Given `first`, a
 * second instance on first's database (its own pool and bus), as another server process would be; close it first.
 */
export async function postgresInstance(first?: TestApp, opts: Omit<TestAppOptions, 'database' | 'bus'> = {}): Promise<TestApp> {
  const database = first ? await openSecondConnection(first.ctx.database) : undefined;
  const t = await createTestApp('postgres', { ...opts, ...(first ? { seed: false } : {}), database, bus: (db) => createBus(db) });
  if (t.ctx.bus instanceof PostgresBus) await t.ctx.bus.ready();
  return t;
}

/** Resolves once the instance's bus has delivered an event of that type (e.g. another instance's change, heard). */
export function heardOn(t: TestApp, type: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const off = t.ctx.bus.subscribe((event) => {
      if (event.type !== type) return;
      off();
      resolve();
    });
  });
}
