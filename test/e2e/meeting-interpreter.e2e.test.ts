import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EServer, axeViolations, browserAvailable, startServer, shot } from './harness.js';
import {
  type MeetingWorld,
  bookingNow,
  expectMediaFlowing,
  launchParticipant,
  meetingWorld,
  openJoin,
  openStaff,
  openTerminal,
  remoteColours,
  staffHeaders,
  stats,
  terminalToken,
  videoIn,
} from './meeting-support.js';
import { tr } from './ui.js';

/** Frames of the interpreter's picture decoded per second at a receiver, over the time `WINDOW_FRAMES` frames take. */
const WINDOW_FRAMES = 80;
async function interpreterFps(page: Page): Promise<number> {
  const frames = async () => {
    const peer = (await stats(page)).find((s) => s.kind === 'interpreter');
    return peer ? (videoIn(peer, 'camera')[0]?.framesDecoded ?? 0) : 0;
  };
  const [a, t0] = [await frames(), Date.now()];
  // No fixed window: wait until enough frames have arrived, then the rate is those frames over the time they took.
  let b = a;
  await expect.poll(async () => (b = await frames()) - a, { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(WINDOW_FRAMES);
  return ((b - a) * 1000) / (Date.now() - t0);
}

/** Share of the window the interpreter's picture takes. */
async function interpreterShare(page: Page): Promise<number> {
  const box = await page.locator('.meeting-remote figure[data-peer-kind="interpreter"]').boundingBox();
  const view = page.viewportSize()!;
  return box ? (box.width * box.height) / (view.width * view.height) : 0;
}

describe.skipIf(!browserAvailable)('remote meeting with a sign language interpreter', () => {
  let server: E2EServer;
  let world: MeetingWorld;
  let browsers: Browser[];
  beforeAll(async () => {
    server = await startServer();
    world = await meetingWorld(server);
    // Terminal blue, expert red, interpreter green.
    browsers = await Promise.all([launchParticipant({ colour: 'blue' }), launchParticipant({ colour: 'red' }), launchParticipant({ colour: 'green' })]);
  });
  afterAll(async () => {
    await Promise.all((browsers ?? []).map((b) => b.close()));
    await server?.stop();
  });

  it('joins by link and PIN; every pair receives media; the interpreter arrives at 20 fps or more and large', async () => {
    const [terminalBrowser, expertBrowser, interpreterBrowser] = browsers as [Browser, Browser, Browser];
    const booking = await bookingNow(server, world, { interpretingLanguage: 'fse' });
    const token = await terminalToken(server, world.roomId);
    const checkIn = await fetch(`${server.url}/api/terminal/check-in`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reference: booking.reference }),
    });
    expect(checkIn.status).toBe(200);
    const terminal = await openTerminal(terminalBrowser, server, token);
    const expert = await openStaff(expertBrowser, server, 'asiantuntija@vero.demo', '/expert');
    const opened = await expert.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(expert) });
    const meetingId = ((await opened.json()) as { id: string }).id;
    await expert.goto(`/expert/meetings/${meetingId}`);
    await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).click();
    await Promise.all([expectMediaFlowing(terminal, 1), expectMediaFlowing(expert, 1)]);

    // The expert creates the interpreter's link: the URL and the PIN, shown once.
    await expert.getByRole('button', { name: tr('fi', 'meeting:interpreter.create') }).click();
    const url = await expert.getByTestId('interpreter-url').innerText();
    const pin = await expert.getByTestId('interpreter-pin').innerText();
    expect(pin).toMatch(/^\d{6}$/);
    expect(url).toContain('/join/');

    // The interpreter: agency and time, then the PIN (a wrong one first). Their device is set to New York's time.
    const interpreter = await openJoin(interpreterBrowser, server, new URL(url).pathname, 'America/New_York');
    await interpreter.getByRole('heading', { name: tr('fi', 'meeting:join.title') }).waitFor();
    await interpreter.getByText(world.vero.name.fi).waitFor();
    await shot(interpreter, 'meeting-interpreter-1');
    expect(await axeViolations(interpreter)).toEqual([]);
    const pinField = interpreter.getByLabel(tr('fi', 'meeting:join.pin'), { exact: true });
    await pinField.fill(pin === '000000' ? '111111' : '000000');
    await interpreter.getByRole('button', { name: tr('fi', 'meeting:join.submit') }).click();
    await interpreter.getByText(tr('fi', 'meeting:errors.meeting.pin_wrong')).waitFor();
    await pinField.fill(pin);
    await interpreter.getByRole('button', { name: tr('fi', 'meeting:join.submit') }).click();

    // Every pair receives media: each of the three decodes the two others.
    await Promise.all([expectMediaFlowing(terminal, 2), expectMediaFlowing(expert, 2), expectMediaFlowing(interpreter, 2)]);
    const colours = async (page: Page) => (await remoteColours(page)).map((c) => c.colour).sort();
    await expect.poll(() => colours(terminal)).toEqual(['green', 'red']);
    await expect.poll(() => colours(expert)).toEqual(['blue', 'green']);
    await expect.poll(() => colours(interpreter)).toEqual(['blue', 'red']);

    // Sign language: sent as motion at up to 30 fps, received at 20 fps or more, a third of the screen or more.
    const sent = await interpreter.evaluate(() =>
      window.__etapisteMeeting!.peers().map((p) => {
        const sender = p.pc.getSenders().find((s) => s.track?.kind === 'video')!;
        return { hint: sender.track!.contentHint, max: sender.getParameters().encodings[0]?.maxFramerate, fps: sender.track!.getSettings().frameRate };
      }),
    );
    for (const s of sent) expect(s).toMatchObject({ hint: 'motion', max: 30 });
    expect(sent[0]!.fps).toBeGreaterThanOrEqual(20);
    const [atTerminal, atExpert] = await Promise.all([interpreterFps(terminal), interpreterFps(expert)]);
    expect(atTerminal).toBeGreaterThanOrEqual(20);
    expect(atExpert).toBeGreaterThanOrEqual(20);
    const share = { atTerminal: await interpreterShare(terminal), atExpert: await interpreterShare(expert) };
    expect(share.atTerminal).toBeGreaterThanOrEqual(1 / 3);
    expect(share.atExpert).toBeGreaterThanOrEqual(1 / 3);
    await shot(interpreter, 'meeting-interpreter-2');
    expect(await axeViolations(interpreter)).toEqual([]);
    console.log(JSON.stringify({ suite: 'meeting-interpreter', interpreterFps: { atTerminal, atExpert }, share, sent }));

    // Chat times are Helsinki's, in the UI language's format, on a device in New York too.
    const before = Date.now();
    await expert.getByLabel(tr('fi', 'meeting:chat.label'), { exact: true }).fill('Tulkki, kuuletko?');
    await expert.getByRole('button', { name: tr('fi', 'meeting:chat.send') }).click();
    const line = interpreter.locator('.meeting-chat li').filter({ hasText: 'Tulkki, kuuletko?' });
    await line.waitFor();
    const shown = await line.locator('time').innerText();
    const helsinki = (at: number) => new Intl.DateTimeFormat('fi-FI', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(at);
    expect([helsinki(before), helsinki(Date.now())]).toContain(shown);
    const newYork = new Intl.DateTimeFormat('fi-FI', { hour: 'numeric', minute: '2-digit', timeZone: 'America/New_York' }).format(before);
    expect(shown).not.toBe(newYork);

    // The interpreter leaves with the button: the others are told so, the tile goes, and nobody "reconnects".
    await interpreter.getByRole('button', { name: tr('fi', 'meeting:meeting.leave') }).click();
    await interpreter.getByText(tr('fi', 'meeting:join.youLeft')).waitFor();
    for (const page of [expert, terminal]) {
      await page.getByRole('status').filter({ hasText: 'poistui tapaamisesta' }).waitFor();
      await page.locator('.meeting-remote figure[data-peer-kind="interpreter"]').waitFor({ state: 'detached' });
      expect(await page.getByText('yhteys katkesi, yhdistetään uudelleen').count()).toBe(0);
    }
    // The expert and the kiosk go on with each other.
    await expect.poll(async () => (await remoteColours(expert)).map((c) => c.colour)).toEqual(['blue']);
  }, 300_000);
});
