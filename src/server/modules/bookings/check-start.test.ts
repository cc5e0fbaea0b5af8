import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { openSecondConnection, testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { bookingBody, bookingWorld, createInterpreter, workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { workingExceptions } from '../../db/schema/index.js';
import { createBus } from '../../realtime/create-bus.js';
import { PostgresBus } from '../../realtime/postgres-bus.js';
import { zonedInstant } from '../scheduling/time.js';

const at = (day: string, time: string) => zonedInstant(day, time, 'Europe/Helsinki').toISOString();

// Booking validates one start in SQL (check-start.ts) instead of computing the day's slots: it must pick the same
// room, expert and interpreter as the day's slot computation (GET /api/availability) would, least-loaded first.
describe.each(testDatabaseKinds)('one start chosen like the day’s slots on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('gives each booking the room, least-loaded expert and interpreter that availability offers for it', async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 2, expertCount: 3 });
    const language = 'smn';
    const first = await createInterpreter(t.ctx.db, [language]);
    await createInterpreter(t.ctx.db, [language]);
    const day = workingDayAhead(15);
    // The day departs from the weekly pattern: the third expert works 12–16 only, the first interpreter is off.
    await t.ctx.db.insert(workingExceptions).values([
      { resourceKind: 'expert', resourceId: w.experts[2]!.id, day, starts: '12:00', ends: '16:00' },
      { resourceKind: 'interpreter', resourceId: first.id, day, reason: 'off' },
    ]);
    const advisor = await signIn(t.app, w.advisor.email);
    const requests: { time: string; extra?: Record<string, unknown> }[] = [
      { time: '10:00' },
      { time: '10:00' },
      { time: '12:30' },
      { time: '11:00', extra: { interpretingLanguage: language } },
      { time: '12:30' },
      { time: '09:15' },
      { time: '14:00', extra: { expertId: w.experts[1]!.id } },
      { time: '14:00' },
      { time: '13:00', extra: { interpretingLanguage: language } },
    ];
    const experts = new Set<string>();
    for (const { time, extra = {} } of requests) {
      const q = new URLSearchParams({
        servicePointId: w.point.id,
        agencyId: w.agency.id,
        serviceId: w.service.id,
        from: day,
        to: day,
        ...(extra as Record<string, string>),
      });
      const offered = (await advisor.get(`/api/availability?${q}`)).json().slots.find((s: { start: string }) => Date.parse(s.start) === Date.parse(at(day, time)));
      expect(offered, `a slot at ${time}`).toBeDefined();
      const res = await advisor.post('/api/bookings', bookingBody(w, at(day, time), extra));
      expect(res.statusCode, res.body).toBe(201);
      const b = res.json();
      expect({ roomId: b.roomId, expertId: b.expertId, interpreterId: b.interpreterId }, time).toEqual({
        roomId: offered.roomId,
        expertId: offered.expertId,
        interpreterId: offered.interpreterId,
      });
      experts.add(b.expertId);
    }
    // The load is spread: every expert got a booking.
    expect(experts.size).toBe(3);
  });

  it('explains a start that cannot be booked as the slot computation does', async () => {
    const w = await bookingWorld(t.ctx.db, { expertCount: 1 });
    const day = workingDayAhead(16);
    await t.ctx.db.insert(workingExceptions).values({ resourceKind: 'expert', resourceId: w.experts[0]!.id, day, starts: '12:00', ends: '16:00' });
    const advisor = await signIn(t.app, w.advisor.email);
    const code = async (time: string, extra: Record<string, unknown> = {}) => (await advisor.post('/api/bookings', bookingBody(w, at(day, time), extra))).json().code;
    expect(await code('10:00')).toBe('booking.outside_hours'); // the only expert starts at 12 that day
    expect(await code('12:10')).toBe('booking.outside_hours'); // off the 15-minute grid
    expect(await code('12:00', { interpretingLanguage: 'sme' })).toBe('booking.outside_hours'); // no interpreter works
    expect((await advisor.post('/api/bookings', bookingBody(w, at(day, '12:00')))).statusCode).toBe(201);
    expect(await code('12:15')).toBe('booking.room_taken');
    const unknown = await advisor.post('/api/bookings', bookingBody(w, at(day, '13:00'), { expertId: w.advisor.id }));
    expect(unknown.statusCode).toBe(404);
  });
});

describe.runIf(testDatabaseKinds.includes('postgres'))('a race across two app instances on postgres', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await createTestApp('postgres');
    second = await createTestApp('postgres', { database: await openSecondConnection(first.ctx.database) });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  // Each instance queues its own contenders; between instances the advisory locks and the constraints decide.
  it('gives one booking for one room and expert, 409 to the rest, whichever instance they reach', async () => {
    const w = await bookingWorld(first.ctx.db, { roomCount: 1, expertCount: 1 });
    const day = workingDayAhead(17);
    const clients = [await signIn(first.app, w.advisor.email), await signIn(second.app, w.advisor.email)];
    const body = bookingBody(w, at(day, '11:00'));
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => clients[i % 2]!.post('/api/bookings', body)));
    expect(responses.filter((r) => r.statusCode !== 201 && r.statusCode !== 409).map((r) => r.body)).toEqual([]);
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    // The next slot is raced as well: once again one booking.
    const again = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2]!.post('/api/bookings', bookingBody(w, at(day, '11:30')))));
    expect(again.filter((r) => r.statusCode === 201)).toHaveLength(1);
  });
});

// A new booking's NOTIFY travels in the booking's own statement (bus.announce): delivered to the other instances at
// commit, never for a booking that was not made.
describe.runIf(testDatabaseKinds.includes('postgres'))('a new booking announced by its own statement on postgres', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp('postgres', { bus: (db) => createBus(db) });
    b = await createTestApp('postgres', { database: await openSecondConnection(a.ctx.database), bus: (db) => createBus(db) });
    for (const t of [a, b]) if (t.ctx.bus instanceof PostgresBus) await t.ctx.bus.ready();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('reaches this instance and the other one once per booking made, and not for a lost race', async () => {
    expect(a.ctx.bus).toBeInstanceOf(PostgresBus);
    const w = await bookingWorld(a.ctx.db, { roomCount: 1, expertCount: 1 });
    const seen = { here: [] as string[], there: [] as string[] };
    a.ctx.bus.subscribe((e) => e.type === 'booking.changed' && seen.here.push(e.id!));
    b.ctx.bus.subscribe((e) => e.type === 'booking.changed' && seen.there.push(e.id!));
    const advisor = await signIn(a.app, w.advisor.email);
    const body = bookingBody(w, at(workingDayAhead(18), '10:00'));
    const [made, lost] = await Promise.all([advisor.post('/api/bookings', body), advisor.post('/api/bookings', body)]);
    expect([made!.statusCode, lost!.statusCode].sort()).toEqual([201, 409]);
    const id = (made!.statusCode === 201 ? made! : lost!).json().id;
    await expect.poll(() => seen.there).toEqual([id]);
    expect(seen.here).toEqual([id]);
  });
});
