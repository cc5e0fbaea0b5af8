// Meeting signalling figures: how long an offer (a realistic 12 kB session description) takes from the expert's
// socket to the kiosk's socket and back (the kiosk echoes it as its answer), p50/p99 over BENCH_ROUNDS round trips:
//   - bare: the same two messages through a plain `ws` relay on loopback (the floor: sockets + JSON only);
//   - one instance on the embedded database (PGlite, in-process bus);
//   - one instance on PostgreSQL, and across two instances on one PostgreSQL (LISTEN/NOTIFY, deflated), when
//     BENCH_DATABASE_URL is set.
// Prints one JSON line. Usage: npx tsx bench/signalling.ts
//   (BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres adds PostgreSQL)
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket, { WebSocketServer } from 'ws';
import { percentile } from './lib.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const PG_URL = process.env.BENCH_DATABASE_URL;

function bigSdp() {
  const lines = ['v=0', 'o=- 4611731400430051336 2 IN IP4 127.0.0.1', 's=-', 't=0 0'];
  for (let m = 0; m < 3; m++) {
    lines.push(`m=video 9 UDP/TLS/RTP/SAVPF ${Array.from({ length: 30 }, (_, i) => 96 + i).join(' ')}`);
    for (let pt = 96; pt < 126; pt++) lines.push(`a=rtpmap:${pt} VP8/90000`, `a=rtcp-fb:${pt} transport-cc`, `a=rtcp-fb:${pt} nack pli`, `a=fmtp:${pt} level-asymmetry-allowed=1;packetization-mode=1`);
  }
  return `${lines.join('\r\n')}\r\n`;
}


/** Messages that arrived before anyone waited for them (a welcome can beat the caller's next line). */
const early = new WeakMap<WebSocket, Record<string, unknown>[]>();

function open(url: string, protocols: string[], headers: Record<string, string> = {}) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers });
    const buffer: Record<string, unknown>[] = [];
    early.set(ws, buffer);
    ws.on('message', (data) => {
      if (ws.listenerCount('message') === 1) buffer.push(JSON.parse(data.toString()) as Record<string, unknown>);
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const nextMessage = (ws: WebSocket, predicate: (m: Record<string, unknown>) => boolean) =>
  new Promise<Record<string, unknown>>((resolve) => {
    const buffered = early.get(ws)!;
    const i = buffered.findIndex(predicate);
    if (i >= 0) return resolve(buffered.splice(i, 1)[0]!);
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!predicate(m)) return;
      ws.off('message', on);
      resolve(m);
    };
    ws.on('message', on);
  });

/** Round trips host → kiosk → host; the kiosk answers each offer at once. */
async function roundTrips(host: WebSocket, kiosk: WebSocket, hostId: string, kioskId: string) {
  const sdp = bigSdp();
  kiosk.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { type: string; data?: { description?: { sdp: string } } };
    if (m.type === 'signal' && m.data?.description) kiosk.send(JSON.stringify({ type: 'signal', to: hostId, data: { description: { type: 'answer', sdp: m.data.description.sdp } } }));
  });
  const times: number[] = [];
  for (let i = 0; i < ROUNDS + 20; i++) {
    const t0 = performance.now();
    const back = nextMessage(host, (m) => m.type === 'signal');
    host.send(JSON.stringify({ type: 'signal', to: kioskId, data: { description: { type: 'offer', sdp } } }));
    await back;
    if (i >= 20) times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function bare() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  const peers: WebSocket[] = [];
  wss.on('connection', (ws) => {
    peers.push(ws);
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { to: string; data: unknown };
      const target = peers[m.to === 'kiosk' ? 1 : 0];
      target?.send(JSON.stringify({ type: 'signal', from: { participantId: 'x', connectionId: 'y' }, data: m.data }));
    });
  });
  await new Promise((r) => wss.once('listening', r));
  const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
  const host = await open(url, []);
  await new Promise((r) => setTimeout(r, 50));
  const kiosk = await open(url, []);
  await new Promise((r) => setTimeout(r, 50));
  const result = await roundTrips(host, kiosk, 'host', 'kiosk');
  host.close();
  kiosk.close();
  wss.close();
  return result;
}

async function meeting(kind: 'pglite' | 'postgres', twoInstances: boolean) {
  const { buildApp } = await import('../src/server/app.js');
  const { testConfig } = await import('../src/server/config.js');
  const { openPglite, openPostgres } = await import('../src/server/db/client.js');
  const { createBus } = await import('../src/server/realtime/create-bus.js');
  const { PostgresBus } = await import('../src/server/realtime/postgres-bus.js');
  const { InProcessBus } = await import('../src/server/realtime/bus.js');
  const { assistanceWorld, bookingNow, pairTerminal } = await import('../test/helpers/assistance.js');
  const { signIn } = await import('../test/helpers/app.js');
  let dbName: string | undefined;
  let url: string | undefined;
  if (kind === 'postgres') {
    dbName = `etapiste_bench_signal_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(PG_URL!);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  const config = testConfig({ loginRatePerMinute: 10_000 });
  const start = async () => {
    const database = kind === 'pglite' ? await openPglite() : await openPostgres(url!, 10);
    await database.migrate();
    const bus = kind === 'pglite' ? new InProcessBus() : createBus(database);
    const app = await buildApp({ config, database, bus });
    await app.listen({ port: 0, host: '127.0.0.1' });
    if (bus instanceof PostgresBus) await bus.ready();
    return { app, database, port: (app.server.address() as { port: number }).port };
  };
  const a = await start();
  const b = twoInstances ? await start() : a;
  try {
    const w = await assistanceWorld(a.database.db);
    const admin = await signIn(a.app, w.admin.email);
    const terminal = await pairTerminal(a.app, admin, w.room.id);
    const expert = await signIn(a.app, w.expert.email);
    const booking = await bookingNow(a.database.db, w, 'checked-in');
    const meetingId = (await expert.post(`/api/bookings/${booking.id}/meeting`)).json().id as string;
    await expert.post(`/api/meetings/${meetingId}/admit`);
    const host = await open(`ws://127.0.0.1:${a.port}/api/meetings/${meetingId}/signal`, ['etapiste.signal.v1'], { cookie: `etapiste_session=${expert.cookie}`, origin: `http://127.0.0.1:${a.port}` });
    const hostWelcome = nextMessage(host, (m) => m.type === 'welcome');
    const hostId = ((await hostWelcome).self as { participantId: string }).participantId;
    const kiosk = await open(`ws://127.0.0.1:${b.port}/api/meetings/${meetingId}/signal`, ['etapiste.signal.v1', `bearer.${terminal.token}`]);
    const kioskId = ((await nextMessage(kiosk, (m) => m.type === 'welcome')).self as { participantId: string }).participantId;
    await new Promise((r) => setTimeout(r, 200));
    const result = await roundTrips(host, kiosk, hostId, kioskId);
    host.close();
    kiosk.close();
    return result;
  } finally {
    if (b !== a) {
      await b.app.close();
      await b.database.close();
    }
    await a.app.close();
    await a.database.close();
    if (dbName) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

const out: Record<string, unknown> = { bench: 'signalling', rounds: ROUNDS, sdpBytes: bigSdp().length, unit: 'ms round trip (offer out, answer back)' };
out.bare = await bare();
out.pglite = await meeting('pglite', false);
if (PG_URL) {
  out.postgres = await meeting('postgres', false);
  out.postgresTwoInstances = await meeting('postgres', true);
}
console.log(JSON.stringify(out));
process.exit(0);
