// Availability, whole HTTP request: GET /api/availability over 4 weeks (28 days from next Monday), asked by an advisor
// of the point, in two cases on the national data set (bench/national-data.ts):
//   small:    one point (1 room) and one agency with 10 experts (bench/small-agency.ts, added to the data set);
//   national: the busiest service point and the largest agency (≈333 experts).
// Sequential requests through app.inject; server time is reply.elapsedTime (onRequest → response sent). Interleaved in
// the same run, the bare SQL the endpoint issues (captured from the pool, session look-up excluded) replayed with pg:
//   bareSeqMs  one statement after another on one connection;
//   bareConcMs as the app issues them: statements in flight together (a wave) run together on pool connections.
// Both for the statements of a steady-state request ("warm", what the figures compare with) and of the request that
// follows a catalogue change ("cold": everything availability reads, as every request did before the catalogue).
// Each round also asks once right after a booking.changed that names nothing (both caches dropped whole: one busy
// statement for every holder, as every request did before the caches, and as every booking made before targeted
// invalidation): busyMiss*; and once right after a booking.changed naming one room and one expert of the case on the
// first day (what a booking there publishes; only their week is read again): touchedMiss*. The phases split the
// cached request's server time.
// Then a mixed workload (mixed*): BENCH_MIX_N availability requests, with a real booking change through HTTP before
// every BENCH_MIX_EVERY-th of them (default 5: one change per five requests), cycling create → move → cancel of a
// booking at a free time of the case's last answer, the bare statements replayed after each request as above.
// mixedServerMs is every request of the phase; mixedAfterChangeServerMs the first after each change.
// Every fourth round, the use case without HTTP split into loading (buildSlotQuery) and computeSlots. One JSON line.
// Usage: npm run bench:availability   (BENCH_N=200 requests per case; BENCH_MIX_N=BENCH_N, BENCH_MIX_EVERY=5; BENCH_CASES=small,national; BENCH_CPU_PROFILE=dir; BENCH_KEEP / BENCH_DB_NAME: see bench/national-data.ts)
import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { openPostgres } from '../src/server/db/client.js';
import { answerCacheFor } from '../src/server/modules/scheduling/answer-cache.js';
import { computeSlots } from '../src/server/modules/scheduling/availability.js';
import { busyCacheFor } from '../src/server/modules/scheduling/busy-cache.js';
import { buildSlotQuery } from '../src/server/modules/scheduling/find-availability.js';
import { addDays, localDate, weekdayOf } from '../src/server/modules/scheduling/time.js';
import { InProcessBus } from '../src/server/realtime/bus.js';
import { ADVISOR_EMAIL, BENCH_PASSWORD, openNationalData } from './national-data.js';
import { createSmallAgency } from './small-agency.js';

const N = Math.min(Math.max(Number(process.env.BENCH_N ?? 200), 10), 5000);
const WARMUP = 10;
const MIX_N = Math.min(Math.max(Number(process.env.BENCH_MIX_N ?? N), 0), 5000);
const MIX_EVERY = Math.max(Number(process.env.BENCH_MIX_EVERY ?? 5), 1);
const TIME_LIMIT_MS = 240_000;

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

const loadAtStart = os.loadavg().map(ms);
const data = await openNationalData();
const database = await openPostgres(data.url);
const pool = database.pool!;
const config = testConfig();
const bus = new InProcessBus();
const app = await buildApp({ config, database, bus });
const serverMs: number[] = [];
// Where a request's server time goes: onRequest → preHandler (session look-up, query validation), the handler
// (catalogue, busy time, computeSlots, presenting), serialisation (zod check + JSON) and sending.
type Phases = { session: number[]; handler: number[]; serialise: number[] };
const phases: Phases = { session: [], handler: [], serialise: [] };
const marks = new WeakMap<object, { start: number; pre?: number; ser?: number }>();
app.addHook('onRequest', async (request) => {
  if (request.url.startsWith('/api/availability')) marks.set(request, { start: performance.now() });
});
app.addHook('preHandler', async (request) => {
  const m = marks.get(request);
  if (m) m.pre = performance.now();
});
app.addHook('preSerialization', async (request) => {
  const m = marks.get(request);
  if (m) m.ser = performance.now();
});
// Server time by the kind of request (header x-bench-kind): hit (none), miss, touched, mixed, mixed-after.
const byKind = new Map<string, number[]>();
const kindOf = (request: { headers: Record<string, unknown> }) => (request.headers['x-bench-kind'] as string | undefined) ?? 'hit';
const serverOf = (kind: string) => byKind.get(kind) ?? [];
app.addHook('onSend', async (request) => {
  const m = marks.get(request);
  if (!m?.pre || !m.ser || kindOf(request) !== 'hit') return;
  phases.session.push(m.pre - m.start);
  phases.handler.push(m.ser - m.pre);
  phases.serialise.push(performance.now() - m.ser);
});
app.addHook('onResponse', async (request, reply) => {
  if (!request.url.startsWith('/api/availability')) return;
  const kind = kindOf(request);
  if (kind === 'hit') serverMs.push(reply.elapsedTime);
  else {
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind)!.push(reply.elapsedTime);
  }
});

// The statements the pool runs for one request, from its handler on (not the session look-up before it), grouped in
// waves: a statement issued before any statement of the current wave has returned runs concurrently with it.
type Captured = { text: string; values: unknown[]; name?: string };
type Capture = { armed: boolean; waves: Captured[][]; all: number; returned: number; waveStart: number };
let capture: Capture | undefined;
app.addHook('preHandler', async (request) => {
  if (capture && request.url.startsWith('/api/availability')) capture.armed = true;
});
const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
(pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (config: unknown, values?: unknown) => {
  const c = config as { text?: string; values?: unknown[]; name?: string };
  const statement = { text: typeof config === 'string' ? config : c.text!, values: (values as unknown[]) ?? c.values ?? [], name: c.name };
  const watching = capture;
  if (watching) watching.all++;
  if (watching?.armed) {
    const wave = watching.waves.at(-1);
    if (!wave || watching.returned > watching.waveStart) {
      watching.waves.push([statement]);
      watching.waveStart = watching.returned;
    } else wave.push(statement);
  }
  const done = poolQuery(config, values);
  if (watching?.armed) void (done as Promise<unknown>).finally(() => watching.returned++).catch(() => undefined);
  return done;
};

await app.ready();
const label = (text: string) => /\bfrom "(\w+)"(?!\.)\s*(?:where|inner join|left join|order by|limit|$)/i.exec(text)?.[1] ?? 'other';
/** Named statements are replayed under a name of their own: the bench's connections must prepare them too. */
const replayable = (s: Captured) => ({ text: s.text, values: s.values, ...(s.name ? { name: `bench_${s.name}` } : {}) });

async function runCase(name: string, query: { servicePointId: string; agencyId: string; serviceId: string; from: string; to: string }, advisor: string, experts: number, deadline: number) {
  const url = `/api/availability?${new URLSearchParams(query)}`;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: advisor, password: BENCH_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  const cookies = { etapiste_session: login.cookies.find((c) => c.name === 'etapiste_session')!.value };
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  const ask = async (kind = 'hit') => {
    const res = await app.inject({ method: 'GET', url, cookies, headers: kind === 'hit' ? {} : { 'x-bench-kind': kind } });
    if (res.statusCode !== 200) throw new Error(`availability: ${res.statusCode} ${res.body}`);
    return res;
  };
  const watch = async () => {
    capture = { armed: false, waves: [], all: 0, returned: 0, waveStart: 0 };
    const res = await ask();
    const seen = capture;
    capture = undefined;
    return { res, waves: seen.waves, endpointStatements: seen.all };
  };

  // Cold: right after a catalogue change (what every request read before there was a catalogue); then warm: the
  // catalogue loaded, busy time not cached (right after a booking changed), one busy statement; then cached: none.
  await bus.publish({ type: 'catalogue.changed' });
  const cold = await watch();
  await bus.publish({ type: 'booking.changed' });
  const warm = await watch();
  const cached = await watch();
  const slots = (warm.res.json() as { slots: unknown[] }).slots.length;

  const client = await pool.connect();
  const seq = async (waves: Captured[][]) => {
    for (const wave of waves) for (const s of wave) await client.query(replayable(s));
  };
  const conc = async (waves: Captured[][]) => {
    for (const wave of waves) await Promise.all(wave.map((s) => pool.query(replayable(s))));
  };
  const ctx: AppContext = { db: database.db, database, config, bus };
  for (let i = 0; i < WARMUP; i++) {
    await ask();
    await seq(warm.waves);
    await conc(warm.waves);
    await seq(cold.waves);
    await conc(cold.waves);
    await buildSlotQuery(ctx, query);
  }
  serverMs.length = 0;
  byKind.clear();
  // What a booking of the case's first room and first expert on the first day publishes (scheduling/busy-change.ts).
  const firstSlot = (warm.res.json() as { slots: { start: string; roomId: string; expertId: string }[] }).slots[0]!;
  const touched = { holders: [firstSlot.roomId, firstSlot.expertId], from: Date.parse(firstSlot.start), to: Date.parse(firstSlot.start) + 86_400_000 };
  for (const k of ['session', 'handler', 'serialise'] as const) phases[k].length = 0;
  // BENCH_CPU_PROFILE=dir: a V8 CPU profile of this process over the timed loop only (one file per case).
  const profiler = process.env.BENCH_CPU_PROFILE ? new inspector.Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }

  const missCpuMs: number[] = [];
  const touchedCpuMs: number[] = [];
  const t = { injectMs: [] as number[], appCpuMs: [] as number[], bareSeqMs: [] as number[], bareConcMs: [] as number[], coldSeqMs: [] as number[], coldConcMs: [] as number[] };
  const loadMs: number[] = [];
  const computeMs: number[] = [];
  const time = async (into: number[], fn: () => Promise<unknown>) => {
    const start = performance.now();
    await fn();
    into.push(performance.now() - start);
  };
  let n = 0;
  for (; n < N && performance.now() < deadline; n++) {
    const cpu = process.cpuUsage();
    await time(t.injectMs, ask);
    const used = process.cpuUsage(cpu);
    t.appCpuMs.push((used.user + used.system) / 1000);
    // The same request after a booking changed (busy cache dropped): one busy statement, what each request was before.
    await bus.publish({ type: 'booking.changed' });
    const missCpu = process.cpuUsage();
    await ask('miss');
    const usedMiss = process.cpuUsage(missCpu);
    missCpuMs.push((usedMiss.user + usedMiss.system) / 1000);
    // After a booking of one room and one expert: only their week is missing, and this answer.
    await bus.publish({ type: 'booking.changed', payload: { busy: [touched] } });
    const touchedCpu = process.cpuUsage();
    await ask('touched');
    const usedTouched = process.cpuUsage(touchedCpu);
    touchedCpuMs.push((usedTouched.user + usedTouched.system) / 1000);
    await time(t.bareSeqMs, () => seq(warm.waves));
    await time(t.bareConcMs, () => conc(warm.waves));
    await time(t.coldSeqMs, () => seq(cold.waves));
    await time(t.coldConcMs, () => conc(cold.waves));
    if (n % 4 !== 0) continue;
    let start = performance.now();
    const { slotQuery } = await buildSlotQuery(ctx, query);
    loadMs.push(performance.now() - start);
    start = performance.now();
    computeSlots(slotQuery);
    computeMs.push(performance.now() - start);
  }
  const mixed = await runMixed(ask, cookies, csrf, query, seq, conc, warm.waves, deadline);
  client.release();
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(path.join(process.env.BENCH_CPU_PROFILE!, `availability-${name}.cpuprofile`), JSON.stringify(profile));
    profiler.disconnect();
  }

  const server = summary(serverMs);
  const missServerMs = serverOf('miss');
  const touchedServerMs = serverOf('touched');
  const bareP50 = quantile(t.bareConcMs, 0.5);
  const shape = (waves: Captured[][]) => waves.map((w) => w.map((s) => label(s.text)).join('+')).join(' → ');
  return {
    case: name,
    experts,
    requests: n,
    slots,
    serverMs: server,
    ratioToBareConcP99: ms(server.p99 / quantile(t.bareConcMs, 0.5)),
    phasesMs: { session: summary(phases.session), handler: summary(phases.handler), serialise: summary(phases.serialise) },
    cachedStatements: shape(cached.waves),
    busyMissServerMs: summary(missServerMs),
    busyMissCpuMs: summary(missCpuMs),
    busyMissRatioToBareConc: ms(quantile(missServerMs, 0.5) / bareP50),
    touchedMissServerMs: summary(touchedServerMs),
    touchedMissCpuMs: summary(touchedCpuMs),
    touchedMissRatioToBareConc: ms(quantile(touchedServerMs, 0.5) / bareP50),
    touchedMissRatioToBareConcP99: ms(quantile(touchedServerMs, 0.99) / bareP50),
    mixed,
    injectMs: summary(t.injectMs),
    // Node CPU time of one request (app and inject): less sensitive to other load on the machine than wall time.
    appCpuMs: summary(t.appCpuMs),
    bareSeqMs: summary(t.bareSeqMs),
    bareConcMs: summary(t.bareConcMs),
    ratioToBareConc: ms(server.p50 / quantile(t.bareConcMs, 0.5)),
    warmStatements: shape(warm.waves),
    coldSeqMs: summary(t.coldSeqMs),
    coldConcMs: summary(t.coldConcMs),
    ratioToColdConc: ms(server.p50 / quantile(t.coldConcMs, 0.5)),
    coldStatements: shape(cold.waves),
    endpointStatements: { warm: warm.endpointStatements, cold: cold.endpointStatements },
    loadMs: summary(loadMs),
    computeSlotsMs: summary(computeMs),
  };
}

type Asker = (kind?: string) => Promise<{ json(): unknown }>;
type CaseQuery = { servicePointId: string; agencyId: string; serviceId: string; from: string; to: string };
const delta = (after: Record<string, number>, before: Record<string, number>) => Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));

/**
 * Availability requests with real booking changes among them (one per MIX_EVERY requests): create, move and cancel
 * a booking of the case in turn, at free times of the last answer; the bare statements replayed after each request.
 */
async function runMixed(ask: Asker, cookies: Record<string, string>, csrf: string, query: CaseQuery, seq: (w: Captured[][]) => Promise<void>, conc: (w: Captured[][]) => Promise<void>, waves: Captured[][], deadline: number) {
  if (MIX_N === 0) return undefined;
  const ctx: AppContext = { db: database.db, database, config, bus };
  const answers = answerCacheFor(ctx)!;
  const busy = busyCacheFor(ctx)!;
  const stats = { answers: { ...answers.stats }, busy: { ...busy.stats } };
  const bare = { concMs: [] as number[], seqMs: [] as number[] };
  const changeMs: number[] = [];
  const codes: Record<string, number> = {};
  let slots: { start: string }[] = [];
  let booking: { id: string; moved: boolean } | undefined;
  const free = () => {
    const earliest = Date.now() + (config.bookingMinNoticeMinutes + 5) * 60_000;
    const open = slots.filter((s) => Date.parse(s.start) > earliest);
    return open[Math.floor(Math.random() * open.length)]?.start;
  };
  const send = (method: 'POST' | 'PATCH', url: string, payload: object) => app.inject({ method, url, cookies, headers: { 'x-csrf-token': csrf }, payload });
  const change = async () => {
    const started = performance.now();
    let res;
    if (!booking) {
      const start = free();
      if (!start) return;
      res = await send('POST', '/api/bookings', { ...query, from: undefined, to: undefined, start, customer: { name: 'Penkki Asiakas' }, language: 'fi', channel: 'on-site' });
      if (res.statusCode === 201) booking = { id: (res.json() as { id: string }).id, moved: false };
    } else if (!booking.moved) {
      const start = free();
      if (!start) return;
      res = await send('PATCH', `/api/bookings/${booking.id}`, { start });
      booking.moved = true;
    } else {
      res = await send('POST', `/api/bookings/${booking.id}/cancel`, { reason: 'Penkki' });
      booking = undefined;
    }
    changeMs.push(performance.now() - started);
    codes[res.statusCode] = (codes[res.statusCode] ?? 0) + 1;
  };
  slots = ((await ask()).json() as { slots: { start: string }[] }).slots;
  let n = 0;
  for (; n < MIX_N && performance.now() < deadline; n++) {
    const after = n % MIX_EVERY === 0;
    if (after) await change();
    slots = ((await ask(after ? 'mixed-after' : 'mixed')).json() as { slots: { start: string }[] }).slots;
    let start = performance.now();
    await conc(waves);
    bare.concMs.push(performance.now() - start);
    start = performance.now();
    await seq(waves);
    bare.seqMs.push(performance.now() - start);
  }
  if (booking) await send('POST', `/api/bookings/${booking.id}/cancel`, { reason: 'Penkki' });
  const all = [...serverOf('mixed'), ...serverOf('mixed-after')];
  const bareP50 = quantile(bare.concMs, 0.5);
  return {
    requests: n,
    changeEvery: MIX_EVERY,
    changes: changeMs.length,
    changeCodes: codes,
    changeMs: summary(changeMs),
    serverMs: summary(all),
    afterChangeServerMs: summary(serverOf('mixed-after')),
    bareConcMs: summary(bare.concMs),
    bareSeqMs: summary(bare.seqMs),
    ratioToBareConc: ms(quantile(all, 0.5) / bareP50),
    ratioToBareConcP99: ms(quantile(all, 0.99) / bareP50),
    afterChangeRatioToBareConc: ms(quantile(serverOf('mixed-after'), 0.5) / bareP50),
    answerCache: delta(answers.stats, stats.answers),
    busyCache: delta(busy.stats, stats.busy),
  };
}

try {
  const from = nextMonday();
  const to = addDays(from, 27);
  const deadline = performance.now() + TIME_LIMIT_MS;
  const small = await createSmallAgency(pool);
  const { rows: agencies } = await pool.query<{ id: string; serviceId: string; experts: number }>(
    `SELECT o.id,
       (SELECT id FROM services s WHERE s.agency_id = o.id AND s.active ORDER BY s.id LIMIT 1) AS "serviceId",
       (SELECT count(*)::int FROM role_assignments ra WHERE ra.organisation_id = o.id AND ra.role = 'expert') AS experts
     FROM organisations o WHERE o.kind = 'principal' ORDER BY experts DESC, o.short_name LIMIT 1`,
  );
  const big = agencies[0]!;
  const wanted = (name: string) => !process.env.BENCH_CASES || process.env.BENCH_CASES.split(',').includes(name);
  const cases = [];
  if (wanted('small')) {
    const q = { servicePointId: small.servicePointId, agencyId: small.agencyId, serviceId: small.serviceId, from, to };
    cases.push(await runCase('small', q, small.advisorEmail, small.experts, deadline));
  }
  if (wanted('national')) {
    const q = { servicePointId: data.busyPointId, agencyId: big.id, serviceId: big.serviceId, from, to };
    cases.push(await runCase('national', q, ADVISOR_EMAIL, big.experts, deadline));
  }
  const { rows: version } = await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  console.log(
    JSON.stringify({
      bench: 'availability',
      range: { from, to, days: 28 },
      cases,
      dataSet: { database: data.name, reused: data.reused, ...data.counts, databaseMb: data.databaseMb, generation: data.generation },
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverage: { start: loadAtStart, end: os.loadavg().map(ms) }, node: process.version, postgres: version[0]!.v },
    }),
  );
} finally {
  await app.close();
  await database.close();
  await data.close();
}
