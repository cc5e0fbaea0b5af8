import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, rooms } from '../../src/server/db/schema/index.js';
import { helsinkiClock } from '../helpers/clock.js';
import { type E2EServer, axeViolations, browserAvailable, shot, startServer } from './harness.js';
import {
  type MeetingWorld,
  bookingNow,
  clearRoom,
  deviceTracks,
  expectMediaFlowing,
  launchParticipant,
  meetingWorld,
  openJoin,
  openStaff,
  openTerminal,
  staffHeaders,
  terminalToken,
} from './meeting-support.js';
import { tr } from './ui.js';

/** "At once": released within a couple of seconds of the meeting ending for this participant, without a reload. */
const AT_ONCE = { timeout: 3_000, interval: 100 };
const released = async (page: Page) => {
  const tracks = await deviceTracks(page);
  return tracks.opened > 0 && tracks.live === 0;
};
/** The words of "reconnecting…" (the page's own and a tile's), which must not show once the meeting is over. */
const reconnecting = (page: Page) =>
  page.evaluate(
    ([own, tile]) => document.body.innerText.includes(own!) || document.body.innerText.includes(tile!),
    [tr('fi', 'meeting:phase.reconnecting'), tr('fi', 'meeting:peer.reconnecting').replace('{{name}}: ', '')],
  );

describe.skipIf(!browserAvailable)('a meeting that ends, is left, or whose link is revoked releases the devices at once', () => {
  let server: E2EServer;
  let world: MeetingWorld;
  let browsers: Browser[];
  beforeAll(async () => {
    // Walk-ins are queued only while the point is open: the server's clock is inside its hours, whatever the hour of the run.
    server = await startServer({}, { now: helsinkiClock() });
    world = await meetingWorld(server);
    browsers = await Promise.all([launchParticipant({ colour: 'blue' }), launchParticipant({ colour: 'red' }), launchParticipant({ colour: 'green' })]);
  });
  afterAll(async () => {
    await Promise.all((browsers ?? []).map((b) => b.close()));
    await server?.stop();
  });

  /** A running meeting of the kiosk, the expert and (by link and PIN) an interpreter, media flowing between all. */
  async function meetingOfThree() {
    const [terminalBrowser, expertBrowser, interpreterBrowser] = browsers as [Browser, Browser, Browser];
    await clearRoom(server, world.roomId);
    const booking = await bookingNow(server, world, { interpretingLanguage: 'fse', status: 'checked-in' });
    const token = await terminalToken(server, world.roomId);
    const terminal = await openTerminal(terminalBrowser, server, token);
    const expert = await openStaff(expertBrowser, server, 'asiantuntija@vero.demo', '/expert');
    const opened = await expert.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(expert) });
    const meetingId = ((await opened.json()) as { id: string }).id;
    await expert.goto(`/expert/meetings/${meetingId}`);
    await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).click();
    const link = await expert.request.post(`/api/meetings/${meetingId}/interpreter-link`, { headers: staffHeaders(expert) });
    const { url, pin } = (await link.json()) as { url: string; pin: string };
    const interpreter = await openJoin(interpreterBrowser, server, new URL(url).pathname);
    await interpreter.getByLabel(tr('fi', 'meeting:join.pin'), { exact: true }).fill(pin);
    await interpreter.getByRole('button', { name: tr('fi', 'meeting:join.submit') }).click();
    await Promise.all([expectMediaFlowing(terminal, 2), expectMediaFlowing(expert, 2), expectMediaFlowing(interpreter, 2)]);
    return { terminal, expert, interpreter, meetingId };
  }

  it('ends for everyone: every camera and microphone stops at once and every screen says the meeting has ended', async () => {
    const { terminal, expert, interpreter } = await meetingOfThree();
    for (const page of [terminal, expert, interpreter]) expect((await deviceTracks(page)).live).toBeGreaterThan(0);

    await expert.getByRole('button', { name: tr('fi', 'meeting:end.start') }).click();
    await expert.getByRole('radio', { name: tr('fi', 'meeting:outcome.completed') }).check();
    await expert.getByRole('button', { name: tr('fi', 'meeting:end.submit') }).click();

    await Promise.all([terminal, expert, interpreter].map((page) => expect.poll(() => released(page), AT_ONCE).toBe(true)));
    await interpreter.getByText(tr('fi', 'meeting:phase.ended')).waitFor({ timeout: 3_000 });
    expect(await reconnecting(interpreter)).toBe(false);
    expect(await interpreter.locator('video').count()).toBe(0);
    await terminal.getByRole('heading', { name: tr('fi', 'terminal:feedback.question') }).or(terminal.getByText(tr('fi', 'terminal:meeting.ended'))).first().waitFor();
    expect(await reconnecting(terminal)).toBe(false);
    await expert.getByText(tr('fi', 'meeting:meeting.endedNotice').split('{{')[0]!.trim()).first().waitFor();
    expect(await reconnecting(expert)).toBe(false);
    await shot(interpreter, 'meeting-ended-interpreter');
    expect(await axeViolations(interpreter)).toEqual([]);
    for (const page of [terminal, expert, interpreter]) await page.context().close();
  });

  it('an interpreter who leaves, an expert who leaves and an interpreter whose link is replaced release their devices', async () => {
    const { terminal, expert, interpreter, meetingId } = await meetingOfThree();

    // The expert replaces the link: the old one no longer lets its holder in (checked every 20 s).
    await expert.request.post(`/api/meetings/${meetingId}/interpreter-link`, { headers: staffHeaders(expert) });
    await interpreter.getByText(tr('fi', 'meeting:join.denied')).waitFor({ timeout: 30_000 });
    await expect.poll(() => released(interpreter), AT_ONCE).toBe(true);
    expect(await reconnecting(interpreter)).toBe(false);

    // Back in by the new link, then out by the button.
    const link = await expert.request.post(`/api/meetings/${meetingId}/interpreter-link`, { headers: staffHeaders(expert) });
    const { url, pin } = (await link.json()) as { url: string; pin: string };
    await interpreter.goto(new URL(url).pathname);
    await interpreter.getByLabel(tr('fi', 'meeting:join.pin'), { exact: true }).fill(pin);
    await interpreter.getByRole('button', { name: tr('fi', 'meeting:join.submit') }).click();
    await expectMediaFlowing(interpreter, 2);
    await interpreter.getByRole('button', { name: tr('fi', 'meeting:meeting.leave') }).click();
    await interpreter.getByText(tr('fi', 'meeting:join.youLeft')).waitFor({ timeout: 3_000 });
    await expect.poll(() => released(interpreter), AT_ONCE).toBe(true);

    await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.leave') }).click();
    await expect.poll(() => released(expert), AT_ONCE).toBe(true);
    for (const page of [terminal, expert, interpreter]) await page.context().close();
  });

  it('ending early frees the rest of the slot: a walk-in is taken into the room at once, and the status board and the calendar agree', async () => {
    const [terminalBrowser, expertBrowser, advisorBrowser] = browsers as [Browser, Browser, Browser];
    const db = server.database.db;
    await clearRoom(server, world.roomId);
    const scheduledEnd = Date.now() + 25 * 60_000;
    const booking = await bookingNow(server, world, { status: 'checked-in' });
    const terminal = await openTerminal(terminalBrowser, server, await terminalToken(server, world.roomId));
    const expert = await openStaff(expertBrowser, server, 'asiantuntija@vero.demo', '/expert');
    const opened = await expert.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(expert) });
    await expert.goto(`/expert/meetings/${((await opened.json()) as { id: string }).id}`);
    await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).click();
    await Promise.all([expectMediaFlowing(terminal, 1), expectMediaFlowing(expert, 1)]);

    // The advisor watches the room on the status board and queues a walk-in for Vero, as the desk does.
    const advisor = await openStaff(advisorBrowser, server, 'neuvoja1@porvoo.demo', '/desk/status');
    const [room] = await db.select().from(rooms).where(eq(rooms.id, world.roomId));
    const roomState = advisor.getByTestId('room-state').filter({ hasText: room!.name.fi });
    await roomState.getByText(tr('fi', 'assistance:roomState.in-meeting')).waitFor();
    const queued = await advisor.request.post('/api/walk-ins', {
      headers: staffHeaders(advisor),
      data: { servicePointId: world.pointId, agencyId: world.vero.id, serviceId: world.veroService.id, customerName: 'Kalle Kävijä', language: 'fi' },
    });
    expect(queued.status()).toBe(201);

    // The expert ends the meeting some 25 minutes before the booking's end.
    await expert.getByRole('button', { name: tr('fi', 'meeting:end.start') }).click();
    await expert.getByRole('radio', { name: tr('fi', 'meeting:outcome.completed') }).check();
    await expert.getByRole('button', { name: tr('fi', 'meeting:end.submit') }).click();
    await expert.getByText(tr('fi', 'meeting:meeting.endedNotice').split('{{')[0]!.trim()).first().waitFor();
    await roomState.getByText(tr('fi', 'assistance:roomState.free')).waitFor();

    // The expert takes the walk-in from the queue: the room is free now, not only after the booking's scheduled end.
    await expert.goto('/expert/bookings');
    await expert.getByRole('button', { name: tr('fi', 'calendar:walkIn.take').replace('{{name}}', 'Kalle Kävijä') }).click();
    await expect.poll(async () => (await db.select().from(bookings).where(and(eq(bookings.roomId, world.roomId), eq(bookings.walkIn, true)))).length).toBe(1);
    const [ended] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    const [walkIn] = await db.select().from(bookings).where(and(eq(bookings.roomId, world.roomId), eq(bookings.walkIn, true)));
    expect(ended!.endsAt.getTime()).toBeLessThanOrEqual(walkIn!.startsAt.getTime());
    await roomState.getByText(tr('fi', 'assistance:roomState.customer-waiting')).waitFor();

    // The desk calendar shows the same: the ended booking up to the minute it ended, the walk-in from then on.
    const time = (at: Date) => new Intl.DateTimeFormat('fi-FI', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(at);
    await advisor.goto('/desk/calendar');
    const block = (reference: string) => advisor.locator('.cal-block').filter({ hasText: reference }).locator('.cal-block-time');
    await expect.poll(() => block(booking.reference).innerText()).toBe(`${time(ended!.startsAt)}–${time(ended!.endsAt)}`);
    await expect.poll(() => block(walkIn!.reference).innerText()).toBe(`${time(walkIn!.startsAt)}–${time(walkIn!.endsAt)}`);
    expect(ended!.endsAt.getTime()).toBeLessThan(scheduledEnd - 60_000);
    for (const page of [terminal, expert, advisor]) await page.context().close();
  }, 300_000);
});
