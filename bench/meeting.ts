/**
 * Remote meeting figures in real browsers (one Chromium per participant, generated cameras): prints one JSON line.
 * - join: time from the expert's admit to the first decoded remote video frame at the kiosk and at the expert
 *   (median of RUNS runs, default 5);
 * - cpu: the browsers' CPU (sum over every Chromium process, from /proc) during 20 s of a 2-party and a 3-party
 *   meeting, against the same browsers idle on the same screens without a meeting (the bare baseline);
 * - bitrate: per received stream during the 2- and 3-party windows (getStats bytesReceived deltas).
 * Usage: npm run build:web && npx tsx bench/meeting.ts [runs]
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { hashToken, newToken } from '../src/server/auth/tokens.js';
import { bookings, organisations, rooms, services, servicePoints, terminals, users } from '../src/server/db/schema/index.js';
import { newReference } from '../src/server/modules/bookings/reference.js';
import setupTemplate from '../test/pglite-template.js';
import { DEMO_PASSWORD, launchBrowser, newContext, startServer } from '../test/e2e/harness.js';
import { eq } from 'drizzle-orm';

const RUNS = Number(process.argv[2] ?? 5);
const WINDOW_MS = 20_000;
const TICKS = 100; // clock ticks per second (Linux default)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

/** CPU seconds used so far by every Chromium process started from this Node process (descendants, by /proc). */
function browserCpuSeconds(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  const comm = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const pid = Number(entry);
      parent.set(pid, Number(fields[1]));
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS);
      comm.set(pid, stat.slice(stat.indexOf('(') + 1, close));
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  for (const [pid, seconds] of cpu) {
    if (!/chrom/i.test(comm.get(pid) ?? '')) continue;
    for (let p = parent.get(pid); p; p = parent.get(p)) {
      if (p === process.pid) {
        total += seconds;
        break;
      }
      if (p === 1) break;
    }
  }
  return total;
}

async function cpuPercentOver(ms: number): Promise<number> {
  const a = browserCpuSeconds();
  const t = Date.now();
  await sleep(ms);
  return Math.round(((browserCpuSeconds() - a) / ((Date.now() - t) / 1000)) * 1000) / 10;
}

/** Chromium's generated camera (a moving pattern, so the encoder has work as with a face) and its beeping microphone. */
function participant(): Promise<Browser> {
  return launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required']);
}

type Inbound = { kind: string; role?: string; trackIdentifier?: string; bytesReceived: number; framesDecoded?: number };
const inbound = (page: Page) =>
  page.evaluate(async () => {
    const all = window.__etapisteMeeting ? await window.__etapisteMeeting.stats() : [];
    return all.flatMap((s) => s.inbound.map((i) => ({ ...i, from: s.kind })));
  }) as Promise<(Inbound & { from: string })[]>;

async function bitrates(pages: Record<string, Page>, ms: number, extra?: Promise<unknown>) {
  const before = Object.fromEntries(await Promise.all(Object.entries(pages).map(async ([k, p]) => [k, await inbound(p)] as const)));
  const t = Date.now();
  await Promise.all([sleep(ms), extra]);
  const out: Record<string, number> = {};
  for (const [k, p] of Object.entries(pages)) {
    const after = await inbound(p);
    for (const s of after) {
      const b = before[k]!.find((x) => x.trackIdentifier === s.trackIdentifier);
      out[`${k}<-${s.from}:${s.kind}${s.role === 'document' ? ':document' : ''}`] = Math.round(((s.bytesReceived - (b?.bytesReceived ?? 0)) * 8) / (Date.now() - t));
    }
  }
  return out; // kbit/s
}

async function main() {
  await setupTemplate();
  const server = await startServer();
  const db = server.database.db;
  const [point] = await db.select().from(servicePoints).limit(1);
  const [room] = await db.select().from(rooms).where(eq(rooms.servicePointId, point!.id)).limit(1);
  const vero = (await db.select().from(organisations)).find((o) => o.name.fi.includes('Vero'))!;
  const [expertUser] = await db.select().from(users).where(eq(users.email, 'asiantuntija@vero.demo'));
  const [service] = await db.select().from(services).where(eq(services.agencyId, vero.id)).limit(1);
  const [kioskBrowser, expertBrowser, interpreterBrowser] = await Promise.all([participant(), participant(), participant()]);

  const token = newToken();
  await db.insert(terminals).values({ roomId: room!.id, name: 'Bench', tokenHash: hashToken(token), pairedAt: new Date() });
  const kioskContext = await newContext(kioskBrowser, server.url);
  await kioskContext.addInitScript((t) => {
    (window as { __etapisteDebug?: boolean }).__etapisteDebug = true;
    localStorage.setItem('etapiste.terminal.token', t);
  }, token);
  const expertContext = await newContext(expertBrowser, server.url);
  await expertContext.addInitScript(() => ((window as { __etapisteDebug?: boolean }).__etapisteDebug = true));
  const expert = await expertContext.newPage();
  const login = await expert.request.post('/api/auth/login', { data: { email: 'asiantuntija@vero.demo', password: DEMO_PASSWORD } });
  const csrf = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const kiosk = await kioskContext.newPage();
  await kiosk.goto('/terminal');
  await expert.goto('/expert/meetings');
  await sleep(3_000);
  const idleCpu = await cpuPercentOver(10_000);

  const joins: { kiosk: number; expert: number }[] = [];
  let cpu2 = NaN;
  let cpu3 = NaN;
  let rates2: Record<string, number> = {};
  let rates3: Record<string, number> = {};
  for (let run = 0; run < RUNS; run++) {
    await db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.roomId, room!.id));
    const reference = newReference();
    const start = new Date(Date.now() - 5 * 60_000);
    const [b] = await db
      .insert(bookings)
      .values({
        reference,
        servicePointId: point!.id,
        roomId: room!.id,
        agencyId: vero.id,
        serviceId: service!.id,
        expertId: expertUser!.id,
        interpretingLanguage: 'fse',
        startsAt: start,
        endsAt: new Date(start.getTime() + 40 * 60_000),
        channel: 'on-site',
        customerName: 'Bench Customer',
        language: 'fi',
      })
      .returning({ id: bookings.id });
    await kiosk.request.post('/api/terminal/check-in', { headers: { authorization: `Bearer ${token}` }, data: { reference } });
    const opened = (await (await expert.request.post(`/api/bookings/${b!.id}/meeting`, { headers: csrf })).json()) as { id: string };
    await expert.goto(`/expert/meetings/${opened.id}`);
    await kiosk.goto('/terminal');
    // Both ready: the kiosk waits in the lobby, the expert's camera is on.
    await kiosk.locator('.terminal-status[data-phase="lobby"]').waitFor({ timeout: 30_000 });
    await expert.locator('.meeting-own video').waitFor({ timeout: 30_000 });
    await sleep(500);
    const admitted = Date.now();
    await expert.request.post(`/api/meetings/${opened.id}/admit`, { headers: csrf, data: {} });
    const firstFrame = async (page: Page) => {
      for (;;) {
        const s = await inbound(page).catch(() => []);
        if (s.some((x) => x.kind === 'video' && (x.framesDecoded ?? 0) > 0)) return Date.now() - admitted;
        await sleep(20);
      }
    };
    const [k, e] = await Promise.all([firstFrame(kiosk), firstFrame(expert)]);
    joins.push({ kiosk: k, expert: e });

    if (run === 0) {
      await sleep(3_000);
      const cpuRun = cpuPercentOver(WINDOW_MS);
      rates2 = await bitrates({ kiosk, expert }, WINDOW_MS, cpuRun);
      cpu2 = await cpuRun;
      // A third party: the interpreter by link and PIN.
      const link = (await (await expert.request.post(`/api/meetings/${opened.id}/interpreter-link`, { headers: csrf })).json()) as { code: string; pin: string };
      const interpreterContext = await newContext(interpreterBrowser, server.url);
      await interpreterContext.addInitScript(() => ((window as { __etapisteDebug?: boolean }).__etapisteDebug = true));
      const interpreter = await interpreterContext.newPage();
      await interpreter.goto(`/join/${link.code}`);
      await interpreter.getByRole('textbox').first().fill(link.pin);
      await interpreter.locator('form button[type="submit"]').click();
      for (;;) {
        const s = await inbound(interpreter).catch(() => []);
        if (s.filter((x) => x.kind === 'video' && (x.framesDecoded ?? 0) > 0).length >= 2) break;
        await sleep(100);
      }
      await sleep(3_000);
      const cpuRun3 = cpuPercentOver(WINDOW_MS);
      rates3 = await bitrates({ kiosk, expert, interpreter }, WINDOW_MS, cpuRun3);
      cpu3 = await cpuRun3;
      await interpreterContext.close();
    }
    await expert.request.post(`/api/meetings/${opened.id}/end`, { headers: csrf, data: { outcome: 'completed' } });
    await sleep(1_000);
  }

  await Promise.all([kioskBrowser.close(), expertBrowser.close(), interpreterBrowser.close()]);
  await server.stop();
  console.log(
    JSON.stringify({
      bench: 'meeting',
      runs: RUNS,
      video: "Chromium's generated camera (moving pattern) asked for 640x480, VP8, loopback, host candidates",
      admitToFirstFrameMs: { kioskMedian: median(joins.map((j) => j.kiosk)), expertMedian: median(joins.map((j) => j.expert)), runs: joins },
      cpuPercentOfOneCore: { idleBaseline3Browsers: idleCpu, twoParty: cpu2, threeParty: cpu3 },
      bitrateKbps: { twoParty: rates2, threeParty: rates3 },
    }),
  );
}

await main();
