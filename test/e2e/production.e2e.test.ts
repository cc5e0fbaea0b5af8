import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { type APIRequestContext, type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../src/server/auth/tokens.js';
import { type Database, openPostgres } from '../../src/server/db/client.js';
import { auditEvents, bookings, callButtons, calls, users } from '../../src/server/db/schema/index.js';
import { seedDemo } from '../../src/server/db/seed/demo.js';
import { workingDayAhead } from '../helpers/scheduling.js';
import { zonedInstant } from '../../src/server/modules/scheduling/time.js';
import { DEMO_PASSWORD, type E2EServer, browserAvailable, launchBrowser, newContext } from './harness.js';
import { type MeetingWorld, bookingNow, expectAllFlowing, launchParticipant, meetingWorld, openStaff, openTerminal, remoteColours, staffHeaders, stats, terminalToken } from './meeting-support.js';
import { MAIN_JS, type Proc, envFile, execStart, freePort, freshDatabase, nginxAvailable, selfSignedCertificate, startCoturn, startNginx, startProcess, tempDir } from './production-stack.js';
import { turnAvailable } from './turn.js';
import { tr } from './ui.js';

const adminUrl = process.env.TEST_DATABASE_URL;
const ROOM = 'Etäpalvelutila';

/** Open event sockets of one instance, read from its own /metrics (the proxy does not serve metrics). */
async function sockets(api: APIRequestContext, port: number): Promise<number> {
  const text = await (await api.get(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^etapiste_websocket_connections (\d+)/m.exec(text)?.[1] ?? 'NaN');
}

describe.skipIf(!browserAvailable || !turnAvailable || !nginxAvailable || !adminUrl)('production: nginx with TLS, two instances, PostgreSQL, coturn', () => {
  const instances: (Proc | undefined)[] = [];
  const appPorts: number[] = [];
  let env: Record<string, string>;
  let url: string;
  let httpPort: number;
  let nginx: Proc;
  let turn: Proc;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let database: Database;
  let api: APIRequestContext;
  let server: E2EServer;
  let world: MeetingWorld;
  const browsers: Browser[] = [];

  const startInstance = (i: number) =>
    startProcess(execStart().command, execStart().args, { env: { ...env, PORT: String(appPorts[i]) }, ready: /Etäpiste is running at/, name: `instance ${i + 1}` }).then((p) => {
      instances[i] = p;
    });

  beforeAll(async () => {
    if (!existsSync(MAIN_JS)) throw new Error('dist/server/main.js is missing: run npm run build before the e2e tests');
    const dir = tempDir();
    chmodSync(dir, 0o755); // nginx's workers (nobody) write their temporary files under it
    const tls = selfSignedCertificate(dir);
    const [httpsPort, turnPort, turnsPort, port1, port2] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    httpPort = await freePort();
    appPorts.push(port1!, port2!);
    url = `https://127.0.0.1:${httpsPort}`;
    const turnSecret = newToken(24);
    const minPort = 41_000 + Math.floor(Math.random() * 200) * 100;
    turn = await startCoturn(
      { LISTEN_IP: '127.0.0.1', RELAY_IP: '127.0.0.1', TURN_PORT: turnPort!, TURNS_PORT: turnsPort!, TLS_CERT: tls.cert, TLS_KEY: tls.key, MIN_PORT: minPort, MAX_PORT: minPort + 99, TURN_SECRET: turnSecret, REALM: 'etapiste.test' },
      dir,
    );
    db = await freshDatabase(adminUrl!);
    env = {
      PATH: process.env.PATH ?? '',
      ...envFile({
        DATABASE_URL: db.url,
        PUBLIC_URL: url,
        DOCUMENT_MASTER_KEY: randomBytes(32).toString('base64'),
        TURN_URLS: `turn:127.0.0.1:${turnPort}?transport=udp`,
        STUN_URLS: `stun:127.0.0.1:${turnPort}`,
        TURN_SECRET: turnSecret,
      }),
      // Media must go through coturn here (the browsers would otherwise meet directly on loopback).
      ICE_TRANSPORT_POLICY: 'relay',
      LOG_LEVEL: 'warn',
    };
    // README "First install in production": migrate once, then start the instances.
    execFileSync(process.execPath, [MAIN_JS, 'migrate'], { env, stdio: 'pipe' });
    database = await openPostgres(db.url, 4);
    await seedDemo(database.db, DEMO_PASSWORD); // the people and rooms the browsers act as (not demo mode)
    await Promise.all([startInstance(0), startInstance(1)]);
    nginx = await startNginx(
      { LISTEN_ADDRESS: '127.0.0.1', HTTP_PORT: httpPort, HTTPS_PORT: httpsPort!, SERVER_NAME: '127.0.0.1', TLS_CERT: tls.cert, TLS_KEY: tls.key, APP_PORT_1: port1!, APP_PORT_2: port2! },
      dir,
    );
    api = await request.newContext({ ignoreHTTPSErrors: true });
    // The helpers of the meeting suites need the database and the address only.
    server = { url, database } as E2EServer;
    world = await meetingWorld(server);
  });
  afterAll(async () => {
    for (const b of browsers) await b.close().catch(() => undefined);
    await api?.dispose();
    await nginx?.stop();
    for (const p of instances) await p?.stop();
    await turn?.stop();
    await database?.close();
    await db?.drop();
  });

  it('serves over TLS only, with health, readiness and metrics where they belong', async () => {
    const health = await api.get(`${url}/healthz`);
    expect(health.status()).toBe(200);
    expect(health.headers()['strict-transport-security']).toContain('max-age=');
    expect(await (await api.get(`${url}/readyz`)).json()).toEqual({ status: 'ready', database: 'postgres' });
    expect((await api.get(`${url}/metrics`)).status()).toBe(404);
    for (const port of appPorts) expect(await sockets(api, port)).toBe(0);
    const plain = await api.get(`http://127.0.0.1:${httpPort}/desk`, { maxRedirects: 0 });
    expect(plain.status()).toBe(301);
    expect(plain.headers().location).toBe(`${url}/desk`);
    // Production: demo mode is off, so the published password's accounts exist only because the test seeded them.
    // A client's own X-Forwarded-For is replaced by nginx: the audit log records the address nginx saw.
    const me = await api.post(`${url}/api/auth/login`, { headers: { 'x-forwarded-for': '203.0.113.7' }, data: { email: 'neuvoja2@porvoo.demo', password: DEMO_PASSWORD } });
    const cookie = me.headers()['set-cookie'] ?? '';
    expect(cookie).toMatch(/etapiste_session=[^;]+;.*Secure/);
    const logins = await database.db.select({ ip: auditEvents.ip }).from(auditEvents).where(eq(auditEvents.action, 'auth.login')).orderBy(asc(auditEvents.id));
    expect(logins.map((l) => l.ip)).toEqual(['127.0.0.1']);
  });

  it('books, alerts and holds a meeting while an instance is killed and restarted; nothing acknowledged is lost', async () => {
    const [deskBrowser, kioskBrowser, expertBrowser] = await Promise.all([launchBrowser(), launchParticipant({ colour: 'blue' }), launchParticipant({ colour: 'red' })]);
    browsers.push(deskBrowser, kioskBrowser, expertBrowser);

    // The advisor's desk, through the proxy. The address the audit log records is the browser's (TRUST_PROXY).
    const deskContext = await newContext(deskBrowser, url, 'fi');
    const desk = await deskContext.newPage();
    const login = await desk.request.post('/api/auth/login', { data: { email: 'neuvoja1@porvoo.demo', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const csrf = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    // Any desk page carries the alerts; the calendar says when its live connection is up.
    await desk.goto('/desk/calendar');
    await desk.getByText('Päivittyy reaaliajassa').waitFor();

    // Books a Vero appointment a week ahead.
    const day = workingDayAhead(7);
    const booked = await desk.request.post('/api/bookings', {
      headers: csrf,
      data: {
        servicePointId: (await meetingWorld(server)).pointId,
        agencyId: world.vero.id,
        serviceId: world.veroService.id,
        start: zonedInstant(day, '10:00', 'Europe/Helsinki').toISOString(),
        customer: { name: 'Maija Meikäläinen', phone: '040 123 4567' },
        language: 'fi',
        channel: 'on-site',
      },
    });
    expect(booked.status(), await booked.text()).toBe(201);
    const booking = (await booked.json()) as { id: string; reference: string };

    // The kiosk calls; the desk alerts and the advisor takes it; the kiosk hears who is coming.
    const token = await terminalToken(server, world.roomId);
    const kiosk = await openTerminal(kioskBrowser, server, token);
    await kiosk.getByRole('button', { name: tr('fi', 'assistance:terminal.call') }).click();
    const alert = desk.getByTestId('call-alert');
    await alert.getByText(`Avunpyyntö huoneesta: ${ROOM}`).waitFor();
    await alert.getByRole('button', { name: 'Tulen' }).click();
    await kiosk.getByText('Palveluneuvoja on tulossa: Anna').waitFor();
    await alert.getByRole('button', { name: `Valmis, sulje avunpyyntö: ${ROOM}` }).click();
    await expect.poll(() => alert.count()).toBe(0);

    // A meeting now, relayed by coturn.
    const now = await bookingNow(server, world);
    const checkIn = await kiosk.request.post('/api/terminal/check-in', { headers: { authorization: `Bearer ${token}` }, data: { reference: now.reference } });
    expect(checkIn.status()).toBe(200);
    const expert = await openStaff(expertBrowser, server, 'asiantuntija@vero.demo', '/expert');
    const opened = await expert.request.post(`/api/bookings/${now.id}/meeting`, { headers: staffHeaders(expert) });
    const meetingId = ((await opened.json()) as { id: string }).id;
    await expert.goto(`/expert/meetings/${meetingId}`);
    await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).click();
    await expectAllFlowing([kiosk, expert], 1);
    const pairs = async (page: Page) => (await stats(page)).map((s) => s.selectedPair && `${s.selectedPair.local}/${s.selectedPair.remote}`);
    expect(await pairs(expert)).toEqual(['relay/relay']);

    // Kill (SIGKILL: no goodbye to anyone) the instance holding more of the event sockets.
    const before = await Promise.all(appPorts.map((p) => sockets(api, p)));
    const victim = before[0]! >= before[1]! ? 0 : 1;
    const survivor = 1 - victim;
    const total = before[0]! + before[1]!;
    expect(before[victim]).toBeGreaterThan(0);
    const killedAt = Date.now();
    await instances[victim]!.stop('SIGKILL');

    // A call button pressed right after the crash: the proxy hands it to the other instance.
    const buttonToken = newToken();
    const [button] = await database.db.insert(callButtons).values({ roomId: world.roomId, name: 'Kutsunappi ovella', tokenHash: hashToken(buttonToken) }).returning();
    const press = await api.post(`${url}/api/buttons/${button!.id}/press`, { headers: { authorization: `Bearer ${buttonToken}` } });
    expect(press.status()).toBe(201);
    const pressedMs = Date.now() - killedAt;

    // Every event socket reconnects to the survivor, and the desk shows the press it missed.
    await expect.poll(() => sockets(api, appPorts[survivor]!), { timeout: 30_000, interval: 100 }).toBe(total);
    const reconnectMs = Date.now() - killedAt;
    await alert.getByText(tr('fi', 'assistance:call.source.button')).waitFor({ timeout: 30_000 });
    const alertMs = Date.now() - killedAt;

    // The meeting's media never touched the app; after a reload the signalling runs through the survivor.
    await expectAllFlowing([kiosk, expert], 1);
    await expert.reload();
    await expectAllFlowing([kiosk, expert], 1);
    await expect.poll(async () => (await remoteColours(expert)).map((c) => c.colour)).toEqual(['blue']);
    expect(await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).count()).toBe(0);

    // The instance comes back (systemd's Restart=always) and is ready; the proxy serves on.
    const restartAt = Date.now();
    await startInstance(victim);
    const restartMs = Date.now() - restartAt;
    expect((await api.get(`http://127.0.0.1:${appPorts[victim]}/readyz`)).status()).toBe(200);

    // Nothing acknowledged was lost: the booking, the taken call and the new press are all there.
    const read = await desk.request.get(`/api/bookings/${booking.id}`);
    expect(((await read.json()) as { reference: string }).reference).toBe(booking.reference);
    await alert.getByRole('button', { name: 'Tulen' }).click();
    await alert.getByRole('button', { name: `Valmis, sulje avunpyyntö: ${ROOM}` }).click();
    await expect.poll(() => alert.count()).toBe(0);
    const rows = await database.db.select({ status: calls.status, source: calls.source }).from(calls);
    expect(rows.map((r) => `${r.source}:${r.status}`).sort()).toEqual(['button:closed', 'terminal:closed']);
    expect((await database.db.select().from(bookings).where(eq(bookings.id, booking.id))).length).toBe(1);
    console.log(JSON.stringify({ suite: 'production', socketsBefore: before, pressAnsweredMs: pressedMs, allSocketsBackMs: reconnectMs, missedAlertShownMs: alertMs, restartReadyMs: restartMs }));
  });

  it('backs up with pg_dump and restores into an empty database', async () => {
    const file = path.join(tempDir(), 'etapiste.dump');
    execFileSync('pg_dump', ['--format=custom', `--file=${file}`, db.url]);
    const restored = await freshDatabase(adminUrl!, 'etapiste_restore');
    try {
      execFileSync('pg_restore', ['--no-owner', `--dbname=${restored.url}`, file]);
      const copy = await openPostgres(restored.url, 1);
      const count = async (d: Database) => [(await d.db.select().from(users)).length, (await d.db.select().from(bookings)).length];
      expect(await count(copy)).toEqual(await count(database));
      expect((await count(copy))[0]).toBeGreaterThan(0);
      await copy.close();
    } finally {
      await restored.drop();
    }
  });
});
