import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { helsinki, privacyBooking, privacyWorld } from '../../../../test/helpers/privacy.js';
import { workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { startJobs } from '../../jobs/boss.js';
import { auditEvents, bookings, customerMessages, identityChecks, publicBookingLinks, walkIns } from '../../db/schema/index.js';
import { purgeCustomerData } from './purge-customer-data.js';

const DAY = 24 * 3600_000;
const after = (iso: string, days: number) => new Date(new Date(iso).getTime() + days * DAY);

describe.each(testDatabaseKinds)('customer data retention on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { customerDataRetentionDays: 30 } });
  });
  afterAll(() => t.close());

  const bookingRow = async (id: string) => (await t.ctx.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
  const purges = async (agencyId: string) =>
    t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'customer_data.purged'), eq(auditEvents.organisationId, agencyId))).orderBy(asc(auditEvents.id));

  it('removes the customer data after each agency its own retention, keeps the booking for statistics, audits the purge', async () => {
    const w = await privacyWorld(t.ctx.db);
    const adminA = await signIn(t.app, w.staffA.admin.email);
    const bookerA = await signIn(t.app, w.staffA.booker.email);
    const bookerB = await signIn(t.app, w.staffB.booker.email);
    // Agency A keeps customer data 10 days; B uses the default 30.
    const set = await adminA.put(`/api/agencies/${w.a.id}/processing-record`, { purposes: 'Ajanvaraus', dataCategories: 'Nimi', recipients: '', controllerContact: '', retentionDays: 10 });
    expect(set.statusCode, set.body).toBe(200);
    const day = workingDayAhead(8);
    const a = (await bookerA.post('/api/bookings', privacyBooking(w, 'a', helsinki(day, '10:00'), { name: 'Maija Meikäläinen', phone: '040 123 4567', email: 'maija@example.com' }, { note: 'Tuo päätös mukanasi' }))).json();
    const b = (await bookerB.post('/api/bookings', privacyBooking(w, 'b', helsinki(day, '11:00'), { name: 'Matti Virtanen', email: 'matti@example.com' }))).json();
    expect([a.id, b.id]).toEqual([expect.any(String), expect.any(String)]);
    // A walk-in of A that became the booking, one that never did, and a completed identity check of the booking.
    const [linked] = await t.ctx.db.insert(walkIns).values({ servicePointId: w.point.id, agencyId: w.a.id, serviceId: w.serviceA.id, customerName: 'Maija Meikäläinen', language: 'fi', status: 'taken', bookingId: a.id, createdAt: new Date(a.start) }).returning();
    const [alone] = await t.ctx.db.insert(walkIns).values({ servicePointId: w.point.id, agencyId: w.a.id, serviceId: w.serviceA.id, customerName: 'Kalle Jonossa', language: 'sv', status: 'waiting', createdAt: new Date(a.end) }).returning();
    const [check] = await t.ctx.db
      .insert(identityChecks)
      .values({ bookingId: a.id, servicePointId: w.point.id, roomId: w.room.id, agencyId: w.a.id, requestedBy: w.staffA.expert.id, status: 'completed', completedBy: w.advisor.id, completedAt: new Date(a.start), verified: true, documentType: 'passport', photoMatched: true })
      .returning();
    // Had the customer booked online, the manage link (with a keyed hash of their address) would point at it.
    await t.ctx.db.insert(publicBookingLinks).values({ bookingId: a.id, tokenHash: `hash-${a.id}`, nonce: 'n', keyId: 'k', clientKey: 'client' });

    // Before A's cut-off nothing changes.
    expect(await purgeCustomerData(t.ctx, after(a.end, 9.9))).toEqual({ bookings: 0, walkIns: 0, identityChecks: 0 });
    expect(await bookingRow(a.id)).toMatchObject({ customerName: 'Maija Meikäläinen', customerPhone: '+358401234567', note: 'Tuo päätös mukanasi', customerDataRemovedAt: null });
    expect(await purges(w.a.id)).toHaveLength(0);
    const statistics = () => adminA.get(`/api/statistics?from=${day}&to=${day}&agencyId=${w.a.id}`);
    const counted = await statistics();
    expect(counted.statusCode, counted.body).toBe(200);

    // After it, A's customer data is gone; B's (30 days) is not.
    const at = after(a.end, 10.1);
    expect(await purgeCustomerData(t.ctx, at)).toEqual({ bookings: 1, walkIns: 2, identityChecks: 1 });
    const purged = await bookingRow(a.id);
    expect(purged).toMatchObject({ customerName: null, customerPhone: null, customerEmail: null, note: null, cancelReason: null, customerDataRemovedAt: at });
    // What statistics need stays: times, agency, service, channel, language, outcome.
    expect(purged).toMatchObject({ startsAt: new Date(a.start), endsAt: new Date(a.end), agencyId: w.a.id, serviceId: w.serviceA.id, channel: 'agency-phone', language: 'fi', status: 'booked', reference: a.reference });
    const walkInRows = await t.ctx.db.select().from(walkIns).where(eq(walkIns.agencyId, w.a.id));
    expect(walkInRows.map((r) => [r.id, r.customerName, r.status]).sort()).toEqual(
      [
        [linked!.id, null, 'taken'],
        [alone!.id, null, 'cancelled'],
      ].sort(),
    );
    expect((await t.ctx.db.select().from(identityChecks).where(eq(identityChecks.id, check!.id)))[0]).toMatchObject({ verified: true, documentType: null, photoMatched: null, customerDataRemovedAt: at });
    const messages = await t.ctx.db.select().from(customerMessages).where(eq(customerMessages.bookingId, a.id));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.status !== 'pending' && m.error === null)).toBe(true);
    expect((await bookingRow(b.id)).customerName).toBe('Matti Virtanen');
    expect(await t.ctx.db.select().from(publicBookingLinks).where(eq(publicBookingLinks.bookingId, a.id))).toEqual([]);

    // The audit records the purge (ids, counts, the rule), never the data.
    const [event, ...more] = await purges(w.a.id);
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({ actorType: 'system', actorId: 'privacy', targetId: w.a.id, details: { reason: 'retention', retentionDays: 10, bookings: [a.id], walkIns: [alone!.id] } });
    expect(JSON.stringify(event)).not.toMatch(/Maija|Kalle|358401234567|example\.com|päätös/);

    // The booking still counts: the agency's list shows it with its times, service and outcome.
    const listed = (await adminA.get(`/api/bookings?agencyId=${w.a.id}&from=${encodeURIComponent(a.start)}&to=${encodeURIComponent(a.end)}`)).json();
    expect(listed.bookings).toEqual([expect.objectContaining({ id: a.id, start: a.start, end: a.end, serviceId: w.serviceA.id, status: 'booked', customerDataRemoved: true, customer: { name: '' } })]);

    // And the statistics count it exactly as before.
    expect((await statistics()).json()).toEqual(counted.json());

    // A second pass changes nothing; B's turn comes after 30 days.
    expect(await purgeCustomerData(t.ctx, after(a.end, 12))).toEqual({ bookings: 0, walkIns: 0, identityChecks: 0 });
    expect(await purges(w.a.id)).toHaveLength(1);
    expect((await purgeCustomerData(t.ctx, after(b.end, 30.1))).bookings).toBeGreaterThanOrEqual(1);
    expect(await bookingRow(b.id)).toMatchObject({ customerName: null, customerEmail: null, customerDataRemovedAt: expect.any(Date) });
    expect(await purges(w.b.id)).toEqual([expect.objectContaining({ details: expect.objectContaining({ retentionDays: 30, bookings: expect.arrayContaining([b.id]) }) })]);
  });

  it('runs as a pg-boss job: a booking that ended long ago is purged when the jobs start', async () => {
    const w = await privacyWorld(t.ctx.db);
    const booker = await signIn(t.app, w.staffB.booker.email);
    const day = workingDayAhead(9);
    const b = (await booker.post('/api/bookings', privacyBooking(w, 'b', helsinki(day, '12:00'), { name: 'Vanha Asiakas', phone: '040 765 4321' }))).json();
    const kept = (await booker.post('/api/bookings', privacyBooking(w, 'b', helsinki(day, '13:00'), { name: 'Uusi Asiakas' }))).json();
    // It took place 40 days ago (the API books only ahead).
    await t.ctx.db
      .update(bookings)
      .set({ startsAt: new Date(Date.now() - 40 * DAY), endsAt: new Date(Date.now() - 40 * DAY + 30 * 60_000) })
      .where(eq(bookings.id, b.id));
    const jobs = await startJobs(t.ctx, { pollingIntervalSeconds: 1 });
    try {
      await jobs.purgeCustomerData();
      expect(await bookingRow(b.id)).toMatchObject({ customerName: null, customerPhone: null, customerDataRemovedAt: expect.any(Date) });
      expect((await bookingRow(kept.id)).customerName).toBe('Uusi Asiakas');
    } finally {
      await jobs.stop();
    }
  });
});
