import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EServer, axeViolations, browserAvailable, startServer } from './harness.js';
import {
  type MeetingWorld,
  bookingNow,
  expectAllFlowing,
  launchParticipant,
  meetingWorld,
  openStaff,
  openTerminal,
  remoteColours,
  staffHeaders,
  terminalToken,
} from './meeting-support.js';
import { tr } from './ui.js';

describe.skipIf(!browserAvailable)('remote meeting: a second agency’s expert invited in', () => {
  let server: E2EServer;
  let world: MeetingWorld;
  let kioskBrowser: Browser;
  let veroBrowser: Browser;
  let kelaBrowser: Browser;
  beforeAll(async () => {
    server = await startServer();
    world = await meetingWorld(server);
    [kioskBrowser, veroBrowser, kelaBrowser] = await Promise.all([
      launchParticipant({ colour: 'blue' }),
      launchParticipant({ colour: 'red' }),
      launchParticipant({ colour: 'green' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([kioskBrowser?.close(), veroBrowser?.close(), kelaBrowser?.close()]);
    await server?.stop();
  });

  it('the Vero expert invites Kela’s expert from the meeting screen; all three see each other, Kela without the customer’s name', async () => {
    const booking = await bookingNow(server, world, { status: 'checked-in' });
    const token = await terminalToken(server, world.roomId);
    const kiosk = await openTerminal(kioskBrowser, server, token);
    const vero = await openStaff(veroBrowser, server, 'asiantuntija@vero.demo', '/expert');
    const opened = await vero.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(vero) });
    const meetingId = ((await opened.json()) as { id: string }).id;
    await vero.goto(`/expert/meetings/${meetingId}`);
    await vero.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).click();
    await expectAllFlowing([kiosk, vero], 1);

    // Invite from the meeting screen; the list then marks her as invited.
    await vero.getByRole('button', { name: tr('fi', 'meeting:invite.start') }).click();
    const select = vero.getByLabel(tr('fi', 'meeting:invite.expert'), { exact: true });
    await expect.poll(() => select.locator('option', { hasText: 'Kaisa Mäkelä' }).count()).toBe(1);
    expect(await select.locator('option', { hasText: 'Veera Salo' }).count()).toBe(0);
    await select.selectOption({ label: 'Kaisa Mäkelä' });
    await vero.getByRole('button', { name: tr('fi', 'meeting:invite.submit'), exact: true }).click();
    await vero.getByText(tr('fi', 'meeting:invite.done')).waitFor();
    await expect
      .poll(() => select.locator('option', { hasText: tr('fi', 'meeting:invite.already').replace('{{name}}', 'Kaisa Mäkelä') }).isDisabled())
      .toBe(true);

    // Kela's expert finds it among today's meetings, marked as an invitation, and joins.
    const kela = await openStaff(kelaBrowser, server, 'asiantuntija@kela.demo');
    const row = kela.locator(`tr[data-booking="${booking.id}"]`);
    await row.getByText(tr('fi', 'meeting:list.invited').replace('{{agency}}', world.vero.name.fi)).waitFor();
    expect(await row.getByText(tr('fi', 'meeting:list.hiddenCustomer')).count()).toBe(1);
    await row.getByRole('link', { name: tr('fi', 'meeting:list.join') }).click();
    await kela.waitForURL(`**/expert/meetings/${meetingId}`);

    await expectAllFlowing([kiosk, vero, kela], 2);
    await expect.poll(async () => (await remoteColours(kela)).map((c) => c.colour).sort()).toEqual(['blue', 'red']);
    await expect.poll(async () => (await remoteColours(kiosk)).map((c) => c.colour).sort()).toEqual(['green', 'red']);
    expect(await kela.getByText('Maija Meikäläinen').count()).toBe(0);
    // The invited expert takes part but does not run the meeting.
    expect(await kela.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).count()).toBe(0);
    expect(await kela.getByRole('heading', { name: tr('fi', 'meeting:invite.heading') }).count()).toBe(0);
    expect(await axeViolations(kela)).toEqual([]);
  });
});
