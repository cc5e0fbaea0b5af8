import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../../src/server/db/schema/index.js';
import { type E2EServer, axeViolations, browserAvailable, newContext, startServer } from './harness.js';
import { type MeetingWorld, bookingNow, launchParticipant, meetingWorld, openJoin, openStaff, otherRoomTerminal, staffHeaders, terminalToken } from './meeting-support.js';
import { tr } from './ui.js';

/** Opens the meeting's signalling socket from the page (its origin, its cookies) and reports what it was told. */
function trySignal(page: Page, meetingId: string, protocols: string[]): Promise<{ code: number; types: string[] }> {
  return page.evaluate(
    ([id, protos]) =>
      new Promise<{ code: number; types: string[] }>((resolve) => {
        const types: string[] = [];
        const ws = new WebSocket(`ws://${location.host}/api/meetings/${id}/signal`, protos as string[]);
        const timer = setTimeout(() => {
          ws.close();
          resolve({ code: -1, types });
        }, 5_000);
        ws.onmessage = (e) => {
          const m = JSON.parse(String(e.data)) as { type: string };
          types.push(m.type);
          if (m.type === 'welcome') {
            clearTimeout(timer);
            ws.close(1000);
            resolve({ code: 0, types });
          }
        };
        ws.onclose = (e) => {
          clearTimeout(timer);
          resolve({ code: e.code, types });
        };
      }),
    [meetingId, protocols] as const,
  );
}

const SIGNAL = 'etapiste.signal.v1';

describe.skipIf(!browserAvailable)('remote meeting: who may not join', () => {
  let server: E2EServer;
  let world: MeetingWorld;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    world = await meetingWorld(server);
    browser = await launchParticipant({ colour: 'yellow' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("another room's terminal, another agency's expert and strangers can neither join nor read the signalling", async () => {
    const booking = await bookingNow(server, world);
    const token = await terminalToken(server, world.roomId);
    const otherToken = await otherRoomTerminal(server, world.pointId);
    const expert = await openStaff(browser, server, 'asiantuntija@vero.demo', '/expert');
    const opened = await expert.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(expert) });
    const meetingId = ((await opened.json()) as { id: string }).id;
    expect((await expert.request.post(`/api/meetings/${meetingId}/admit`, { headers: staffHeaders(expert), data: {} })).status()).toBe(200);

    const anonymous = await (await newContext(browser, server.url)).newPage();
    await anonymous.goto('/join/none');
    // The room's own kiosk is let in (the control that these checks can fail) …
    expect(await trySignal(anonymous, meetingId, [SIGNAL, `bearer.${token}`])).toEqual({ code: 0, types: ['welcome'] });
    // … another room's kiosk is not, nor an unknown token, nor nobody.
    expect(await trySignal(anonymous, meetingId, [SIGNAL, `bearer.${otherToken}`])).toEqual({ code: 4403, types: [] });
    expect(await trySignal(anonymous, meetingId, [SIGNAL, 'bearer.not-a-token'])).toEqual({ code: 4401, types: [] });
    expect(await trySignal(anonymous, meetingId, [SIGNAL])).toEqual({ code: 4401, types: [] });
    const otherSession = await (await fetch(`${server.url}/api/terminal/session`, { headers: { authorization: `Bearer ${otherToken}` } })).json();
    expect(otherSession).toMatchObject({ booking: null, meeting: null });
    const wrongCheckIn = await fetch(`${server.url}/api/terminal/check-in`, {
      method: 'POST',
      headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reference: booking.reference }),
    });
    expect(wrongCheckIn.status).toBe(404);

    // Another agency's expert: no meeting view, no admit, no socket.
    const dvv = await openStaff(browser, server, 'asiantuntija@dvv.demo', '/expert');
    expect([403, 404]).toContain((await dvv.request.get(`/api/meetings/${meetingId}`)).status());
    expect([403, 404]).toContain((await dvv.request.post(`/api/meetings/${meetingId}/admit`, { headers: staffHeaders(dvv), data: {} })).status());
    expect([403, 404]).toContain((await dvv.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(dvv) })).status());
    expect(await trySignal(dvv, meetingId, [SIGNAL])).toEqual({ code: 4403, types: [] });
    const list = (await (await dvv.request.get(`/api/meetings?day=${new Date().toISOString().slice(0, 10)}`)).json()) as { meetings: { bookingId: string }[] };
    expect(list.meetings.map((m) => m.bookingId)).not.toContain(booking.id);
    await dvv.goto(`/expert/meetings/${meetingId}`);
    await dvv.getByText(tr('fi', 'meeting:meeting.notAvailable')).waitFor();
    // The booking agency's expert is let in.
    expect(await trySignal(expert, meetingId, [SIGNAL])).toEqual({ code: 0, types: ['welcome'] });

    // The interpreter's link: five wrong PINs lock it.
    const link1 = (await (await expert.request.post(`/api/meetings/${meetingId}/interpreter-link`, { headers: staffHeaders(expert) })).json()) as { code: string; pin: string };
    const wrong = link1.pin === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await anonymous.request.post(`/api/join/${link1.code}`, { data: { pin: wrong } })).status());
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect((await anonymous.request.post(`/api/join/${link1.code}`, { data: { pin: link1.pin } })).status()).toBe(423);
    const lockedPage = await openJoin(browser, server, `/join/${link1.code}`);
    await lockedPage.locator('[data-status="locked"]').waitFor();
    expect(await lockedPage.getByLabel(tr('fi', 'meeting:join.pin'), { exact: true }).count()).toBe(0);
    expect(await axeViolations(lockedPage)).toEqual([]);

    // A new link works while the meeting is on …
    const link2 = (await (await expert.request.post(`/api/meetings/${meetingId}/interpreter-link`, { headers: staffHeaders(expert) })).json()) as { code: string; pin: string };
    const joined = await anonymous.request.post(`/api/join/${link2.code}`, { data: { pin: link2.pin } });
    expect(joined.status()).toBe(200);
    const { guestToken } = (await joined.json()) as { guestToken: string };
    expect(await trySignal(anonymous, meetingId, [SIGNAL, `guest.${guestToken}`])).toEqual({ code: 0, types: ['welcome'] });

    // … and not after its time: the PIN no longer opens it, and the token it gave no longer reads the signalling.
    const past = { startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 2.5 * 3600_000) };
    await server.database.db.update(bookings).set(past).where(eq(bookings.id, booking.id));
    const late = await anonymous.request.post(`/api/join/${link2.code}`, { data: { pin: link2.pin } });
    expect(late.status()).toBe(410);
    expect(((await late.json()) as { code: string }).code).toBe('meeting.link_expired');
    // (docs/meetings.md says 4403 for an expired link; the server answers 4401, the token no longer being a credential.)
    const expired = await trySignal(anonymous, meetingId, [SIGNAL, `guest.${guestToken}`]);
    expect(expired.types).toEqual([]);
    expect([4401, 4403]).toContain(expired.code);
    const expiredPage = await openJoin(browser, server, `/join/${link2.code}`);
    await expiredPage.locator('[data-status="expired"]').waitFor();
    expect(await expiredPage.getByText(tr('fi', 'meeting:join.status.expired')).isVisible()).toBe(true);
    expect(await axeViolations(expiredPage)).toEqual([]);
  });
});
