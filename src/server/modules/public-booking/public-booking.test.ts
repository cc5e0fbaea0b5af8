import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { newCustomer, publicBody, publicClient, publicWorld } from '../../../../test/helpers/public-booking.js';
import { createUser } from '../../../../test/helpers/factories.js';
import { bookingWorld, workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { auditEvents, bookings, publicBookingLinks, services } from '../../db/schema/index.js';
import { zonedInstant } from '../scheduling/time.js';
import { hashManageToken } from './tokens.js';

const at = (day: string, time: string) => zonedInstant(day, time, 'Europe/Helsinki').toISOString();

describe.each(testDatabaseKinds)('public booking on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  }, 120_000);
  afterAll(() => t.close());

  it('lists only services enabled for online booking; others do not exist on the public API', async () => {
    const w = await publicWorld(t.ctx.db);
    const [off] = await t.ctx.db
      .insert(services)
      .values({ agencyId: w.agency.id, name: { fi: 'Ei verkossa', sv: 'Inte på webben', en: 'Not online' }, durationMinutes: 30, languages: ['fi'] })
      .returning();
    const c = publicClient(t.app, '203.0.113.10');
    const points = await c.get('/api/public/service-points');
    expect(points.statusCode).toBe(200);
    expect(points.json().map((p: { id: string }) => p.id)).toContain(w.point.id);
    const list = await c.get(`/api/public/services?servicePointId=${w.point.id}`);
    expect(list.statusCode).toBe(200);
    const ids = list.json().map((s: { id: string }) => s.id);
    expect(ids).toContain(w.service.id);
    expect(ids).not.toContain(off!.id);
    expect(list.json().find((s: { id: string }) => s.id === w.service.id)).toMatchObject({ agencyId: w.agency.id, agencyName: { fi: expect.any(String) } });

    const day = workingDayAhead(8);
    const q = (serviceId: string) => `/api/public/availability?servicePointId=${w.point.id}&agencyId=${w.agency.id}&serviceId=${serviceId}&from=${day}&to=${day}`;
    const slots = await c.get(q(w.service.id));
    expect(slots.statusCode).toBe(200);
    expect(slots.json().slots[0]).toEqual({ start: expect.stringContaining(`${day}T09:00:00`), end: expect.stringContaining(`${day}T09:30:00`) });
    expect((await c.get(q(off!.id))).statusCode).toBe(404);
    expect((await c.post('/api/public/bookings', publicBody(w, at(day, '10:00'), { serviceId: off!.id }))).statusCode).toBe(404);
    expect(await t.ctx.db.select().from(bookings).where(eq(bookings.serviceId, off!.id))).toHaveLength(0);
  });

  it('a service is off by default; its agency admin opens it for online booking with a notice and a horizon', async () => {
    const w = await bookingWorld(t.ctx.db);
    const c = publicClient(t.app, '203.0.113.9');
    const listed = async () => (await c.get(`/api/public/services?servicePointId=${w.point.id}`)).json().map((s: { id: string }) => s.id);
    expect(await listed()).not.toContain(w.service.id);
    const admin = await signIn(t.app, (await createUser(t.ctx.db, { organisationId: w.agency.id, role: 'agency-admin' })).email);
    const res = await admin.patch(`/api/services/${w.service.id}`, { onlineBooking: true, onlineNoticeMinutes: 2880, onlineHorizonDays: 30 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ onlineBooking: true, onlineNoticeMinutes: 2880, onlineHorizonDays: 30, interpretingPossible: true });
    expect(await listed()).toContain(w.service.id);
    const advisor = await signIn(t.app, w.advisor.email);
    expect((await advisor.patch(`/api/services/${w.service.id}`, { onlineBooking: false })).statusCode).toBe(403);
  });

  it("keeps to the service's own notice and horizon", async () => {
    const w = await publicWorld(t.ctx.db, { noticeMinutes: 5 * 24 * 60, horizonDays: 12 });
    const c = publicClient(t.app, '203.0.113.11');
    const soon = workingDayAhead(1);
    const late = workingDayAhead(14);
    const from = workingDayAhead(0);
    const all = await c.get(`/api/public/availability?servicePointId=${w.point.id}&agencyId=${w.agency.id}&serviceId=${w.service.id}&from=${from}&to=${late}`);
    const starts = all.json().slots.map((s: { start: string }) => new Date(s.start).getTime());
    expect(starts.length).toBeGreaterThan(0);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(Date.now() + 5 * 86_400_000 - 60_000);
    expect(Math.max(...starts)).toBeLessThanOrEqual(Date.now() + 12 * 86_400_000 + 60_000);

    const tooSoon = await c.post('/api/public/bookings', publicBody(w, at(soon, '10:00')));
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().code).toBe('booking.too_soon');
    const tooLate = await c.post('/api/public/bookings', publicBody(w, at(late, '10:00')));
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().code).toBe('booking.beyond_horizon');
    const ok = await c.post('/api/public/bookings', publicBody(w, at(workingDayAhead(8), '10:00')));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('books as the customer: channel online, E.164 phone, a manage link whose token is stored only as a hash, no cookies', async () => {
    const w = await publicWorld(t.ctx.db);
    const c = publicClient(t.app, '203.0.113.12');
    const day = workingDayAhead(8);
    const res = await c.post('/api/public/bookings', publicBody(w, at(day, '10:00'), { customer: { name: 'Maija Meikäläinen', phone: '040 765 4321' }, language: 'sv' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const body = res.json();
    expect(body).toMatchObject({ reference: expect.stringMatching(/^[A-Z0-9]{6}$/), start: at(day, '10:00'), end: at(day, '10:30') });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.manageUrl).toMatch(new RegExp(`/tidsbokning/bokning/${body.token}$`));

    const [row] = await t.ctx.db.select().from(bookings).where(eq(bookings.reference, body.reference));
    expect(row).toMatchObject({ channel: 'online', customerPhone: '+358407654321', customerEmail: null, createdBy: null, language: 'sv' });
    const [link] = await t.ctx.db.select().from(publicBookingLinks).where(eq(publicBookingLinks.bookingId, row!.id));
    expect(link!.tokenHash).toBe(hashManageToken(body.token));
    expect(JSON.stringify(link)).not.toContain(body.token);
    expect(link!.clientKey).not.toContain('203.0.113.12');

    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'booking.created'), eq(auditEvents.targetId, row!.id))).orderBy(asc(auditEvents.id));
    expect(audit[0]).toMatchObject({ actorType: 'customer', actorId: row!.id, details: { channel: 'online' } });
  });

  it('refuses a henkilötunnus, a bad e-mail and a missing contact (422) and books nothing', async () => {
    const w = await publicWorld(t.ctx.db);
    const c = publicClient(t.app, '203.0.113.13');
    const start = at(workingDayAhead(8), '11:00');
    const hetu = await c.post('/api/public/bookings', publicBody(w, start, { customer: { name: 'Maija 131052-308T', phone: '0401234567' } }));
    expect(hetu.statusCode).toBe(422);
    expect(hetu.json().code).toBe('personal_id_forbidden');
    const email = await c.post('/api/public/bookings', publicBody(w, start, { customer: { name: 'Maija', email: 'not-an-address' } }));
    expect(email.statusCode).toBe(422);
    const none = await c.post('/api/public/bookings', publicBody(w, start, { customer: { name: 'Maija' } }));
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('public_booking.contact_required');
    expect(await t.ctx.db.select().from(bookings).where(eq(bookings.servicePointId, w.point.id))).toHaveLength(0);
  });

  it('ignores a staff cookie (no CSRF needed) and refuses a write from another site', async () => {
    const w = await publicWorld(t.ctx.db);
    const advisor = await signIn(t.app, w.advisor.email);
    const start = at(workingDayAhead(8), '12:00');
    const withCookie = await t.app.inject({ method: 'POST', url: '/api/public/bookings', cookies: { etapiste_session: advisor.cookie }, payload: publicBody(w, start), remoteAddress: '203.0.113.14' });
    expect(withCookie.statusCode, withCookie.body).toBe(201);
    const [row] = await t.ctx.db.select().from(bookings).where(eq(bookings.servicePointId, w.point.id));
    expect(row!.createdBy).toBeNull();
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/public/bookings',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: publicBody(w, at(workingDayAhead(8), '13:00')),
      remoteAddress: '203.0.113.14',
    });
    expect(crossSite.statusCode).toBe(403);
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/public/bookings', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a lost race for the last free time is 409 with the next free times', async () => {
    const w = await publicWorld(t.ctx.db);
    const day = workingDayAhead(8);
    const start = at(day, '10:00');
    const results = await Promise.all(
      ['203.0.113.21', '203.0.113.22', '203.0.113.23'].map((ip) => publicClient(t.app, ip).post('/api/public/bookings', publicBody(w, start))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const lost = results.find((r) => r.statusCode === 409)!.json();
    expect(lost.code).toBe('public_booking.taken');
    const next = lost.params.nextTimes.split(',');
    expect(next.length).toBeGreaterThan(0);
    expect(new Date(next[0]).getTime()).toBeGreaterThan(new Date(start).getTime());
    expect(await t.ctx.db.select().from(bookings).where(eq(bookings.servicePointId, w.point.id))).toHaveLength(1);
  });

  it('limits: the 11th booking from one address in an hour and a 3rd upcoming per phone are 429 with Retry-After', async () => {
    const w = await publicWorld(t.ctx.db, { roomCount: 2, expertCount: 2 });
    const c = publicClient(t.app, '203.0.113.30');
    const day = workingDayAhead(8);
    const times = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00'];
    const codes: number[] = [];
    for (const time of times) codes.push((await c.post('/api/public/bookings', publicBody(w, at(day, time)))).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(201));
    const eleventh = await c.post('/api/public/bookings', publicBody(w, at(day, '14:30')));
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().code).toBe('public_booking.address_limit');
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(3000);
    expect(codes[10]).toBe(429);

    const customer = newCustomer();
    const other = publicClient(t.app, '203.0.113.31');
    const day2 = workingDayAhead(9);
    expect((await other.post('/api/public/bookings', publicBody(w, at(day2, '09:00'), { customer }))).statusCode).toBe(201);
    expect((await other.post('/api/public/bookings', publicBody(w, at(day2, '10:00'), { customer: { ...customer, email: undefined } }))).statusCode).toBe(201);
    const third = await other.post('/api/public/bookings', publicBody(w, at(day2, '11:00'), { customer: { name: 'Toinen', phone: customer.phone } }));
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('public_booking.contact_limit');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.ctx.db.select().from(bookings).where(eq(bookings.servicePointId, w.point.id))).toHaveLength(12);
  });

  it('the manage link shows, moves and cancels; then it is dead; a wrong token is 404', async () => {
    const w = await publicWorld(t.ctx.db);
    const c = publicClient(t.app, '203.0.113.40');
    const day = workingDayAhead(8);
    const created = (await c.post('/api/public/bookings', publicBody(w, at(day, '10:00'), { customer: { name: 'Maija Meikäläinen', phone: '0401112233', email: 'maija@example.com' } }))).json();
    const url = `/api/public/bookings/${created.token}`;

    const view = await c.get(url);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ reference: created.reference, firstName: 'Maija', status: 'booked', changeable: true, start: at(day, '10:00') });
    expect(view.body).not.toContain('0401112233');
    expect(view.body).not.toContain('+358401112233');
    expect(view.body).not.toContain('maija@example.com');
    expect(view.body).not.toContain('Meikäläinen');

    const moved = await c.patch(url, { start: at(day, '13:00') });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ start: at(day, '13:00'), reference: created.reference });
    expect((await c.get(url)).json().start).toBe(at(day, '13:00'));

    const cancelled = await c.delete(url);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await c.get(url)).statusCode).toBe(404);
    expect((await c.patch(url, { start: at(day, '14:00') })).statusCode).toBe(404);

    const [row] = await t.ctx.db.select().from(bookings).where(eq(bookings.reference, created.reference));
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, row!.id), eq(auditEvents.actorType, 'customer'))).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['booking.cancelled', 'booking.created', 'booking.moved', 'public_booking.viewed', 'public_booking.viewed']);
    expect(audit.every((a) => a.actorId === row!.id)).toBe(true);

    for (const wrong of ['x', created.token.slice(0, -1) + (created.token.endsWith('A') ? 'B' : 'A'), 'A'.repeat(43), '%E2%9C%93']) {
      const res = await c.get(`/api/public/bookings/${wrong}`);
      expect(res.statusCode, wrong).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
  });

  it('after the cut-off the link shows the booking but no longer moves or cancels; after the appointment it is dead', async () => {
    const w = await publicWorld(t.ctx.db);
    const c = publicClient(t.app, '203.0.113.41');
    const created = (await c.post('/api/public/bookings', publicBody(w, at(workingDayAhead(8), '10:00')))).json();
    const url = `/api/public/bookings/${created.token}`;
    // The appointment is now an hour away: inside the default two-hour cut-off.
    await t.ctx.db.execute(sql`UPDATE bookings SET starts_at = now() + interval '1 hour', ends_at = now() + interval '90 minutes' WHERE reference = ${created.reference}`);
    const view = await c.get(url);
    expect(view.statusCode).toBe(200);
    expect(view.json().changeable).toBe(false);
    const move = await c.patch(url, { start: at(workingDayAhead(9), '10:00') });
    expect(move.statusCode).toBe(409);
    expect(move.json().code).toBe('public_booking.cut_off');
    const cancel = await c.delete(url);
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().code).toBe('public_booking.cut_off');
    const [row] = await t.ctx.db.select().from(bookings).where(eq(bookings.reference, created.reference));
    expect(row!.status).toBe('booked');

    await t.ctx.db.execute(sql`UPDATE bookings SET starts_at = now() - interval '2 hours', ends_at = now() - interval '90 minutes' WHERE reference = ${created.reference}`);
    expect((await c.get(url)).statusCode).toBe(404);
  });
});
