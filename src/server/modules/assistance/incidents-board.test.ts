import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { assistanceWorld, bookingNow, createButton, pairTerminal, signInWorld } from '../../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { isEvent, socketPool } from '../../../../test/helpers/sockets.js';
import { auditEvents, bookings, incidents, terminalHeartbeats } from '../../db/schema/index.js';
import { sweepAssistance } from './sweep.js';

describe.each(testDatabaseKinds)('incidents and the status board on %s', (kind) => {
  let t: TestApp;
  const sockets = socketPool(() => t.app);
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    sockets.closeAll();
    await t.close();
  });
  const socketFor = (cookie: string, scope: { servicePointId?: string; agencyId?: string }) => sockets.subscribed(scope, { cookie });

  it('an incident is reported open, seen by the desks and the meeting’s agency, and resolved', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const booking = await bookingNow(t.ctx.db, w, 'in-meeting');
    const desk = await socketFor(s.advisor.cookie, { servicePointId: w.point.id });
    const expertSocket = await socketFor(s.expert.cookie, { agencyId: w.agency.id });

    const reported = await s.expert.post('/api/incidents', { roomId: w.room.id, bookingId: booking.id, category: 'audio', description: 'Asiakas ei kuule ääntä' });
    expect(reported.statusCode).toBe(201);
    const incident = reported.json();
    expect(incident).toMatchObject({
      servicePointId: w.point.id,
      roomId: w.room.id,
      bookingId: booking.id,
      agencyId: w.agency.id,
      category: 'audio',
      description: 'Asiakas ei kuule ääntä',
      status: 'open',
      reportedBy: { id: w.expert.id, name: 'Veera Salo' },
    });
    await desk.next(isEvent('incident.changed', incident.id));
    await expertSocket.next(isEvent('incident.changed', incident.id));

    const byAdvisor = await s.advisor.post('/api/incidents', { roomId: w.room.id, category: 'document-camera' });
    expect(byAdvisor.statusCode).toBe(201);
    const list = (q: string, client = s.advisor) => client.get(`/api/incidents?servicePointId=${w.point.id}${q}`);
    expect((await list('&status=open')).json().incidents.map((i: { id: string }) => i.id)).toEqual([byAdvisor.json().id, incident.id]);
    // The expert sees the incidents of its agency's meetings, not the room's others.
    expect((await list('', s.expert)).json().incidents.map((i: { id: string }) => i.id)).toEqual([incident.id]);

    const resolved = await s.advisor.post(`/api/incidents/${incident.id}/resolve`);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String), resolvedBy: { id: w.advisor.id } });
    expect((await s.advisor.post(`/api/incidents/${incident.id}/resolve`)).json().code).toBe('incident.resolved');
    expect((await list('&status=resolved')).json().incidents.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    await expertSocket.next(isEvent('incident.changed', incident.id));

    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, incident.id)).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['incident.reported', 'incident.resolved']);
  });

  it('refuses a henkilötunnus in the description, unknown categories, foreign meetings and outsiders', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const booking = await bookingNow(t.ctx.db, w, 'in-meeting');
    const hetu = await s.advisor.post('/api/incidents', { roomId: w.room.id, category: 'other', description: 'Asiakas 131052-308T ei päässyt sisään' });
    expect(hetu.statusCode).toBe(422);
    expect(hetu.json().code).toBe('personal_id_forbidden');
    expect((await s.advisor.post('/api/incidents', { roomId: w.room.id, category: 'coffee' })).statusCode).toBe(422);
    expect((await s.advisor.post('/api/incidents', { roomId: w.room.id, category: 'video', description: 'x'.repeat(501) })).statusCode).toBe(422);
    expect((await s.advisor.post('/api/incidents', { roomId: w.room.id, category: 'video', extra: 1 })).statusCode).toBe(422);
    // An expert reports about its own agency's meetings only; an advisor only at its own point.
    expect((await s.expert.post('/api/incidents', { roomId: w.room.id, category: 'video' })).statusCode).toBe(403);
    const other = await signIn(t.app, w.otherExpert.email);
    expect((await other.post('/api/incidents', { roomId: w.room.id, bookingId: booking.id, category: 'video' })).statusCode).toBe(404);
    const elsewhere = await signIn(t.app, w.elsewhere.email);
    expect((await elsewhere.post('/api/incidents', { roomId: w.room.id, category: 'video' })).statusCode).toBe(403);
    expect((await elsewhere.get(`/api/incidents?servicePointId=${w.point.id}`)).statusCode).toBe(403);
    expect(await t.ctx.db.select().from(incidents).where(eq(incidents.roomId, w.room.id))).toEqual([]);
  });

  it('shows each room, kiosk and open item on the board, and follows the room through its states', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const board = async () => {
      const res = await s.advisor.get(`/api/service-points/${w.point.id}/status`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const terminal = await pairTerminal(t.app, s.admin, w.room.id);
    const empty = await board();
    expect(empty).toEqual({
      servicePointId: w.point.id,
      at: expect.any(String),
      rooms: [{ id: w.room.id, name: w.room.name, state: 'free' }],
      // Paired just now (which counts as seen), no heartbeat yet: devices unknown.
      terminals: [{ id: terminal.id, roomId: w.room.id, name: 'Kioski', online: true, lastSeenAt: expect.any(String) }],
      calls: [],
      identityChecks: [],
      incidents: [],
    });

    const desk = await socketFor(s.advisor.cookie, { servicePointId: w.point.id });
    const beat = await terminal.as('POST', '/api/terminal/heartbeat', { camera: true, microphone: true, documentCamera: false });
    expect(beat.statusCode).toBe(200);
    await desk.next(isEvent('terminal.changed', terminal.id));
    expect((await board()).terminals[0]).toMatchObject({ online: true, camera: true, microphone: true, documentCamera: false });
    // The same devices again: no event; the document camera plugged in: an event.
    await terminal.as('POST', '/api/terminal/heartbeat', { camera: true, microphone: true, documentCamera: false });
    await terminal.as('POST', '/api/terminal/heartbeat', { camera: true, microphone: true, documentCamera: true });
    await desk.next(isEvent('terminal.changed', terminal.id));
    expect(desk.received.filter(isEvent('terminal.changed', terminal.id))).toHaveLength(2);
    expect((await terminal.as('POST', '/api/terminal/heartbeat', { camera: true, microphone: true })).statusCode).toBe(422);
    expect((await s.advisor.post('/api/terminal/heartbeat', { camera: true, microphone: true, documentCamera: true })).statusCode).toBe(403);

    const booking = await bookingNow(t.ctx.db, w, 'checked-in');
    expect((await board()).rooms[0]).toMatchObject({ state: 'customer-waiting', bookingId: booking.id });
    await t.ctx.db.update(bookings).set({ status: 'in-meeting' }).where(eq(bookings.id, booking.id));
    expect((await board()).rooms[0]).toMatchObject({ state: 'in-meeting', bookingId: booking.id });
    const button = await createButton(t.app, s.admin, w.room.id);
    const { callId } = (await button.press()).json();
    const incident = (await s.advisor.post('/api/incidents', { roomId: w.room.id, bookingId: booking.id, category: 'network' })).json();
    const during = await board();
    expect(during.rooms[0]).toMatchObject({ state: 'call-open', callId, bookingId: booking.id });
    expect(during.calls).toEqual([expect.objectContaining({ id: callId, status: 'open' })]);
    expect(during.incidents).toEqual([expect.objectContaining({ id: incident.id, status: 'open' })]);
    await s.advisor.post(`/api/calls/${callId}/close`);
    await s.advisor.post(`/api/incidents/${incident.id}/resolve`);
    const after = await board();
    expect(after.rooms[0].state).toBe('in-meeting');
    expect(after.calls).toEqual([]);
    expect(after.incidents).toEqual([]);

    // The kiosk goes silent: after 90 s the sweep announces it offline once, and the board says so.
    const [hb] = await t.ctx.db.select().from(terminalHeartbeats).where(eq(terminalHeartbeats.terminalId, terminal.id));
    const later = new Date(hb!.reportedAt.getTime() + 91_000);
    expect((await sweepAssistance(t.ctx, later)).terminalsOffline).toContain(terminal.id);
    expect((await sweepAssistance(t.ctx, later)).terminalsOffline).not.toContain(terminal.id);
    await desk.next(isEvent('terminal.changed', terminal.id));

    // Coordinators see the board; experts and other points' advisors do not.
    expect((await s.coordinator.get(`/api/service-points/${w.point.id}/status`)).statusCode).toBe(200);
    expect((await s.expert.get(`/api/service-points/${w.point.id}/status`)).statusCode).toBe(403);
    expect((await (await signIn(t.app, w.elsewhere.email)).get(`/api/service-points/${w.point.id}/status`)).statusCode).toBe(403);
  });
});
