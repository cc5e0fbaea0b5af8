import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PeerStats } from '../../src/web/meeting/stats.js';
import { hashToken, newToken } from '../../src/server/auth/tokens.js';
import { bookings, meetings, organisations, rooms, services, servicePoints, terminals, users } from '../../src/server/db/schema/index.js';
import { newReference } from '../../src/server/modules/bookings/reference.js';
import { DEMO_PASSWORD, type E2EServer, launchBrowser, newContext } from './harness.js';
import { type Colour, nearestColour, solidY4m } from './media/y4m.js';

/** Shared by the meeting suites (docs/meetings.md): the demo world's ids, bookings around now, participants. */
export type MeetingWorld = Awaited<ReturnType<typeof meetingWorld>>;

export async function meetingWorld(server: E2EServer) {
  const db = server.database.db;
  const [point] = await db.select().from(servicePoints).limit(1);
  const [room] = await db.select().from(rooms).where(eq(rooms.servicePointId, point!.id)).limit(1);
  const orgs = await db.select().from(organisations);
  const org = (fi: string) => orgs.find((o) => o.name.fi.includes(fi))!;
  const vero = org('Vero');
  const dvv = org('DVV') ?? org('Digi');
  const user = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!;
  const [veroService] = await db.select().from(services).where(eq(services.agencyId, vero.id)).limit(1);
  return {
    pointId: point!.id,
    roomId: room!.id,
    vero,
    dvv,
    veroExpert: await user('asiantuntija@vero.demo'),
    dvvExpert: await user('asiantuntija@dvv.demo'),
    kelaExpert: await user('asiantuntija@kela.demo'),
    veroService: veroService!,
  };
}

/** A paired kiosk in the room (its device token), without going through the pairing screen. */
export async function terminalToken(server: E2EServer, roomId: string): Promise<string> {
  const token = newToken();
  await server.database.db.insert(terminals).values({ roomId, name: `E2E ${token.slice(0, 4)}`, tokenHash: hashToken(token), pairedAt: new Date() });
  return token;
}

/** Another room at the same point with its own kiosk: for "another room's terminal may not join". */
export async function otherRoomTerminal(server: E2EServer, pointId: string): Promise<string> {
  const [room] = await server.database.db
    .insert(rooms)
    .values({ servicePointId: pointId, name: { fi: 'Toinen tila', sv: 'Annat rum', en: 'Other room' } })
    .returning({ id: rooms.id });
  return terminalToken(server, room!.id);
}

/**
 * A booking running now (5 minutes ago → 25 minutes ahead) straight in the database: the suites run at any hour,
 * and opening hours are not what they test.
 */
export async function bookingNow(
  server: E2EServer,
  world: MeetingWorld,
  opts: { startOffsetMinutes?: number; minutes?: number; interpretingLanguage?: string; status?: 'booked' | 'checked-in' } = {},
) {
  const start = new Date(Date.now() + (opts.startOffsetMinutes ?? -5) * 60_000);
  const end = new Date(start.getTime() + (opts.minutes ?? 30) * 60_000);
  const reference = newReference();
  const [row] = await server.database.db
    .insert(bookings)
    .values({
      reference,
      servicePointId: world.pointId,
      roomId: world.roomId,
      agencyId: world.vero.id,
      serviceId: world.veroService.id,
      expertId: world.veroExpert.id,
      interpretingLanguage: opts.interpretingLanguage ?? null,
      startsAt: start,
      endsAt: end,
      status: opts.status ?? 'booked',
      channel: 'on-site',
      customerName: 'Maija Meikäläinen',
      customerPhone: '040 123 4567',
      language: 'fi',
    })
    .returning({ id: bookings.id });
  return { id: row!.id, reference };
}

/** Cancels every booking of the room so the next test can book "now" without the exclusion constraint refusing. */
export async function clearRoom(server: E2EServer, roomId: string) {
  await server.database.db.update(bookings).set({ status: 'cancelled' }).where(and(eq(bookings.roomId, roomId)));
  // An earlier test's meeting left open (its people left without ending it) would still be the room's meeting: the
  // kiosk follows the room's open meeting before any booking.
  await server.database.db
    .update(meetings)
    .set({ status: 'ended', endedAt: new Date(), outcome: 'completed' })
    .where(and(eq(meetings.roomId, roomId), eq(meetings.status, 'open')));
}

/**
 * One Chromium per participant: its own fake camera (a solid colour from a Y4M file, or Chromium's two generated
 * cameras for the terminal with a document camera) and fake microphone; sound may start without a tap (a kiosk
 * runs its browser so).
 */
export function launchParticipant(opts: { colour?: Colour; twoCameras?: boolean }): Promise<Browser> {
  const args = ['--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];
  // Chromium's second fake camera is a Y16 depth camera that WebRTC never encodes: the kiosk is told (as an
  // installer would) to use the third, fake_device_2, as its document camera (openTerminal's documentCamera).
  if (opts.twoCameras) args.push('--use-fake-device-for-media-stream=device-count=3');
  else {
    args.push('--use-fake-device-for-media-stream');
    if (opts.colour) args.push(`--use-file-for-fake-video-capture=${solidY4m(opts.colour)}`);
  }
  return launchBrowser(args);
}

/**
 * The test's window into the meeting (src/web/meeting/debug.ts), switched on before the app loads; and every
 * camera and microphone track the page ever opened, so a test can tell whether they were released.
 */
async function withDebug(context: BrowserContext) {
  await context.addInitScript(() => {
    (window as { __etapisteDebug?: boolean }).__etapisteDebug = true;
    const opened: MediaStreamTrack[] = [];
    (window as { __etapisteTracks?: MediaStreamTrack[] }).__etapisteTracks = opened;
    const devices = navigator.mediaDevices;
    if (!devices) return;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      opened.push(...stream.getTracks());
      return stream;
    };
  });
}

/** How many camera and microphone tracks the page has opened, and how many of them still run. */
export function deviceTracks(page: Page): Promise<{ opened: number; live: number }> {
  return page.evaluate(() => {
    const all = (window as { __etapisteTracks?: MediaStreamTrack[] }).__etapisteTracks ?? [];
    return { opened: all.length, live: all.filter((t) => t.readyState === 'live').length };
  });
}

export async function openTerminal(browser: Browser, server: E2EServer, token: string, documentCamera = 'fake_device_2'): Promise<Page> {
  const context = await newContext(browser, server.url, 'fi');
  await withDebug(context);
  await context.addInitScript(
    ([value, camera]) => {
      localStorage.setItem('etapiste.terminal.token', value!);
      localStorage.setItem('etapiste.terminal.documentCamera', camera!);
    },
    [token, documentCamera],
  );
  const page = await context.newPage();
  await page.goto('/terminal');
  return page;
}

export async function openStaff(browser: Browser, server: E2EServer, email: string, path = '/expert/meetings'): Promise<Page> {
  const context = await newContext(browser, server.url, 'fi');
  await withDebug(context);
  const page = await context.newPage();
  const res = await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in of ${email} failed: ${res.status()}`);
  csrfTokens.set(page, ((await res.json()) as { csrfToken: string }).csrfToken);
  await page.goto(path);
  return page;
}

/** The interpreter's page; `timezoneId`: a device set to another zone (times on screen stay Helsinki's). */
export async function openJoin(browser: Browser, server: E2EServer, url: string, timezoneId?: string): Promise<Page> {
  const context = await newContext(browser, server.url, 'fi', timezoneId);
  await withDebug(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const csrfTokens = new WeakMap<Page, string>();
/** Headers for an API call in the name of the page's staff session. */
export const staffHeaders = (page: Page) => ({ 'x-csrf-token': csrfTokens.get(page) ?? '' });

export function stats(page: Page): Promise<PeerStats[]> {
  return page.evaluate(() => (window.__etapisteMeeting ? window.__etapisteMeeting.stats() : Promise.resolve([])));
}

export const videoIn = (s: PeerStats, role?: 'camera' | 'document') => s.inbound.filter((i) => i.kind === 'video' && (!role || i.role === role));
export const audioIn = (s: PeerStats) => s.inbound.filter((i) => i.kind === 'audio');
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Media from every one of `peers` other participants: decoded frames and audio packets, both rising. */
export async function expectMediaFlowing(page: Page, peers: number, timeout = 30_000) {
  const snapshot = async () => {
    const all = await stats(page);
    return all.map((s) => ({ id: s.participantId, frames: sum(videoIn(s).map((v) => v.framesDecoded ?? 0)), audio: sum(audioIn(s).map((a) => a.packetsReceived)) }));
  };
  let first: Awaited<ReturnType<typeof snapshot>> = [];
  const explain = async () =>
    JSON.stringify({ phase: await page.evaluate(() => window.__etapisteMeeting?.phase()), stats: await stats(page), trace: await page.evaluate(() => window.__etapisteMeeting?.trace()) });
  await expect
    .poll(
      async () => {
        first = await snapshot();
        return first.filter((p) => p.frames > 5 && p.audio > 5).length;
      },
      { timeout, interval: 250 },
    )
    .toBe(peers)
    .catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await explain()}`);
    });
  await expect
    .poll(
      async () => {
        const later = await snapshot();
        return later.filter((p) => {
          const before = first.find((f) => f.id === p.id);
          return before && p.frames > before.frames && p.audio > before.audio;
        }).length;
      },
      { timeout: 10_000, interval: 250 },
    )
    .toBe(peers);
}

/** Media flowing at every page from its `peers` others; on failure, every page's state and trace. */
export async function expectAllFlowing(pages: Page[], peers: number, timeout = 30_000) {
  const results = await Promise.allSettled(pages.map((p) => expectMediaFlowing(p, peers, timeout)));
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`page ${i}: ${(r.reason as Error).message}`] : []));
  if (failed.length > 0) {
    const traces = await Promise.all(pages.map((p) => p.evaluate(() => window.__etapisteMeeting?.trace()).catch(() => undefined)));
    throw new Error(`${failed.join('\n')}\ntraces: ${JSON.stringify(traces)}`);
  }
}

/** The colour in the middle of each remote camera picture, drawn onto a canvas. */
export async function remoteColours(page: Page, selector = '.meeting-remote figure[data-role="camera"]'): Promise<{ kind: string; colour: Colour; rgb: number[] }[]> {
  const samples = await page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLElement>(sel)].map((figure) => {
      const video = figure.querySelector('video')!;
      const canvas = document.createElement('canvas');
      canvas.width = 32;
      canvas.height = 32;
      const ctx = canvas.getContext('2d')!;
      if (video.videoWidth === 0) return { kind: figure.dataset.peerKind ?? '', rgb: [] as number[] };
      ctx.drawImage(video, 0, 0, 32, 32);
      const d = ctx.getImageData(16, 16, 1, 1).data;
      return { kind: figure.dataset.peerKind ?? '', rgb: [d[0]!, d[1]!, d[2]!] };
    });
  }, selector);
  return samples.filter((s) => s.rgb.length === 3).map((s) => ({ ...s, colour: nearestColour(s.rgb) }));
}
