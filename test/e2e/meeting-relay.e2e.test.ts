import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../../src/server/db/schema/index.js';
import { type E2EServer, browserAvailable, startServer } from './harness.js';
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
  stats,
  terminalToken,
} from './meeting-support.js';
import { type Turn, startTurn, turnAvailable } from './turn.js';
import { tr } from './ui.js';

const pairs = async (page: Page) => (await stats(page)).map((s) => s.selectedPair && `${s.selectedPair.local}/${s.selectedPair.remote}`);

describe.skipIf(!browserAvailable || !turnAvailable)('remote meeting through coturn only: relay, outage and reload', () => {
  let server: E2EServer;
  let turn: Turn;
  let world: MeetingWorld;
  let terminalBrowser: Browser;
  let expertBrowser: Browser;
  beforeAll(async () => {
    turn = await startTurn();
    // Every media path must go through the TURN server (ICE_TRANSPORT_POLICY=relay), with short-lived credentials.
    server = await startServer({ turnUrls: [turn.url], turnSecret: turn.secret, stunUrls: [], iceTransportPolicy: 'relay' });
    world = await meetingWorld(server);
    [terminalBrowser, expertBrowser] = await Promise.all([launchParticipant({ colour: 'blue' }), launchParticipant({ colour: 'red' })]);
  });
  afterAll(async () => {
    await Promise.all([terminalBrowser?.close(), expertBrowser?.close()]);
    await server?.stop();
    await turn?.stop();
  });

  it('relays every path, survives a relay outage and a reload of either side without a new admit', async () => {
    const booking = await bookingNow(server, world);
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

    // Relay only: the selected pair is relay ⇄ relay on both sides, and media flows through it.
    await expectAllFlowing([terminal, expert], 1);
    expect(await pairs(terminal)).toEqual(['relay/relay']);
    expect(await pairs(expert)).toEqual(['relay/relay']);
    const [admittedAt] = (await server.database.db.select({ at: meetings.admittedAt }).from(meetings).where(eq(meetings.id, meetingId))).map((r) => r.at);

    // The relay freezes (a network outage): both sides say they are reconnecting; after it thaws, media flows again.
    turn.pause();
    try {
      await expert.getByText(new RegExp(tr('fi', 'meeting:peer.reconnecting').replace('{{name}}', '.*').replace('…', '…?'))).first().waitFor({ timeout: 20_000 });
      await terminal.locator('.meeting-tile-overlay[role="status"]').first().waitFor({ timeout: 20_000 });
      // The outage lasts until the clients have tried an ICE restart that cannot succeed yet.
      const restartsSoFar = async () => (await stats(expert))[0]!.iceRestarts + (await stats(terminal))[0]!.iceRestarts;
      await expect.poll(restartsSoFar, { timeout: 20_000, interval: 250 }).toBeGreaterThan(0);
    } finally {
      turn.resume();
    }
    await expectAllFlowing([terminal, expert], 1, 45_000);
    expect(await pairs(expert)).toEqual(['relay/relay']);
    await expect.poll(async () => (await remoteColours(expert)).map((c) => c.colour)).toEqual(['blue']);
    const restarts = (await stats(expert))[0]!.iceRestarts + (await stats(terminal))[0]!.iceRestarts;

    // The kiosk reloads: it comes back into the meeting by itself (admission is a row), no new admit.
    await terminal.reload();
    await terminal.getByRole('heading', { name: tr('fi', 'terminal:meeting.heading') }).waitFor();
    await expectAllFlowing([terminal, expert], 1);
    await expect.poll(async () => (await remoteColours(terminal)).map((c) => c.colour)).toEqual(['red']);

    // The expert reloads too.
    await expert.reload();
    await expectAllFlowing([terminal, expert], 1);
    await expect.poll(async () => (await remoteColours(expert)).map((c) => c.colour)).toEqual(['blue']);
    expect(await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).count()).toBe(0);
    const [after] = (await server.database.db.select({ at: meetings.admittedAt }).from(meetings).where(eq(meetings.id, meetingId))).map((r) => r.at);
    expect(after).toEqual(admittedAt);
    console.log(JSON.stringify({ suite: 'meeting-relay', iceRestartsDuringOutage: restarts }));
  });
});
