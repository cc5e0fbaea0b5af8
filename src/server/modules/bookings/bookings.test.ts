import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { createUser } from '../../../../test/helpers/factories.js';
import { bookingBody, bookingWorld, createInterpreter, workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { bookings, customerMessages } from '../../db/schema/index.js';
import { zonedInstant } from '../scheduling/time.js';

const at = (day: string, time: string) => zonedInstant(day, time, 'Europe/Helsinki').toISOString();

describe.each(testDatabaseKinds)('bookings on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('an advisor books, moves and cancels; history, messages and audit follow', async () => {
    const w = await bookingWorld(t.ctx.db);
    const advisor = await signIn(t.app, w.advisor.email);
    const day = workingDayAhead(8);
    const created = await advisor.post('/api/bookings', bookingBody(w, at(day, '10:00'), { language: 'sv', note: 'Tuo verotuspäätös mukanasi' }));
    expect(created.statusCode).toBe(201);
    const b = created.json();
    expect(b).toMatchObject({ status: 'booked', start: at(day, '10:00'), end: at(day, '10:30'), expertId: w.experts[0]!.id, language: 'sv' });
    expect(b.reference).toMatch(/^[A-Z0-9]{6}$/);
    expect(b.customer.phone).toBe('+358401234567');

    const moved = await advisor.patch(`/api/bookings/${b.id}`, { start: at(day, '13:15') });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ start: at(day, '13:15'), end: at(day, '13:45'), reference: b.reference });

    const cancelled = await advisor.post(`/api/bookings/${b.id}/cancel`, { reason: 'Asiakas perui puhelimitse' });
    expect(cancelled.json().status).toBe('cancelled');
    const detail = (await advisor.get(`/api/bookings/${b.id}`)).json();
    expect(detail.history.map((h: { kind: string }) => h.kind)).toEqual(['created', 'moved', 'status']);
    expect(detail.history[1]).toMatchObject({ fromStart: at(day, '10:00'), toStart: at(day, '13:15') });

    const messages = await t.ctx.db.select().from(customerMessages).where(eq(customerMessages.bookingId, b.id));
    const kinds = messages.map((m) => `${m.kind}/${m.channel}/v${m.bookingVersion}`).sort();
    expect(kinds).toEqual(expect.arrayContaining(['confirmation/email/v1', 'confirmation/sms/v1', 'change/email/v2', 'cancellation/email/v3', 'cancellation/sms/v3']));

    // The freed time can be booked again.
    const again = await advisor.post('/api/bookings', bookingBody(w, at(day, '13:15')));
    expect(again.statusCode).toBe(201);
  });

  it('answers a taken slot with 409 saying what is taken, and hours outside opening with 422', async () => {
    const w = await bookingWorld(t.ctx.db, { expertCount: 2 });
    const advisor = await signIn(t.app, w.advisor.email);
    const day = workingDayAhead(9);
    expect((await advisor.post('/api/bookings', bookingBody(w, at(day, '11:00')))).statusCode).toBe(201);
    const clash = await advisor.post('/api/bookings', bookingBody(w, at(day, '11:15')));
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toContain('application/problem+json');
    expect(clash.json().code).toBe('booking.room_taken');
    const early = await advisor.post('/api/bookings', bookingBody(w, at(day, '08:30')));
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('booking.outside_hours');
    const late = await advisor.post('/api/bookings', bookingBody(w, at(day, '14:45')));
    expect(late.json().code).toBe('booking.outside_hours');
  });

  it('rejects a henkilötunnus in any free-text field with 422 and stores nothing', async () => {
    const w = await bookingWorld(t.ctx.db);
    const advisor = await signIn(t.app, w.advisor.email);
    const day = workingDayAhead(10);
    for (const body of [
      bookingBody(w, at(day, '10:00'), { note: 'Asiakkaan hetu 131052-308T' }),
      bookingBody(w, at(day, '10:00'), { customer: { name: 'Maija 010594Y9021' } }),
      bookingBody(w, at(day, '10:00'), { note: 'uusi tunnus 020502E902X' }),
    ]) {
      const res = await advisor.post('/api/bookings', body);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('personal_id_forbidden');
    }
    expect(await t.ctx.db.select().from(bookings).where(eq(bookings.servicePointId, w.point.id))).toHaveLength(0);
    const badPhone = await advisor.post('/api/bookings', bookingBody(w, at(day, '10:00'), { customer: { name: 'A', phone: '12' } }));
    expect(badPhone.statusCode).toBe(422);
    const badEmail = await advisor.post('/api/bookings', bookingBody(w, at(day, '10:00'), { customer: { name: 'A', email: 'not-an-email' } }));
    expect(badEmail.statusCode).toBe(422);
  });

  it('shows another agency only that the room is busy, and hides its customers from search', async () => {
    const w = await bookingWorld(t.ctx.db);
    const other = await bookingWorld(t.ctx.db);
    // A second agency serving at the same point.
    const otherExpert = await createUser(t.ctx.db, { organisationId: other.agency.id, role: 'expert' });
    const advisor = await signIn(t.app, w.advisor.email);
    const day = workingDayAhead(11);
    const b = (await advisor.post('/api/bookings', bookingBody(w, at(day, '09:30'), { customer: { name: 'Salainen Asiakas' } }))).json();
    const stranger = await signIn(t.app, otherExpert.email);
    const list = (await stranger.get(`/api/bookings?servicePointId=${w.point.id}&from=${encodeURIComponent(at(day, '00:00'))}`)).json();
    expect(list.bookings).toHaveLength(0);
    expect(list.busy).toEqual([expect.objectContaining({ id: b.id, busy: true, start: at(day, '09:30') })]);
    expect(JSON.stringify(list)).not.toContain('Salainen');
    expect((await stranger.get(`/api/bookings?q=Salainen`)).json()).toEqual({ bookings: [], busy: [] });
    expect((await stranger.get(`/api/bookings/${b.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/bookings/${b.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    const own = await signIn(t.app, w.booker.email);
    expect((await own.get(`/api/bookings?q=${b.reference}`)).json().bookings).toHaveLength(1);
  });

  it.each([
    ['room', { roomCount: 1, expertCount: 3 }, 'booking.room_taken', undefined],
    ['expert', { roomCount: 3, expertCount: 1 }, 'booking.expert_taken', undefined],
    ['interpreter', { roomCount: 3, expertCount: 3 }, 'booking.interpreter_taken', 'qad'],
  ])('100 concurrent requests for one %s: exactly one 201 and 99 × 409', async (_what, shape, code, language) => {
    const w = await bookingWorld(t.ctx.db, shape);
    if (language) await createInterpreter(t.ctx.db, [language]);
    const advisor = await signIn(t.app, w.advisor.email);
    const day = workingDayAhead(12);
    const body = bookingBody(w, at(day, '12:00'), language ? { interpretingLanguage: language } : {});
    const responses = await Promise.all(Array.from({ length: 100 }, () => advisor.post('/api/bookings', body)));
    const statuses = responses.map((r) => r.statusCode);
    const odd = responses.filter((r) => r.statusCode !== 201 && r.statusCode !== 409);
    expect(odd.map((r) => r.body)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(new Set(responses.filter((r) => r.statusCode === 409).map((r) => r.json().code))).toEqual(new Set([code]));
  });
});
