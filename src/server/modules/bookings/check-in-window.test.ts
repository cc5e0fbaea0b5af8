import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { assistanceWorld, bookingNow, pairTerminal } from '../../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { auditEvents } from '../../db/schema/index.js';

describe.each(testDatabaseKinds)('check-in window on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // 45 minutes, not the default hour: the window is configuration, and the desk and the kiosk both follow it.
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000, checkInOpensMinutes: 45 } });
  });
  afterAll(() => t.close());

  it('the desk checks in only from the window before the start until the end, and can undo a mistaken check-in', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const advisor = await signIn(t.app, w.advisor.email);
    const days = await bookingNow(t.ctx.db, w, 'booked', 3 * 24 * 60);
    const early = await advisor.post(`/api/bookings/${days.id}/check-in`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'booking.check_in_too_early', params: { opensAt: new Date(days.startsAt.getTime() - 45 * 60_000).toISOString(), minutes: '45' } });
    expect((await advisor.get(`/api/bookings/${days.id}`)).json()).toMatchObject({ status: 'booked', checkInOpensAt: new Date(days.startsAt.getTime() - 45 * 60_000).toISOString() });

    const ended = await bookingNow(t.ctx.db, w, 'booked', -120);
    expect((await advisor.post(`/api/bookings/${ended.id}/check-in`)).json().code).toBe('booking.check_in_closed');

    const soon = await bookingNow(t.ctx.db, w, 'booked', 40);
    const checkedIn = await advisor.post(`/api/bookings/${soon.id}/check-in`);
    expect(checkedIn.statusCode).toBe(200);
    expect(checkedIn.json().status).toBe('checked-in');
    const undone = await advisor.post(`/api/bookings/${soon.id}/undo-check-in`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json().status).toBe('booked');
    // Undoing twice is a conflict, not a silent success.
    expect((await advisor.post(`/api/bookings/${soon.id}/undo-check-in`)).statusCode).toBe(409);
    const detail = (await advisor.get(`/api/bookings/${soon.id}`)).json();
    expect(detail.history.filter((h: { kind: string }) => h.kind === 'status').map((h: { toStatus: string }) => h.toStatus)).toEqual(['checked-in', 'booked']);
    const actions = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, soon.id)).orderBy(asc(auditEvents.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['booking.status_changed', 'booking.check_in_undone']));
  });

  it('the kiosk follows the same window', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const terminal = await pairTerminal(t.app, admin, w.room.id);
    const later = await bookingNow(t.ctx.db, w, 'booked', 60);
    const early = await terminal.as('POST', '/api/terminal/check-in', { reference: later.reference });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'terminal.too_early', params: { opensAt: new Date(later.startsAt.getTime() - 45 * 60_000).toISOString() } });
    const inWindow = await bookingNow(t.ctx.db, w, 'booked', 20);
    const ok = await terminal.as('POST', '/api/terminal/check-in', { reference: inWindow.reference });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().booking.id).toBe(inWindow.id);
  });
});
