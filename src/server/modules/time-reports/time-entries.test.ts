import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/helpers/app.js';
import { helsinkiClock } from '../../../../test/helpers/clock.js';
import { createButton } from '../../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { PNG_1PX, upload } from '../../../../test/helpers/documents.js';
import { bookingAhead, helsinkiToday, lastMonth, meetingNow, signInTime, timeWorld } from '../../../../test/helpers/time-reports.js';
import { auditEvents } from '../../db/schema/index.js';

type Suggestion = { source: { kind: string; id: string }; date: string; minutes: number; measured: boolean; task: string; agencyId: string | null; what: string };

describe.each(testDatabaseKinds)('time entries on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 }, now: helsinkiClock() });
  });
  afterAll(() => t.close());
  const today = helsinkiToday();

  it('suggests entries from what the advisor did (measured or standard time); accepting records them once, discarding hides them', async () => {
    const w = await timeWorld(t.ctx.db);
    const s = await signInTime(t.app, w);
    // An identity check: requested by the expert, acknowledged and answered by the advisor.
    const meeting = await meetingNow(t.ctx.db, w);
    const check = (await s.expert.post(`/api/bookings/${meeting.id}/identity-checks`)).json();
    expect((await s.advisor.post(`/api/identity-checks/${check.id}/acknowledge`)).statusCode).toBe(200);
    expect((await s.advisor.post(`/api/identity-checks/${check.id}/result`, { verified: true, documentType: 'passport', photoMatched: true })).statusCode).toBe(200);
    // A call from the room's button, acknowledged and closed by the advisor.
    const button = await createButton(t.app, s.admin, w.room.id);
    const { callId } = (await button.press()).json();
    expect((await s.advisor.post(`/api/calls/${callId}/acknowledge`)).statusCode).toBe(200);
    expect((await s.advisor.post(`/api/calls/${callId}/close`)).statusCode).toBe(200);
    // A booking created, moved and cancelled by the advisor.
    const booking = (await s.advisor.post('/api/bookings', bookingAhead(w))).json();
    expect(booking.id).toBeDefined();
    expect((await s.advisor.patch(`/api/bookings/${booking.id}`, { start: bookingAhead(w, '11:00').start })).statusCode).toBe(200);
    expect((await s.advisor.post(`/api/bookings/${booking.id}/cancel`, { reason: 'Asiakas perui' })).statusCode).toBe(200);
    // A walk-in queued and a handover registered and sent.
    const walkIn = await s.advisor.post('/api/walk-ins', { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, customerName: 'Kalle Kävijä', language: 'fi' });
    expect(walkIn.statusCode).toBe(201);
    const handover = (await s.advisor.post('/api/documents', { bookingId: meeting.id, kind: 'application' })).json();
    expect((await upload(s.advisor, handover.id, PNG_1PX)).statusCode).toBe(201);
    expect((await s.advisor.post(`/api/documents/${handover.id}/send`)).statusCode).toBe(200);

    const res = await s.advisor.get(`/api/time-entries/suggestions?from=${today}&to=${today}`);
    expect(res.statusCode).toBe(200);
    const suggestions = res.json() as Suggestion[];
    expect(suggestions.map((x) => x.what).sort()).toEqual(['booking-cancelled', 'booking-created', 'booking-moved', 'call', 'handover', 'identity-check', 'walk-in']);
    const by = (what: string) => suggestions.find((x) => x.what === what)!;
    expect(by('identity-check')).toMatchObject({ task: 'identity-verification', agencyId: w.agency.id, measured: true, minutes: 1, date: today });
    expect(by('call')).toMatchObject({ task: 'device-help', agencyId: null, measured: true, minutes: 1 });
    expect(by('handover')).toMatchObject({ task: 'document-reception', agencyId: w.agency.id, measured: true });
    for (const what of ['booking-created', 'booking-moved', 'booking-cancelled']) expect(by(what)).toMatchObject({ task: 'booking', agencyId: w.agency.id, measured: false, minutes: 10 });
    expect(by('walk-in')).toMatchObject({ task: 'booking', measured: false, minutes: 10 });
    // Nobody else's work is suggested to the other advisor, nor can they take it.
    expect((await s.advisor2.get(`/api/time-entries/suggestions?from=${today}&to=${today}`)).json()).toEqual([]);
    expect((await s.advisor2.post('/api/time-entries', { date: today, minutes: 5, task: 'booking', source: by('walk-in').source })).statusCode).toBe(404);
    expect((await s.manager.get(`/api/time-entries/suggestions?from=${today}&to=${today}`)).statusCode).toBe(403);

    // The point manager's month shows a gap: activity today, no time recorded.
    const month = today.slice(0, 7);
    const before = (await s.manager.get(`/api/time-reports/${w.point.id}/${month}`)).json();
    expect(before.gaps).toEqual([{ userId: w.advisor.id, date: today, activities: 7 }]);

    // Accept the identity check with the minutes edited; then the same source again is refused.
    const accepted = await s.advisor.post('/api/time-entries', { date: today, minutes: 12, task: 'identity-verification', agencyId: w.agency.id, source: by('identity-check').source });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ minutes: 12, date: today, source: by('identity-check').source, servicePointId: w.point.id, locked: false });
    const twice = await s.advisor.post('/api/time-entries', { date: today, minutes: 12, task: 'identity-verification', source: by('identity-check').source });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'time_entry.source_taken']);
    // Two accepts of one suggestion at once: one entry.
    const race = await Promise.all([1, 2].map(() => s.advisor.post('/api/time-entries', { date: today, minutes: 10, task: 'booking', agencyId: w.agency.id, source: by('booking-moved').source })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // Discard the walk-in: gone, and not twice.
    expect((await s.advisor.post('/api/time-entries/suggestions/dismissals', by('walk-in').source)).statusCode).toBe(204);
    expect((await s.advisor.post('/api/time-entries/suggestions/dismissals', by('walk-in').source)).json().code).toBe('time_entry.source_taken');
    const left = (await s.advisor.get(`/api/time-entries/suggestions?from=${today}&to=${today}`)).json() as Suggestion[];
    expect(left.map((x) => x.what).sort()).toEqual(['booking-cancelled', 'booking-created', 'call', 'handover']);
    const after = (await s.manager.get(`/api/time-reports/${w.point.id}/${month}`)).json();
    expect(after).toMatchObject({ status: 'open', totalMinutes: 22, gaps: [], minutesByTask: { 'identity-verification': 12, booking: 10 }, minutesByAgency: { [w.agency.id]: 22 } });
    expect(after.byAdvisor).toEqual([
      { userId: w.advisor.id, name: 'Anna Lindholm', minutes: 22, minutesByTask: { 'identity-verification': 12, booking: 10 } },
      { userId: w.advisor2.id, name: 'Mikko Heikkinen', minutes: 0, minutesByTask: {} },
    ]);
    // Deleting the accepted entry offers the suggestion again.
    expect((await s.advisor.request({ method: 'DELETE', url: `/api/time-entries/${accepted.json().id}` })).statusCode).toBe(204);
    expect(((await s.advisor.get(`/api/time-entries/suggestions?from=${today}&to=${today}`)).json() as Suggestion[]).some((x) => x.what === 'identity-check')).toBe(true);
  });

  it('records, changes and removes entries by hand; refuses identity codes, customer names and days to come; scoped and audited', async () => {
    const w = await timeWorld(t.ctx.db);
    const s = await signInTime(t.app, w);
    await meetingNow(t.ctx.db, w); // its customer is Maija Meikäläinen
    const training = await s.advisor.post('/api/time-entries', { date: today, minutes: 60, task: 'training', note: 'Perehdytys uuteen dokumenttikameraan' });
    expect(training.statusCode).toBe(201);
    const help = await s.advisor.post('/api/time-entries', { date: today, minutes: 25, task: 'device-help', agencyId: w.agency.id, note: 'Yhteyden avaus' });
    expect(help.statusCode).toBe(201);
    const other = await s.advisor2.post('/api/time-entries', { date: today, minutes: 15, task: 'other' });
    expect(other.statusCode).toBe(201);

    const hetu = await s.advisor.post('/api/time-entries', { date: today, minutes: 5, task: 'other', note: 'asiakas 131052-308T' });
    expect([hetu.statusCode, hetu.json().code]).toEqual([422, 'personal_id_forbidden']);
    for (const note of ['Autoin Maija Meikäläistä? ei: maija meikäläinen', 'MEIKÄLÄINEN MAIJA soitti']) {
      const named = await s.advisor.post('/api/time-entries', { date: today, minutes: 5, task: 'other', note });
      expect([named.statusCode, named.json().code]).toEqual([422, 'time_entry.customer_name']);
    }
    const future = await s.advisor.post('/api/time-entries', { date: '2999-01-01', minutes: 5, task: 'other' });
    expect(future.json().code).toBe('time_entry.future');
    expect((await s.advisor.post('/api/time-entries', { date: today, minutes: -5, task: 'other' })).statusCode).toBe(422);
    expect((await s.manager.post('/api/time-entries', { date: today, minutes: 5, task: 'other' })).statusCode).toBe(422);
    expect((await s.advisor.patch(`/api/time-entries/${help.json().id}`, { note: 'maija meikäläinen' })).json().code).toBe('time_entry.customer_name');

    const patched = await s.advisor.patch(`/api/time-entries/${training.json().id}`, { minutes: 45 });
    expect(patched.json()).toMatchObject({ minutes: 45, task: 'training' });
    expect((await s.advisor2.patch(`/api/time-entries/${training.json().id}`, { minutes: 1 })).statusCode).toBe(403);
    expect((await s.advisor2.request({ method: 'DELETE', url: `/api/time-entries/${training.json().id}` })).statusCode).toBe(403);

    const q = `from=${today}&to=${today}`;
    const list = async (c: typeof s.advisor, extra = '') => (await c.get(`/api/time-entries?${q}${extra}`)).json();
    expect((await list(s.advisor)).entries.map((e: { minutes: number }) => e.minutes).sort()).toEqual([25, 45]);
    expect(await list(s.advisor)).toMatchObject({ totalMinutes: 70, minutesByDay: { [today]: 70 }, minutesByTask: { training: 45, 'device-help': 25 } });
    expect((await list(s.advisor, `&userId=${w.advisor2.id}`)).entries).toEqual([]);
    expect((await list(s.manager)).totalMinutes).toBe(85);
    expect((await list(s.manager, `&userId=${w.advisor2.id}`)).totalMinutes).toBe(15);
    expect((await list(s.otherManager)).entries).toEqual([]);
    expect((await list(s.coordinator, `&servicePointId=${w.point.id}`)).totalMinutes).toBe(85);
    expect((await list(s.admin, `&servicePointId=${w.point.id}`)).totalMinutes).toBe(85);
    const agencyView = await list(s.agencyAdmin);
    expect(agencyView.entries).toEqual([expect.objectContaining({ minutes: 25, agencyId: w.agency.id, note: null })]);
    expect((await list(s.agencyBAdmin)).entries).toEqual([]);
    expect((await list(s.expert)).entries).toEqual([]);

    expect((await s.advisor.request({ method: 'DELETE', url: `/api/time-entries/${help.json().id}` })).statusCode).toBe(204);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, w.advisor.id), like(auditEvents.action, 'time_entry.%'))).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action)).toEqual(['time_entry.created', 'time_entry.created', 'time_entry.updated', 'time_entry.deleted']);
    expect(audit[0]!.details).toMatchObject({ minutes: 60, task: 'training', date: today, servicePointId: w.point.id });
    expect(JSON.stringify(audit.map((a) => a.details))).not.toMatch(/Perehdytys|Yhteyden/);
  });

  it('month close: submit locks (409), VM returns with a comment (unlocks) or approves; corrections are adjustments in a later month', async () => {
    const w = await timeWorld(t.ctx.db);
    const s = await signInTime(t.app, w);
    const { month, day } = lastMonth();
    const entry = (await s.advisor.post('/api/time-entries', { date: day, minutes: 90, task: 'booking', agencyId: w.agency.id })).json();
    const training = (await s.advisor.post('/api/time-entries', { date: day, minutes: 60, task: 'training' })).json();
    const path = `/api/time-reports/${w.point.id}/${month}`;

    expect((await s.otherManager.post(`${path}/submit`)).statusCode).toBe(403);
    expect((await s.advisor.post(`${path}/submit`)).statusCode).toBe(403);
    expect((await s.manager.post(`/api/time-reports/${w.point.id}/${today.slice(0, 7)}/submit`)).json().code).toBe('time_report.month_not_ended');
    const submitted = await s.manager.post(`${path}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'submitted', totalMinutes: 150 });
    expect((await s.manager.post(`${path}/submit`)).json().code).toBe('time_report.already_submitted');

    const locked = [
      await s.advisor.post('/api/time-entries', { date: day, minutes: 5, task: 'other' }),
      await s.advisor.patch(`/api/time-entries/${entry.id}`, { minutes: 80 }),
      await s.advisor.request({ method: 'DELETE', url: `/api/time-entries/${training.id}` }),
      await s.advisor.patch(`/api/time-entries/${training.id}`, { date: today }),
    ];
    expect(locked.map((r) => [r.statusCode, r.json().code])).toEqual(Array(4).fill([409, 'time_report.locked']));
    expect((await s.advisor.get(`/api/time-entries?from=${day}&to=${day}`)).json().entries.every((e: { locked: boolean }) => e.locked)).toBe(true);

    expect((await s.manager.post(`${path}/approve`)).statusCode).toBe(403);
    expect((await s.coordinator.post(`${path}/return`, {})).statusCode).toBe(422);
    const returned = await s.coordinator.post(`${path}/return`, { comment: 'Koulutustunnit puuttuvat' });
    expect(returned.json()).toMatchObject({ status: 'returned', comment: 'Koulutustunnit puuttuvat' });
    expect((await s.advisor.post('/api/time-entries', { date: day, minutes: 30, task: 'training' })).statusCode).toBe(201);
    expect((await s.manager.post(`${path}/submit`)).json().status).toBe('submitted');
    const approved = await s.admin.post(`${path}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', totalMinutes: 180, comment: null });
    expect((await s.admin.post(`${path}/approve`)).json().code).toBe('time_report.not_submitted');
    expect((await s.advisor.patch(`/api/time-entries/${entry.id}`, { minutes: 80 })).json().code).toBe('time_report.locked');

    // A correction after approval: an adjustment this month, linked to the original.
    const adjust = (minutes: number, date = today, id = entry.id) => s.advisor.post('/api/time-entries', { date, minutes, task: 'booking', agencyId: w.agency.id, adjustsEntryId: id });
    expect((await adjust(-30, day)).json().code).toBe('time_entry.adjust_same_month');
    const adjustment = await adjust(-30);
    expect(adjustment.statusCode).toBe(201);
    expect(adjustment.json()).toMatchObject({ minutes: -30, adjustsEntryId: entry.id, date: today });
    expect((await adjust(-61)).json().code).toBe('time_entry.adjust_below_zero');
    expect((await adjust(-5, today, adjustment.json().id)).json().code).toBe('time_entry.adjust_not_approved');
    expect((await s.advisor2.post('/api/time-entries', { date: today, minutes: -5, task: 'booking', adjustsEntryId: entry.id })).statusCode).toBe(404);

    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, `${w.point.id}:${month}`)).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['time_report.submitted', w.manager.id],
      ['time_report.returned', w.coordinator.id],
      ['time_report.submitted', w.manager.id],
      ['time_report.approved', w.admin.id],
    ]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('Koulutustunnit');
  });
});
