import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { type AssistanceWorld, assistanceWorld, bookingNow, signInWorld } from '../../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { isEvent, socketPool } from '../../../../test/helpers/sockets.js';
import { auditEvents, identityChecks } from '../../db/schema/index.js';
import { sweepAssistance } from './sweep.js';

describe.each(testDatabaseKinds)('identity checks on %s', (kind) => {
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
  /** The main admin amends the world's agreement so that it does (or no longer does) delegate identity verification. */
  async function delegate(w: AssistanceWorld, identityChecks = true) {
    const admin = await signIn(t.app, w.admin.email);
    const current = (await admin.get(`/api/agreements/${w.agreement.id}`)).json();
    const terms = current.versions[0].terms;
    const tasks = identityChecks ? ['identity-verification', 'booking', 'document-reception'] : ['booking', 'document-reception'];
    terms.principals = terms.principals.map((p: { organisationId: string }) => (p.organisationId === w.agency.id ? { ...p, tasks } : p));
    const effectiveFrom = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
    const res = await admin.post(`/api/agreements/${w.agreement.id}/amendments`, { effectiveFrom, description: 'Muutos', terms });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  it('runs request → alert → acknowledge → result, which the expert sees live with the advisor and time', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    await delegate(w);
    const booking = await bookingNow(t.ctx.db, w, 'in-meeting');
    const desk = await socketFor(s.advisor.cookie, { servicePointId: w.point.id });
    const expertSocket = await socketFor(s.expert.cookie, { agencyId: w.agency.id });
    const otherExpertSocket = await socketFor((await signIn(t.app, w.otherExpert.email)).cookie, {});

    const requested = await s.expert.post(`/api/bookings/${booking.id}/identity-checks`);
    expect(requested.statusCode).toBe(201);
    const check = requested.json();
    expect(check).toMatchObject({
      bookingId: booking.id,
      booking: { start: booking.startsAt.toISOString(), end: booking.endsAt.toISOString() },
      roomId: w.room.id,
      agencyId: w.agency.id,
      status: 'requested',
      requestedBy: { id: w.expert.id, name: 'Veera Salo' },
    });
    // A double click returns the open request instead of alerting twice.
    const again = await s.expert.post(`/api/bookings/${booking.id}/identity-checks`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(check.id);

    const alert = await desk.next(isEvent('identity_check.changed', check.id));
    expect(alert.event).toEqual({ type: 'identity_check.changed', id: check.id, servicePointId: w.point.id, agencyId: w.agency.id, at: expect.any(String) });
    expect((await s.advisor.get(`/api/identity-checks?servicePointId=${w.point.id}`)).json().identityChecks).toEqual([expect.objectContaining({ id: check.id })]);
    expect((await s.coordinator.get(`/api/service-points/${w.point.id}/status`)).json().identityChecks).toEqual([expect.objectContaining({ id: check.id })]);

    const [first, second] = await Promise.all([
      s.advisor.post(`/api/identity-checks/${check.id}/acknowledge`),
      s.advisor2.post(`/api/identity-checks/${check.id}/acknowledge`),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const taker = first.statusCode === 200 ? s.advisor : s.advisor2;
    expect((await taker.post(`/api/identity-checks/${check.id}/acknowledge`)).statusCode).toBe(200);

    const result = await taker.post(`/api/identity-checks/${check.id}/result`, { verified: true, documentType: 'passport', photoMatched: true });
    expect(result.statusCode).toBe(200);
    expect(result.json()).toMatchObject({
      status: 'completed',
      completedAt: expect.any(String),
      completedBy: { name: taker === s.advisor ? 'Anna Lindholm' : 'Mikko Heikkinen' },
      result: { verified: true, documentType: 'passport', photoMatched: true },
    });
    // Requested, acknowledged, completed: each reached the expert's screen.
    for (let i = 0; i < 3; i++) await expertSocket.next(isEvent('identity_check.changed', check.id));
    const seen = await s.expert.get(`/api/bookings/${booking.id}/identity-checks`);
    expect(seen.json().identityChecks).toEqual([expect.objectContaining({ id: check.id, status: 'completed', result: { verified: true, documentType: 'passport', photoMatched: true } })]);
    expect((await s.advisor.post(`/api/identity-checks/${check.id}/result`, { verified: false })).json().code).toBe('identity_check.completed');

    // The other agency's expert hears nothing and reads nothing of it.
    otherExpertSocket.send({ ping: 'x' });
    await otherExpertSocket.next((m) => m.pong === 'x');
    expect(otherExpertSocket.received.some(isEvent('identity_check.changed'))).toBe(false);
    const other = await signIn(t.app, w.otherExpert.email);
    expect((await other.get(`/api/bookings/${booking.id}/identity-checks`)).statusCode).toBe(404);
    expect((await other.post(`/api/identity-checks/${check.id}/cancel`)).statusCode).toBe(404);

    const actions = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, check.id)).orderBy(asc(auditEvents.id))).map((a) => `${a.action}/${a.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(['identity_check.requested/success', 'identity_check.acknowledged/success', 'identity_check.completed/success']));
  });

  it('refuses with 422 agreement.task_not_delegated unless an agreement in force today delegates identity verification', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const booking = await bookingNow(t.ctx.db, w);
    const refused = await s.expert.post(`/api/bookings/${booking.id}/identity-checks`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'agreement.task_not_delegated', params: { agencyId: w.agency.id, task: 'identity-verification', agencyName_fi: w.agency.name.fi } });
    const amended = await delegate(w, true);
    expect(amended.version).toBe(2);
    expect((await s.expert.post(`/api/bookings/${booking.id}/identity-checks`)).statusCode).toBe(201);
    await delegate(w, false);
    const b2 = await bookingNow(t.ctx.db, w, 'checked-in', 60);
    expect((await s.expert.post(`/api/bookings/${b2.id}/identity-checks`)).statusCode).toBe(422);

    // Only the main admin amends; the point's advisors read what is delegated today; each change is audited.
    const terms = (await s.admin.get(`/api/agreements/${w.agreement.id}`)).json().versions[0].terms;
    expect((await s.coordinator.post(`/api/agreements/${w.agreement.id}/amendments`, { effectiveFrom: '2099-01-01', description: 'x', terms })).statusCode).toBe(403);
    const panel = await s.advisor.get(`/api/service-points/${w.point.id}/delegated-tasks`);
    expect(panel.statusCode).toBe(200);
    expect(panel.json().agencies.find((a: { agencyId: string }) => a.agencyId === w.agency.id).tasks).toEqual(['booking', 'document-reception']);
    expect((await s.expert.get(`/api/service-points/${w.point.id}/delegated-tasks`)).statusCode).toBe(403);
    const changes = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'agreement.amended')).orderBy(asc(auditEvents.id));
    const mine = changes.filter((c) => c.targetId === w.agreement.id).map((c) => c.details as { tasksAdded: unknown[]; tasksRemoved: unknown[] });
    expect(mine).toEqual([
      expect.objectContaining({ tasksAdded: [{ organisationId: w.agency.id, task: 'identity-verification' }], tasksRemoved: [] }),
      expect.objectContaining({ tasksAdded: [], tasksRemoved: [{ organisationId: w.agency.id, task: 'identity-verification' }] }),
    ]);
  });

  it('accepts only the strict result form: no document number or henkilötunnus field, consistent values', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    await delegate(w);
    const booking = await bookingNow(t.ctx.db, w, 'checked-in');
    const check = (await s.expert.post(`/api/bookings/${booking.id}/identity-checks`)).json();
    const post = (body: unknown) => s.advisor.post(`/api/identity-checks/${check.id}/result`, body);
    for (const extra of [{ documentNumber: 'XP1234567' }, { henkilotunnus: '131052-308T' }, { note: 'ok' }]) {
      const res = await post({ verified: true, documentType: 'identity-card', photoMatched: true, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(422);
    }
    expect((await post({ verified: true, documentType: 'library-card', photoMatched: true })).statusCode).toBe(422);
    expect((await post({ verified: true, photoMatched: true })).json().code).toBe('identity_check.document_required');
    expect((await post({ verified: true, documentType: 'passport', photoMatched: false })).json().code).toBe('identity_check.photo_mismatch');
    // Nobody but an advisor at the point records results.
    expect((await s.expert.post(`/api/identity-checks/${check.id}/result`, { verified: false })).statusCode).toBe(403);
    expect((await s.coordinator.post(`/api/identity-checks/${check.id}/result`, { verified: false })).statusCode).toBe(403);
    const [row] = await t.ctx.db.select().from(identityChecks).where(eq(identityChecks.id, check.id));
    expect(row!.status).toBe('requested');

    // Not verified: the document the customer had (if any) and that the photo did not match.
    const done = await post({ verified: false, documentType: 'driving-licence', photoMatched: false });
    expect(done.json()).toMatchObject({ status: 'completed', acknowledgedBy: { id: w.advisor.id }, result: { verified: false, documentType: 'driving-licence', photoMatched: false } });
  });

  it('repeats and escalates an unanswered request; the expert can cancel it; closed bookings take none', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    await delegate(w);
    // Before the customer has checked in (here: days ahead) nobody is in the room to check: 409, nothing stored.
    const ahead = await bookingNow(t.ctx.db, w, 'booked', 3 * 24 * 60);
    const early = await s.expert.post(`/api/bookings/${ahead.id}/identity-checks`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('identity_check.not_checked_in');
    expect(await t.ctx.db.select().from(identityChecks).where(eq(identityChecks.bookingId, ahead.id))).toEqual([]);
    const booking = await bookingNow(t.ctx.db, w, 'checked-in');
    const coordinatorSocket = await socketFor(s.coordinator.cookie, { servicePointId: w.point.id });
    const check = (await s.expert.post(`/api/bookings/${booking.id}/identity-checks`)).json();
    const requestedAt = new Date(check.requestedAt).getTime();
    const swept = await sweepAssistance(t.ctx, new Date(requestedAt + t.ctx.config.callEscalateSeconds * 1000));
    expect(swept.checksEscalated).toContain(check.id);
    expect(swept.checksRepeated).toContain(check.id);
    await coordinatorSocket.next(isEvent('identity_check.escalated', check.id));
    const cancelled = await s.expert.post(`/api/identity-checks/${check.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String), escalatedAt: expect.any(String), alertCount: 2 });
    expect((await s.advisor.post(`/api/identity-checks/${check.id}/acknowledge`)).json().code).toBe('identity_check.cancelled');

    const done = await bookingNow(t.ctx.db, w, 'completed', -120);
    expect((await s.expert.post(`/api/bookings/${done.id}/identity-checks`)).json().code).toBe('identity_check.booking_closed');
    // An advisor reads the booking but does not request checks.
    expect((await s.advisor.post(`/api/bookings/${booking.id}/identity-checks`)).statusCode).toBe(403);
  });
});
