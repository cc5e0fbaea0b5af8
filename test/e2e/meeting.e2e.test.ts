import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingFeedback, meetings } from '../../src/server/db/schema/index.js';
import { type E2EServer, axeViolations, browserAvailable, shot, startServer } from './harness.js';
import { type MeetingWorld, bookingNow, expectAllFlowing, launchParticipant, meetingWorld, openStaff, openTerminal, remoteColours, terminalToken } from './meeting-support.js';
import { tr } from './ui.js';

/** Touch targets on the kiosk: every button at least 44 × 44 CSS pixels. */
async function smallButtons(page: Page): Promise<string[]> {
  const small: string[] = [];
  for (const b of await page.locator('button:visible').all()) {
    const box = await b.boundingBox();
    if (box && (box.width < 44 || box.height < 44)) small.push(`${await b.innerText()}: ${box.width}×${box.height}`);
  }
  return small;
}

describe.skipIf(!browserAvailable)('remote meeting: the customer at the terminal and the expert', () => {
  let server: E2EServer;
  let world: MeetingWorld;
  let terminalBrowser: Browser;
  let expertBrowser: Browser;
  beforeAll(async () => {
    server = await startServer();
    world = await meetingWorld(server);
    // The terminal's camera shows blue, the expert's red.
    [terminalBrowser, expertBrowser] = await Promise.all([launchParticipant({ colour: 'blue' }), launchParticipant({ colour: 'red' })]);
  });
  afterAll(async () => {
    await Promise.all([terminalBrowser?.close(), expertBrowser?.close()]);
    await server?.stop();
  });

  it('checks in, is admitted, both see and hear each other, chat, end, feedback, and the kiosk forgets the customer', async () => {
    const booking = await bookingNow(server, world);
    const token = await terminalToken(server, world.roomId);
    const terminal = await openTerminal(terminalBrowser, server, token);

    // Idle → check in with the reference on the on-screen keys.
    await terminal.getByRole('heading', { level: 1, name: 'Porvoo-info' }).waitFor();
    expect(await axeViolations(terminal)).toEqual([]);
    await terminal.getByRole('button', { name: tr('fi', 'terminal:idle.checkIn') }).click();
    const keys = terminal.getByRole('group', { name: tr('fi', 'terminal:checkIn.keypad') });
    for (const ch of booking.reference) await keys.getByRole('button', { name: ch, exact: true }).click();
    expect(await terminal.getByLabel(tr('fi', 'terminal:checkIn.reference')).inputValue()).toBe(booking.reference);
    expect(await smallButtons(terminal)).toEqual([]);
    await terminal.getByRole('button', { name: tr('fi', 'terminal:checkIn.submit'), exact: true }).click();

    // Waiting: agency and time, "the expert will let you in", the device check.
    await terminal.getByRole('heading', { level: 1, name: tr('fi', 'terminal:waiting.heading') }).waitFor();
    await terminal.getByText(world.vero.name.fi).waitFor();
    await terminal.getByText(tr('fi', 'terminal:waiting.letIn')).waitFor();
    await terminal.locator('.terminal-device video').first().waitFor();
    await expect.poll(() => terminal.locator('.terminal-device video').first().evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    expect(await axeViolations(terminal)).toEqual([]);
    expect(await smallButtons(terminal)).toEqual([]);
    await shot(terminal, 'terminal-waiting');

    // The expert sees the customer checked in, live, and opens the meeting.
    const expert = await openStaff(expertBrowser, server, 'asiantuntija@vero.demo');
    const row = expert.locator(`tr[data-booking="${booking.id}"]`);
    await row.getByText(tr('fi', 'meeting:list.statuses.checked-in')).waitFor();
    await row.getByRole('button', { name: tr('fi', 'meeting:list.open') }).click();
    await expert.waitForURL(/\/expert\/meetings\/[0-9a-f-]{36}$/);
    const meetingId = expert.url().split('/').pop()!;

    // The kiosk connects and waits in the lobby; the expert lets the customer in.
    await terminal.locator('.terminal-status[data-phase="lobby"]').waitFor();
    await expert.getByText(tr('fi', 'meeting:meeting.customerWaiting')).waitFor();
    await shot(expert, 'expert-lobby');
    const admitted = Date.now();
    await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).click();

    // Both decode the other's video and receive audio, and it keeps coming.
    await terminal.getByRole('heading', { name: tr('fi', 'terminal:meeting.heading') }).waitFor();
    await expectAllFlowing([terminal, expert], 1);
    const joinSeconds = (Date.now() - admitted) / 1000;
    expect(joinSeconds).toBeLessThan(20);

    // … and shows the right picture: the customer sees the expert's red, the expert the customer's blue.
    await expect.poll(async () => (await remoteColours(terminal)).map((c) => c.colour)).toEqual(['red']);
    await expect.poll(async () => (await remoteColours(expert)).map((c) => c.colour)).toEqual(['blue']);
    expect(await axeViolations(terminal)).toEqual([]);
    expect(await smallButtons(terminal)).toEqual([]);
    expect(await axeViolations(expert)).toEqual([]);

    // Chat both ways; the kiosk shows it in large type.
    await expert.getByRole('textbox', { name: tr('fi', 'meeting:chat.label'), exact: true }).fill('Hei, näytättekö henkilöllisyystodistuksen?');
    await expert.getByRole('button', { name: tr('fi', 'meeting:chat.send') }).click();
    const line = terminal.locator('.meeting-chat-text', { hasText: 'näytättekö' });
    await line.waitFor();
    expect(parseFloat(await line.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
    await terminal.getByRole('textbox', { name: tr('fi', 'meeting:chat.label'), exact: true }).fill('Kyllä');
    await terminal.getByRole('button', { name: tr('fi', 'meeting:chat.send') }).click();
    await expert.locator('.meeting-chat-text', { hasText: 'Kyllä' }).waitFor();
    await shot(terminal, 'terminal-meeting');
    await shot(expert, 'expert-meeting');

    // Mute: the toggle says so.
    const mute = expert.getByRole('button', { name: tr('fi', 'meeting:controls.mute') });
    await mute.click();
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    await mute.click();

    // The expert ends the meeting with an outcome; the kiosk asks one question.
    await expert.getByRole('button', { name: tr('fi', 'meeting:end.start') }).click();
    await expert.getByRole('button', { name: tr('fi', 'meeting:end.submit') }).click();
    await expert.getByText(tr('fi', 'meeting:end.chooseOutcome')).waitFor();
    await expert.getByLabel(tr('fi', 'meeting:outcome.completed')).check();
    await expert.getByRole('button', { name: tr('fi', 'meeting:end.submit') }).click();
    await expert.getByText(tr('fi', 'meeting:meeting.endedNotice').split(':')[0]!).waitFor();

    await terminal.getByRole('heading', { name: tr('fi', 'terminal:feedback.question') }).waitFor();
    await shot(terminal, 'terminal-feedback');
    expect(await axeViolations(terminal)).toEqual([]);
    expect(await smallButtons(terminal)).toEqual([]);
    // Media stopped: no camera runs at the kiosk after the meeting.
    await expect.poll(() => terminal.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
    await terminal.getByRole('button', { name: tr('fi', 'terminal:feedback.score4'), exact: true }).click();
    await terminal.getByRole('heading', { name: tr('fi', 'terminal:feedback.thanks') }).waitFor();
    await terminal.getByRole('button', { name: tr('fi', 'terminal:feedback.done') }).click();
    await terminal.getByRole('heading', { level: 1, name: 'Porvoo-info' }).waitFor();
    expect(await terminal.getByText(booking.reference).count()).toBe(0);

    const [row2] = await server.database.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row2).toMatchObject({ status: 'ended', outcome: 'completed', feedbackGiven: true });
    const feedback = await server.database.db.select().from(meetingFeedback);
    expect(feedback.map((f) => f.score)).toEqual([4]);
    expect(Object.keys(feedback[0]!).sort()).toEqual(['agencyId', 'givenOn', 'id', 'score', 'servicePointId']);
    console.log(JSON.stringify({ suite: 'meeting', admitToMediaBothSidesSeconds: joinSeconds }));
  });
});
