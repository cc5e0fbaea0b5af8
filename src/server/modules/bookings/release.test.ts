import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { helsinkiClock } from '../../../../test/helpers/clock.js';
import { assistanceWorld, bookingNow, pairTerminal } from '../../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { createUser } from '../../../../test/helpers/factories.js';

const minuteDown = (at: number) => Math.floor(at / 60_000) * 60_000;

describe.each(testDatabaseKinds)('ending early frees the rest of the slot on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 }, now: helsinkiClock() });
  });
  afterAll(() => t.close());

  it('a meeting ended early frees the room for a walk-in at once; the history says from when', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const terminal = await pairTerminal(t.app, admin, w.room.id);
    const expert = await signIn(t.app, w.expert.email);
    const advisor = await signIn(t.app, w.advisor.email);
    const booking = await bookingNow(t.ctx.db, w, 'booked');
    expect((await terminal.as('POST', '/api/terminal/check-in', { reference: booking.reference })).statusCode).toBe(200);
    const meeting = (await expert.post(`/api/bookings/${booking.id}/meeting`)).json();
    expect((await expert.post(`/api/meetings/${meeting.id}/admit`)).statusCode).toBe(200);

    // While the meeting is on, a walk-in is refused with what to do: the room is free from the booking's end.
    const walkIn = (await advisor.post('/api/walk-ins', { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, customerName: 'Kalle Kävijä', language: 'fi' })).json();
    const other = await createUser(t.ctx.db, { organisationId: w.agency.id, role: 'expert' });
    const colleague = await signIn(t.app, other.email);
    const busy = await colleague.post(`/api/walk-ins/${walkIn.id}/take`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ code: 'walk_in.room_busy', params: { freeAt: booking.endsAt.toISOString() } });

    const before = Date.now();
    expect((await expert.post(`/api/meetings/${meeting.id}/end`, { outcome: 'completed' })).statusCode).toBe(200);
    const ended = (await advisor.get(`/api/bookings/${booking.id}`)).json();
    expect(ended.status).toBe('completed');
    expect(Date.parse(ended.end)).toBeGreaterThanOrEqual(minuteDown(before));
    expect(Date.parse(ended.end)).toBeLessThan(booking.endsAt.getTime());
    expect(ended.history.at(-1)).toMatchObject({ kind: 'released', end: ended.end });
    // The calendar and the status board read the same row: the room is free from the new end.
    const day = (await advisor.get(`/api/bookings?servicePointId=${w.point.id}&from=${encodeURIComponent(booking.startsAt.toISOString())}&to=${encodeURIComponent(booking.endsAt.toISOString())}`)).json();
    expect(day.bookings.find((b: { id: string }) => b.id === booking.id).end).toBe(ended.end);

    // The walk-in starts on this minute, where the ended booking now ends: the room holds both, without overlap.
    const taken = await colleague.post(`/api/walk-ins/${walkIn.id}/take`);
    expect(taken.statusCode).toBe(201);
    expect(Date.parse(taken.json().start)).toBeGreaterThanOrEqual(Date.parse(ended.end));
  });

  it('a no-show frees the rest of the slot for the room and the expert', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const advisor = await signIn(t.app, w.advisor.email);
    const expert = await signIn(t.app, w.expert.email);
    const booking = await bookingNow(t.ctx.db, w, 'booked');
    const walkIn = (await advisor.post('/api/walk-ins', { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, customerName: 'Kalle Kävijä', language: 'fi' })).json();
    const noShow = await advisor.post(`/api/bookings/${booking.id}/no-show`);
    expect(noShow.statusCode).toBe(200);
    expect(Date.parse(noShow.json().end)).toBeLessThan(booking.endsAt.getTime());
    const res = await expert.post(`/api/walk-ins/${walkIn.id}/take`);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ roomId: w.room.id, expertId: w.expert.id, status: 'checked-in' });
  });
});
