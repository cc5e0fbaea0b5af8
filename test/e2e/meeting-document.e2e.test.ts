import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EServer, browserAvailable, startServer } from './harness.js';
import {
  type MeetingWorld,
  bookingNow,
  expectMediaFlowing,
  launchParticipant,
  meetingWorld,
  openStaff,
  openTerminal,
  staffHeaders,
  stats,
  terminalToken,
  videoIn,
} from './meeting-support.js';
import { tr } from './ui.js';

describe.skipIf(!browserAvailable)('remote meeting: the document camera', () => {
  let server: E2EServer;
  let world: MeetingWorld;
  let terminalBrowser: Browser;
  let expertBrowser: Browser;
  beforeAll(async () => {
    server = await startServer();
    world = await meetingWorld(server);
    // The kiosk has two cameras (Chromium's fake_device_0 and fake_device_1): the face camera and the document camera.
    [terminalBrowser, expertBrowser] = await Promise.all([launchParticipant({ twoCameras: true }), launchParticipant({ colour: 'red' })]);
  });
  afterAll(async () => {
    await Promise.all([terminalBrowser?.close(), expertBrowser?.close()]);
    await server?.stop();
  });

  it('arrives at the expert as a second, detailed video track shown as the document view, which can be enlarged', async () => {
    const booking = await bookingNow(server, world);
    const token = await terminalToken(server, world.roomId);
    const checkIn = await fetch(`${server.url}/api/terminal/check-in`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reference: booking.reference }),
    });
    expect(checkIn.status).toBe(200);
    const terminal = await openTerminal(terminalBrowser, server, token);

    // The device check shows both cameras, each its own device.
    await terminal.getByRole('heading', { name: tr('fi', 'terminal:devices.heading') }).waitFor();
    const previews = terminal.locator('.terminal-device video');
    await expect.poll(() => previews.count()).toBe(2);
    await expect.poll(() => previews.nth(1).evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    const labels = await terminal.evaluate(() =>
      [...document.querySelectorAll('.terminal-device video')].map((v) => ((v as HTMLVideoElement).srcObject as MediaStream).getVideoTracks()[0]!.label),
    );
    expect(new Set(labels).size).toBe(2);

    const expert = await openStaff(expertBrowser, server, 'asiantuntija@vero.demo', '/expert');
    const opened = await expert.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(expert) });
    expect(opened.status()).toBeLessThan(300);
    const meetingId = ((await opened.json()) as { id: string }).id;
    await expert.goto(`/expert/meetings/${meetingId}`);
    await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).click();

    await Promise.all([expectMediaFlowing(terminal, 1), expectMediaFlowing(expert, 1)]);
    // Two video tracks from the kiosk, one of them named the document camera by the `media` signal, both decoding.
    await expect
      .poll(async () => {
        const [fromKiosk] = await stats(expert);
        return fromKiosk ? videoIn(fromKiosk).map((v) => `${v.role}:${(v.framesDecoded ?? 0) > 5}`).sort() : [];
      }, { timeout: 20_000, interval: 250 })
      .toEqual(['camera:true', 'document:true'])
      .catch(async (error: Error) => {
        const senderInfo = await terminal.evaluate(() =>
          window.__etapisteMeeting!.peers()[0]!.pc.getTransceivers().map((t) => ({ mid: t.mid, dir: t.direction, cur: t.currentDirection, track: t.sender.track && { kind: t.sender.track.kind, label: t.sender.track.label, state: t.sender.track.readyState, muted: t.sender.track.muted, enabled: t.sender.track.enabled, settings: t.sender.track.getSettings() }, enc: t.sender.getParameters().encodings })),
        );
        throw new Error(`${error.message}\nsenders: ${JSON.stringify(senderInfo)}`);
      });
    const senders = await terminal.evaluate(() =>
      window.__etapisteMeeting!.peers()[0]!.pc.getSenders().map((s) => s.track && `${s.track.kind}:${s.track.contentHint}`),
    );
    expect(senders.sort()).toEqual(['audio:', 'video:', 'video:detail']);

    // Shown as the document view, which enlarges to the window and closes with Esc.
    const documentTile = expert.locator('.meeting-remote figure[data-role="document"]');
    await expect.poll(() => documentTile.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    expect(await documentTile.getByText(tr('fi', 'meeting:tile.document')).isVisible()).toBe(true);
    const small = (await documentTile.boundingBox())!;
    await documentTile.getByRole('button', { name: tr('fi', 'meeting:tile.enlarge') }).click();
    const dialog = expert.getByRole('dialog', { name: tr('fi', 'meeting:tile.documentEnlarged') });
    await dialog.waitFor();
    const big = (await dialog.locator('figure').boundingBox())!;
    expect(big.width * big.height).toBeGreaterThan(2 * small.width * small.height);
    await expect.poll(() => dialog.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await expert.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The expert asks for a still of the document: the kiosk photographs it and it lands in the agency's inbox.
    await expert.getByRole('button', { name: tr('fi', 'meeting:capture.request') }).click();
    await terminal.getByText(tr('fi', 'terminal:meeting.capture.sent')).waitFor({ timeout: 15_000 });
    await expert.getByRole('link', { name: tr('fi', 'meeting:capture.inbox') }).waitFor();
    const inbox = await expert.request.get(`/api/documents?agencyId=${world.vero.id}&bookingId=${booking.id}`, { headers: staffHeaders(expert) });
    expect(inbox.status(), await inbox.text()).toBe(200);
    const handovers = ((await inbox.json()) as { handovers: { bookingId: string; source: string; fileCount: number; pages?: { contentType?: string }[] }[] }).handovers;
    const fromKiosk = handovers.filter((h) => h.bookingId === booking.id);
    expect(fromKiosk).toEqual([expect.objectContaining({ source: 'terminal', fileCount: 1 })]);
  });
});
