import { eq, sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, postgresInstance, signIn } from '../../../test/helpers/app.js';
import { helsinkiClock } from '../../../test/helpers/clock.js';
import { testDatabaseKinds } from '../../../test/helpers/databases.js';
import { createServicePoint, createUser } from '../../../test/helpers/factories.js';
import { type Message, type TestSocket, connect, wsUrl } from '../../../test/helpers/sockets.js';
import { organisations, servicePoints, services } from '../db/schema/index.js';
import { DEMO_PAIRING_CODE } from '../db/seed/demo.js';
import { createBus } from './create-bus.js';
import { PostgresBus } from './postgres-bus.js';
import { SUBPROTOCOL } from './routes.js';

async function demoIds(t: TestApp) {
  const [porvooInfo] = await t.ctx.db.select().from(servicePoints).where(sql`${servicePoints.name}->>'en' = 'Porvoo-info'`);
  const orgs = await t.ctx.db.select().from(organisations);
  const org = (shortName: string) => orgs.find((o) => o.shortName.fi === shortName)!.id;
  return { porvooInfo: porvooInfo!.id, porvoo: org('Porvoo'), vero: org('Vero'), kela: org('Kela') };
}

const isEvent = (type: string) => (m: Message) => (m.event as { type?: string } | undefined)?.type === type;

/**
 * Two application-level round trips: by the time the second answer arrives, the server has read the client's
 * answer to any WebSocket ping sent before the first (TCP keeps order), so a heartbeat now sees the socket alive.
 */
async function roundTrips(socket: TestSocket) {
  for (const n of [1, 2]) {
    socket.send({ ping: `rt-${n}` });
    await socket.next((m) => m.pong === `rt-${n}`);
  }
}

async function listening(t: TestApp) {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  if (t.ctx.bus instanceof PostgresBus) await t.ctx.bus.ready();
}

describe.each(testDatabaseKinds)('event WebSocket on %s', (kind) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let url: string;
  const open: TestSocket[] = [];
  const socketAs = async (email: string) => {
    const client = await signIn(t.app, email);
    const s = await connect(url, { cookie: client.cookie });
    open.push(s);
    return { client, socket: s };
  };

  beforeAll(async () => {
    // A long heartbeat: the tests run it by hand.
    t = await createTestApp(kind, { seed: true, bus: (db) => createBus(db), heartbeatMs: 3_600_000, now: helsinkiClock() });
    await listening(t);
    ids = await demoIds(t);
    url = wsUrl(t.app);
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });

  it('greets a signed-in advisor and forwards a booking change at her service point', async () => {
    const { socket } = await socketAs('neuvoja1@porvoo.demo');
    expect(await socket.next()).toEqual({ welcome: { heartbeatSeconds: 3600, maxSubscriptions: 32 } });
    await socket.subscribe({ servicePointId: ids.porvooInfo });
    await t.ctx.bus.publish({ type: 'booking.changed', id: 'b-1', servicePointId: ids.porvooInfo, agencyId: ids.vero });
    const message = await socket.next(isEvent('booking.changed'));
    expect(message).toEqual({ event: { type: 'booking.changed', id: 'b-1', servicePointId: ids.porvooInfo, agencyId: ids.vero, at: expect.any(String) } });
  });

  it("forwards a change to the booking agency's expert subscribed by agency, who sees the room as busy", async () => {
    const { socket } = await socketAs('asiantuntija@vero.demo');
    await socket.subscribe({ agencyId: ids.vero });
    await t.ctx.bus.publish({ type: 'booking.changed', id: 'b-2', servicePointId: ids.porvooInfo, agencyId: ids.vero });
    expect(await socket.next(isEvent('booking.changed'))).toMatchObject({ event: { id: 'b-2' } });
  });

  it('forwards a walk-in queued through the API, with ids only', async () => {
    const { client, socket } = await socketAs('neuvoja2@porvoo.demo');
    await socket.subscribe({ servicePointId: ids.porvooInfo });
    const [service] = await t.ctx.db.select().from(services).where(eq(services.agencyId, ids.vero)).limit(1);
    const queued = await client.post('/api/walk-ins', { servicePointId: ids.porvooInfo, agencyId: ids.vero, serviceId: service!.id, customerName: 'Matti Meikäläinen', language: 'fi' });
    expect(queued.statusCode).toBe(201);
    const message = await socket.next(isEvent('walk_in.changed'));
    expect(message.event).toEqual({ type: 'walk_in.changed', id: queued.json().id, servicePointId: ids.porvooInfo, agencyId: ids.vero, at: expect.any(String) });
    expect(JSON.stringify(message)).not.toContain('Meikäläinen');
  });

  it('withholds events of a service point outside the actor\'s scope, and unknown event types', async () => {
    const { point } = await createServicePoint(t.ctx.db, ids.porvoo);
    const elsewhere = await createUser(t.ctx.db, { organisationId: ids.porvoo, role: 'advisor', servicePointId: point.id });
    const { socket } = await socketAs(elsewhere.email);
    await socket.subscribe({ servicePointId: ids.porvooInfo });
    await socket.subscribe({ servicePointId: point.id });
    await t.ctx.bus.publish({ type: 'booking.changed', id: 'not-yours', servicePointId: ids.porvooInfo, agencyId: ids.vero });
    await t.ctx.bus.publish({ type: 'call.pressed', id: 'ungated', servicePointId: point.id });
    await t.ctx.bus.publish({ type: 'booking.changed', id: 'yours', servicePointId: point.id, agencyId: ids.vero });
    // Events arrive in order: when the last one is here, the earlier ones would have been too.
    await socket.next(isEvent('booking.changed'));
    expect(socket.received.filter((m) => 'event' in m).map((m) => (m.event as { id: string }).id)).toEqual(['yours']);
  });

  it('forwards only events matching a subscription, and stops after unsubscribe', async () => {
    const { socket } = await socketAs('koordinaattori@vm.demo');
    await socket.subscribe({ servicePointId: ids.porvooInfo, agencyId: ids.kela });
    await t.ctx.bus.publish({ type: 'booking.changed', id: 'vero', servicePointId: ids.porvooInfo, agencyId: ids.vero });
    await t.ctx.bus.publish({ type: 'booking.changed', id: 'kela', servicePointId: ids.porvooInfo, agencyId: ids.kela });
    expect(await socket.next(isEvent('booking.changed'))).toMatchObject({ event: { id: 'kela' } });
    socket.send({ unsubscribe: { servicePointId: ids.porvooInfo, agencyId: ids.kela } });
    await socket.next((m) => 'unsubscribed' in m);
    await socket.subscribe({ agencyId: ids.vero });
    await t.ctx.bus.publish({ type: 'booking.changed', id: 'kela-2', servicePointId: ids.porvooInfo, agencyId: ids.kela });
    await t.ctx.bus.publish({ type: 'booking.changed', id: 'vero-2', servicePointId: ids.porvooInfo, agencyId: ids.vero });
    expect(await socket.next(isEvent('booking.changed'))).toMatchObject({ event: { id: 'vero-2' } });
  });

  it('answers pings and explains malformed messages', async () => {
    const { socket } = await socketAs('neuvoja1@porvoo.demo');
    socket.send({ ping: 7 });
    expect(await socket.next((m) => 'pong' in m)).toEqual({ pong: 7 });
    socket.send({ subscribe: { servicePointId: ids.porvooInfo, everything: true } });
    expect(await socket.next((m) => 'error' in m)).toMatchObject({ error: { code: 'message.invalid' } });
    socket.ws.send('not json');
    expect(await socket.next((m) => 'error' in m)).toMatchObject({ error: { code: 'message.invalid' } });
  });

  it('refuses anonymous sockets, unknown device tokens and cookies sent from another origin', async () => {
    const anonymous = await connect(url);
    expect(await anonymous.closed()).toEqual({ code: 4401, reason: 'sign in first' });
    const forged = await connect(`${url}?token=not-a-real-token`);
    expect((await forged.closed()).code).toBe(4401);
    const client = await signIn(t.app, 'neuvoja1@porvoo.demo');
    await expect(connect(url, { cookie: client.cookie, headers: { origin: 'https://evil.example' } })).rejects.toThrow('upgrade refused: 403');
    // The browser's own word (Sec-Fetch-Site) counts first, as for cookie writes (http/origin.ts).
    await expect(connect(url, { cookie: client.cookie, headers: { 'sec-fetch-site': 'cross-site' } })).rejects.toThrow('upgrade refused: 403');
    const sameSite = await connect(url, { cookie: client.cookie, headers: { origin: url.replace('ws:', 'http:').replace('/api/events', '') } });
    expect(await sameSite.next()).toHaveProperty('welcome');
    sameSite.close();
  });

  it('accepts a paired terminal by ?token= and by subprotocol (answering with the subprotocol only) until it is revoked', async () => {
    const paired = await t.app.inject({ method: 'POST', url: '/api/terminal/pair', payload: { code: DEMO_PAIRING_CODE } });
    const token = paired.json().token as string;
    const byQuery = await connect(`${url}?token=${token}`);
    expect(await byQuery.next()).toHaveProperty('welcome');
    const byProtocol = await connect(url, { protocols: [SUBPROTOCOL, `bearer.${token}`] });
    expect(byProtocol.ws.protocol).toBe(SUBPROTOCOL);
    expect(await byProtocol.next()).toHaveProperty('welcome');
    open.push(byQuery, byProtocol);

    const admin = await signIn(t.app, 'paakayttaja@vm.demo');
    expect((await admin.post(`/api/terminals/${paired.json().terminal.terminalId}/revoke`)).statusCode).toBe(200);
    await roundTrips(byQuery);
    await roundTrips(byProtocol);
    await t.app.realtime.heartbeat();
    expect((await byQuery.closed()).code).toBe(4401);
    expect((await byProtocol.closed()).code).toBe(4401);
  });

  it('closes the socket of a session that ended at the next heartbeat', async () => {
    const { client, socket } = await socketAs('neuvoja3@porvoo.demo');
    const other = await socketAs('neuvoja1@porvoo.demo');
    await t.app.realtime.heartbeat();
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    await roundTrips(socket);
    await roundTrips(other.socket);
    await t.app.realtime.heartbeat();
    expect(await socket.closed()).toEqual({ code: 4401, reason: 'session ended' });
    other.socket.send({ ping: 1 });
    expect(await other.socket.next((m) => 'pong' in m)).toEqual({ pong: 1 });
  });

  it('drops a socket that stops answering pings, and counts open sockets in the metrics', async () => {
    const client = await signIn(t.app, 'neuvoja1@porvoo.demo');
    const silent = new WebSocket(url, { headers: { cookie: `etapiste_session=${client.cookie}` }, autoPong: false });
    const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    await new Promise((resolve) => silent.once('message', resolve));
    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toContain(`etapiste_websocket_connections ${t.app.realtime.size}`);
    await t.app.realtime.heartbeat();
    await t.app.realtime.heartbeat();
    expect(await closed).toBe(1006); // terminated, no closing handshake
    expect((await t.app.inject('/metrics')).body).toContain(`etapiste_websocket_connections ${t.app.realtime.size}`);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two app instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await postgresInstance(undefined, { seed: true });
    b = await postgresInstance(a);
    await listening(a);
    await listening(b);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers an event published on instance A to a socket on instance B, once to a socket on A', async () => {
    const ids = await demoIds(a);
    const client = await signIn(a.app, 'neuvoja1@porvoo.demo');
    const onB = await connect(wsUrl(b.app), { cookie: client.cookie });
    const onA = await connect(wsUrl(a.app), { cookie: client.cookie });
    await onB.subscribe({ servicePointId: ids.porvooInfo });
    await onA.subscribe({ servicePointId: ids.porvooInfo });
    const started = performance.now();
    await a.ctx.bus.publish({ type: 'booking.changed', id: 'across', servicePointId: ids.porvooInfo, agencyId: ids.vero });
    expect(await onB.next(isEvent('booking.changed'))).toMatchObject({ event: { id: 'across' } });
    console.log(`realtime: instance A → socket on instance B in ${(performance.now() - started).toFixed(1)} ms`);
    // A's own NOTIFY echo is dropped: after a later event, A's socket has seen the first one exactly once.
    await b.ctx.bus.publish({ type: 'booking.changed', id: 'from-b', servicePointId: ids.porvooInfo, agencyId: ids.vero });
    await onA.next((m) => isEvent('booking.changed')(m) && (m.event as { id: string }).id === 'from-b');
    expect(onA.received.filter((m) => 'event' in m).map((m) => (m.event as { id: string }).id)).toEqual(['across', 'from-b']);
    onA.close();
    onB.close();
  });
});
