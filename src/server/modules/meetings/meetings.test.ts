import { createHmac } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { assistanceWorld, bookingNow, pairTerminal } from '../../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { bigSdp, ofType, signalSocket } from '../../../../test/helpers/meetings.js';
import type { TestSocket } from '../../../../test/helpers/sockets.js';
import { auditEvents, bookings, meetingFeedback, rooms } from '../../db/schema/index.js';

describe.each(testDatabaseKinds)('remote meetings on %s', (kind) => {
  let t: TestApp;
  const open: TestSocket[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind, {
      config: { loginRatePerMinute: 1000, turnUrls: ['turn:127.0.0.1:3478?transport=udp'], turnSecret: 'coturn-shared-secret', turnTtlSeconds: 600 },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });
  const track = async (s: Promise<TestSocket>) => {
    const socket = await s;
    open.push(socket);
    return socket;
  };

  async function world() {
    const w = await assistanceWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const terminal = await pairTerminal(t.app, admin, w.room.id);
    const expert = await signIn(t.app, w.expert.email);
    return { w, admin, terminal, expert };
  }

  it('runs check-in at the kiosk → open → admit → relayed signalling and chat → end → unlinked feedback', async () => {
    const { w, terminal, expert } = await world();
    const booking = await bookingNow(t.ctx.db, w, 'booked');

    expect((await terminal.as('POST', '/api/terminal/check-in', { reference: 'NOPE99' })).statusCode).toBe(404);
    const checkedIn = await terminal.as('POST', '/api/terminal/check-in', { reference: booking.reference.toLowerCase() });
    expect(checkedIn.statusCode).toBe(200);
    expect(checkedIn.json()).toMatchObject({ booking: { id: booking.id, agency: { id: w.agency.id }, interpreting: false }, meeting: null, feedbackFor: null });
    expect(checkedIn.body).not.toContain('Meikäläinen');

    const opened = await expert.post(`/api/bookings/${booking.id}/meeting`);
    expect(opened.statusCode).toBe(200);
    const meeting = opened.json();
    expect(meeting).toMatchObject({ bookingId: booking.id, status: 'open', admittedAt: null, booking: { customerName: 'Maija Meikäläinen' } });
    expect((await expert.post(`/api/bookings/${booking.id}/meeting`)).json().id).toBe(meeting.id); // idempotent
    expect((await terminal.as('GET', '/api/terminal/session')).json().meeting).toEqual({ id: meeting.id, status: 'open', admitted: false });

    const kiosk = await track(signalSocket(t.app, meeting.id, { terminalToken: terminal.token }));
    const kioskWelcome = await kiosk.next(ofType('welcome'));
    expect(kioskWelcome.self).toMatchObject({ kind: 'terminal', admitted: false });
    // The expert's list and the meeting show the customer waiting in the lobby.
    const listed = (await expert.get('/api/meetings')).json().meetings as { bookingId: string; customerOnline: boolean; status: string }[];
    expect(listed.find((m) => m.bookingId === booking.id)).toMatchObject({ status: 'open', customerOnline: true });
    expect((await expert.get(`/api/meetings/${meeting.id}`)).json().participants).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'terminal', online: true, admittedAt: null })]),
    );
    const host = await track(signalSocket(t.app, meeting.id, { cookie: expert.cookie }));
    const hostWelcome = await host.next(ofType('welcome'));
    expect(hostWelcome.self).toMatchObject({ kind: 'expert', admitted: true, name: 'Veera Salo' });
    // TURN credentials in coturn's shared-secret scheme, short-lived.
    const [turn] = hostWelcome.iceServers as { urls: string[]; username: string; credential: string }[];
    expect(turn!.urls).toEqual(['turn:127.0.0.1:3478?transport=udp']);
    const [expiry, subject] = turn!.username.split(':');
    expect(Number(expiry) - Date.now() / 1000).toBeGreaterThan(590);
    expect(Number(expiry) - Date.now() / 1000).toBeLessThan(610);
    expect(subject).toBe((hostWelcome.self as { participantId: string }).participantId);
    expect(turn!.credential).toBe(createHmac('sha1', 'coturn-shared-secret').update(turn!.username).digest('base64'));

    // In the lobby the kiosk can neither signal nor hear anything.
    const hostId = (hostWelcome.self as { participantId: string }).participantId;
    kiosk.send({ type: 'signal', to: hostId, data: { hello: true } });
    expect((await kiosk.next(ofType('error'))).code).toBe('meeting.not_admitted');

    const admitted = await expert.post(`/api/meetings/${meeting.id}/admit`);
    expect(admitted.statusCode).toBe(200);
    expect(admitted.json().admittedAt).toEqual(expect.any(String));
    await kiosk.next(ofType('admitted'));
    // The newcomer learns who is already in (they call it); the host hears that the kiosk came online.
    expect(await kiosk.next(ofType('peer'))).toMatchObject({ state: 'here', peer: { kind: 'expert', name: 'Veera Salo' } });
    const online = await host.next(ofType('peer'));
    expect(online).toMatchObject({ state: 'online', peer: { kind: 'terminal' } });
    const kioskId = (kioskWelcome.self as { participantId: string }).participantId;
    expect((await t.ctx.db.select().from(bookings).where(eq(bookings.id, booking.id)))[0]!.status).toBe('in-meeting');

    // Offer (a realistic 10+ kB one), answer and candidates are relayed with the sender's identity.
    const offer = bigSdp('offer');
    host.send({ type: 'signal', to: kioskId, data: { description: offer } });
    const relayed = await kiosk.next(ofType('signal'));
    expect(relayed).toEqual({ type: 'signal', from: { participantId: hostId, connectionId: (hostWelcome.self as { connectionId: string }).connectionId }, data: { description: offer } });
    kiosk.send({ type: 'signal', to: hostId, data: { candidate: { candidate: 'candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 } } });
    expect(((await host.next(ofType('signal'))).data as { candidate: object }).candidate).toMatchObject({ sdpMid: '0' });
    host.send({ type: 'signal', to: '00000000-0000-4000-8000-000000000000', data: { hello: true } });
    expect((await host.next(ofType('error'))).code).toBe('signal.unknown_peer');
    host.send({ type: 'chat', text: 'Hei, näettekö minut?' });
    for (const s of [host, kiosk]) expect(await s.next(ofType('chat'))).toMatchObject({ text: 'Hei, näettekö minut?', from: { participantId: hostId, kind: 'expert' } });

    // The expert asks the kiosk for a document-camera still; only the kiosk hears it, only the kiosk reports.
    host.send({ type: 'capture-request' });
    expect(await kiosk.next(ofType('capture-request'))).toMatchObject({ from: { participantId: hostId, name: 'Veera Salo' } });
    kiosk.send({ type: 'capture-request' });
    expect((await kiosk.next(ofType('error'))).code).toBe('meeting.not_host');
    kiosk.send({ type: 'capture-result', ok: true });
    expect(await host.next(ofType('capture-result'))).toMatchObject({ ok: true, from: { participantId: kioskId } });
    expect(host.received.filter((m) => m.type === 'capture-request')).toEqual([]);

    // The kiosk reloads: the host sees it go and come back with a new connection, without a new admit.
    kiosk.close();
    expect(await host.next(ofType('peer'))).toMatchObject({ state: 'offline', peer: { participantId: kioskId } });
    const kiosk2 = await track(signalSocket(t.app, meeting.id, { terminalToken: terminal.token }));
    expect((await kiosk2.next(ofType('welcome'))).self).toMatchObject({ participantId: kioskId, admitted: true });
    expect(await kiosk2.next(ofType('peer'))).toMatchObject({ state: 'here', peer: { participantId: hostId } });
    const back = await host.next(ofType('peer'));
    expect(back).toMatchObject({ state: 'online', peer: { participantId: kioskId } });
    expect((back.peer as { connectionId: string }).connectionId).not.toBe((kioskWelcome.self as { connectionId: string }).connectionId);

    const ended = await expert.post(`/api/meetings/${meeting.id}/end`, { outcome: 'completed' });
    expect(ended.statusCode).toBe(200);
    for (const s of [host, kiosk2]) {
      expect(await s.next(ofType('ended'))).toEqual({ type: 'ended', outcome: 'completed' });
      expect((await s.closed()).code).toBe(4000);
    }
    expect((await t.ctx.db.select().from(bookings).where(eq(bookings.id, booking.id)))[0]!.status).toBe('completed');
    expect((await expert.post(`/api/meetings/${meeting.id}/admit`)).json().code).toBe('meeting.ended');

    const session = (await terminal.as('GET', '/api/terminal/session')).json();
    expect(session).toEqual({ booking: null, meeting: null, feedbackFor: meeting.id });
    expect((await terminal.as('POST', '/api/terminal/feedback', { meetingId: meeting.id, score: 7 })).statusCode).toBe(422);
    expect((await terminal.as('POST', '/api/terminal/feedback', { meetingId: meeting.id, score: 5 })).statusCode).toBe(204);
    expect((await terminal.as('POST', '/api/terminal/feedback', { meetingId: meeting.id, score: 1 })).statusCode).toBe(409);
    expect((await terminal.as('GET', '/api/terminal/session')).json().feedbackFor).toBeNull();
    const feedback = await t.ctx.db.select().from(meetingFeedback).where(eq(meetingFeedback.agencyId, w.agency.id));
    expect(feedback).toEqual([{ id: expect.any(String), agencyId: w.agency.id, servicePointId: w.point.id, givenOn: expect.any(String), score: 5 }]);

    const actions = (await t.ctx.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, meeting.id)).orderBy(asc(auditEvents.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['meeting.opened', 'meeting.admitted', 'meeting.ended', 'meeting.feedback_given', 'meeting.read']));
  });

  it('keeps everyone else out: another room’s kiosk, another agency’s expert, an advisor, the anonymous', async () => {
    const { w, admin, expert } = await world();
    const booking = await bookingNow(t.ctx.db, w, 'checked-in');
    const meeting = (await expert.post(`/api/bookings/${booking.id}/meeting`)).json();
    const [otherRoom] = await t.ctx.db.insert(rooms).values({ servicePointId: w.point.id, name: { fi: 'Toinen', sv: 'Andra', en: 'Other' } }).returning();
    const otherKiosk = await pairTerminal(t.app, admin, otherRoom!.id);
    const otherExpert = await signIn(t.app, w.otherExpert.email);
    const advisor = await signIn(t.app, w.advisor.email);

    for (const s of [
      await track(signalSocket(t.app, meeting.id, { terminalToken: otherKiosk.token })),
      await track(signalSocket(t.app, meeting.id, { cookie: otherExpert.cookie })),
      await track(signalSocket(t.app, meeting.id, { cookie: advisor.cookie })),
    ]) {
      expect((await s.closed()).code).toBe(4403);
      expect(s.received.filter((m) => m.type === 'welcome')).toEqual([]);
    }
    const anonymous = await track(signalSocket(t.app, meeting.id, {}));
    expect((await anonymous.closed()).code).toBe(4401);
    const forged = await track(signalSocket(t.app, meeting.id, { guestToken: 'not-a-real-token' }));
    expect((await forged.closed()).code).toBe(4401);

    expect((await otherExpert.get(`/api/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await otherKiosk.as('GET', `/api/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await otherKiosk.as('GET', '/api/terminal/session')).json().meeting).toBeNull();
    expect((await otherKiosk.as('POST', '/api/terminal/check-in', { reference: booking.reference })).statusCode).toBe(404);
    expect((await otherExpert.post(`/api/bookings/${booking.id}/meeting`)).statusCode).toBe(404);
    expect((await advisor.post(`/api/bookings/${booking.id}/meeting`)).statusCode).toBe(403);
    expect((await otherExpert.post(`/api/meetings/${meeting.id}/admit`)).statusCode).toBe(404);

    // Invited into a joint meeting, the other agency's expert joins (but does not see the customer's name).
    const invitable = (await expert.get(`/api/meetings/invitable-experts?meetingId=${meeting.id}`)).json().experts as { id: string }[];
    expect(invitable.map((e) => e.id)).toContain(w.otherExpert.id);
    expect(invitable.map((e) => e.id)).not.toContain(w.expert.id);
    expect((await expert.post(`/api/meetings/${meeting.id}/invitations`, { userId: w.advisor.id })).statusCode).toBe(422);
    expect((await expert.post(`/api/meetings/${meeting.id}/invitations`, { userId: w.otherExpert.id })).statusCode).toBe(200);
    const guestView = await otherExpert.get(`/api/meetings/${meeting.id}`);
    expect(guestView.statusCode).toBe(200);
    expect(guestView.json().booking.customerName).toBeNull();
    expect((await otherExpert.get('/api/meetings')).json().meetings).toEqual([expect.objectContaining({ id: meeting.id, invited: true, customerName: null })]);
    const joined = await track(signalSocket(t.app, meeting.id, { cookie: otherExpert.cookie }));
    expect((await joined.next(ofType('welcome'))).self).toMatchObject({ kind: 'guest-expert', admitted: true });
    expect((await otherExpert.post(`/api/meetings/${meeting.id}/end`, { outcome: 'completed' })).statusCode).toBe(403);
  });

  it('lets the interpreter in with link and PIN only inside the window; wrong PINs lock the link', async () => {
    const { w, expert } = await world();
    const booking = await bookingNow(t.ctx.db, w, 'checked-in');
    const meeting = (await expert.post(`/api/bookings/${booking.id}/meeting`)).json();
    const link = (await expert.post(`/api/meetings/${meeting.id}/interpreter-link`)).json();
    expect(link.pin).toMatch(/^\d{6}$/);
    expect(link.url).toMatch(new RegExp(`/join/${link.code}$`));
    const info = await t.app.inject({ method: 'GET', url: `/api/join/${link.code}` });
    expect(info.json()).toMatchObject({ status: 'open', agency: expect.any(Object) });
    expect(info.body).not.toContain('Meikäläinen');

    const join = (pin: string, code = link.code) => t.app.inject({ method: 'POST', url: `/api/join/${code}`, payload: { pin } });
    const wrong = link.pin === '000000' ? '111111' : '000000';
    expect((await join(wrong)).json().code).toBe('meeting.pin_wrong');
    const ok = await join(link.pin);
    expect(ok.statusCode).toBe(200);
    const { guestToken } = ok.json();
    const interpreter = await track(signalSocket(t.app, meeting.id, { guestToken }));
    expect((await interpreter.next(ofType('welcome'))).self).toMatchObject({ kind: 'interpreter', admitted: true });
    // The guest token opens this meeting only.
    const elsewhere = await world();
    const other = await bookingNow(t.ctx.db, elsewhere.w, 'checked-in');
    const otherMeeting = (await elsewhere.expert.post(`/api/bookings/${other.id}/meeting`)).json();
    expect((await (await track(signalSocket(t.app, otherMeeting.id, { guestToken }))).closed()).code).toBe(4403);

    // A new link replaces the old one: the old PIN and token stop working; five wrong PINs lock the new link.
    const link2 = (await expert.post(`/api/meetings/${meeting.id}/interpreter-link`)).json();
    expect((await join(link.pin)).statusCode).toBe(404);
    expect((await (await track(signalSocket(t.app, meeting.id, { guestToken }))).closed()).code).toBe(4401);
    const wrong2 = link2.pin === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) expect((await join(wrong2, link2.code)).statusCode).toBe(401);
    expect((await join(wrong2, link2.code)).statusCode).toBe(423);
    expect((await join(link2.pin, link2.code)).statusCode).toBe(423);

    // After the window, even the right PIN of a fresh link is refused, and an issued token stops working.
    const link3 = (await expert.post(`/api/meetings/${meeting.id}/interpreter-link`)).json();
    const token3 = (await join(link3.pin, link3.code)).json().guestToken as string;
    await t.ctx.db.update(bookings).set({ startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 2 * 3600_000) }).where(eq(bookings.id, booking.id));
    const late = await join(link3.pin, link3.code);
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('meeting.link_expired');
    expect((await t.app.inject({ method: 'GET', url: `/api/join/${link3.code}` })).json().status).toBe('expired');
    expect((await (await track(signalSocket(t.app, meeting.id, { guestToken: token3 }))).closed()).code).toBe(4401);
  });

  it('lets a meeting the expert forgot to end go from the kiosk an hour after the booking', async () => {
    const { w, terminal, expert } = await world();
    const booking = await bookingNow(t.ctx.db, w, 'checked-in');
    const meeting = (await expert.post(`/api/bookings/${booking.id}/meeting`)).json();
    expect((await terminal.as('GET', '/api/terminal/session')).json().meeting).toMatchObject({ id: meeting.id });
    await t.ctx.db.update(bookings).set({ startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 2 * 3600_000) }).where(eq(bookings.id, booking.id));
    expect((await terminal.as('GET', '/api/terminal/session')).json()).toEqual({ booking: null, meeting: null, feedbackFor: null });
    // The next customer checks in as usual.
    const next = await bookingNow(t.ctx.db, w, 'booked');
    expect((await terminal.as('POST', '/api/terminal/check-in', { reference: next.reference })).json().booking.id).toBe(next.id);
  });

  it('extends only into free calendar time', async () => {
    const { w, expert } = await world();
    const booking = await bookingNow(t.ctx.db, w, 'checked-in');
    const meeting = (await expert.post(`/api/bookings/${booking.id}/meeting`)).json();
    const extended = await expert.post(`/api/meetings/${meeting.id}/extend`, { minutes: 10 });
    expect(extended.statusCode).toBe(200);
    expect(new Date(extended.json().booking.endsAt).getTime()).toBe(booking.endsAt.getTime() + 10 * 60_000);
    // The next customer is booked in the room right after: no further extension.
    await bookingNow(t.ctx.db, w, 'booked', 40);
    const refused = await expert.post(`/api/meetings/${meeting.id}/extend`, { minutes: 15 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toMatch(/^meeting\.extend_(room|expert)_taken$/);
    expect((await expert.post(`/api/meetings/${meeting.id}/extend`, { minutes: 2 })).statusCode).toBe(422);
    // However often extended, a meeting ends within eight hours.
    await t.ctx.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.roomId, w.room.id));
    await t.ctx.db.update(bookings).set({ status: 'in-meeting', endsAt: new Date(booking.startsAt.getTime() + 7.5 * 3600_000) }).where(eq(bookings.id, booking.id));
    const tooLong = await expert.post(`/api/meetings/${meeting.id}/extend`, { minutes: 60 });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().code).toBe('meeting.too_long');
  });
});
