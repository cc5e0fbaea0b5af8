import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, heardOn, postgresInstance, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { bookingBody, bookingWorld, workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { answerCacheFor } from './answer-cache.js';
import { BOOKING_CHANGED, BusyCache, busyCacheFor } from './busy-cache.js';
import { zonedInstant } from './time.js';

// Availability keeps answers (answer-cache.ts) and busy time (busy-cache.ts) per instance, dropped where a booking
// change touches them (busy-invalidation.test.ts). Each booking change below is asked about before (so the caches hold
// the old state) and after.

type World = Awaited<ReturnType<typeof bookingWorld>>;
type SlotView = { start: string; end: string; roomId: string; expertId: string };
const TZ = 'Europe/Helsinki';

async function times(client: Client, w: World, day: string): Promise<string[]> {
  const q = { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, from: day, to: day };
  const res = await client.get(`/api/availability?${new URLSearchParams(q)}`);
  expect(res.statusCode).toBe(200);
  return (res.json().slots as SlotView[]).map((s) => s.start.slice(11, 16));
}

/** 09:00 … 14:30 every 15 minutes, without the starts whose 30 minutes overlap a booking at any of `booked`. */
function freeTimes(...booked: string[]): string[] {
  const all: string[] = [];
  for (let m = 9 * 60; m <= 14 * 60 + 30; m += 15) all.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return all.filter((t) => booked.every((b) => minutes(t) + 30 <= minutes(b) || minutes(t) >= minutes(b) + 30));
}

const startAt = (day: string, time: string) => zonedInstant(day, time, TZ).toISOString();

describe.each(testDatabaseKinds)('availability follows bookings at once, busy time cached, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
  });
  afterAll(() => t.close());

  it('a booking made, moved and cancelled shows in the next answer', async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 1 });
    const advisor = await signIn(t.app, w.advisor.email);
    const day = workingDayAhead(10);
    const answers = answerCacheFor(t.ctx)!;
    const busy = busyCacheFor(t.ctx)!;
    expect(await times(advisor, w, day)).toEqual(freeTimes());
    const { hits } = answers.stats;
    expect(await times(advisor, w, day)).toEqual(freeTimes());
    expect(answers.stats.hits).toBe(hits + 1); // the second answer came from the answer cache
    // Another range over the same weeks: a new answer, computed from cached busy time.
    const busyHits = busy.stats.hits;
    const q = { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, from: day, to: day, expertId: w.experts[0]!.id };
    expect((await advisor.get(`/api/availability?${new URLSearchParams(q)}`)).statusCode).toBe(200);
    expect(busy.stats.hits).toBe(busyHits + 1);

    const made = await advisor.post('/api/bookings', bookingBody(w, startAt(day, '10:00')));
    expect(made.statusCode).toBe(201);
    expect(await times(advisor, w, day)).toEqual(freeTimes('10:00'));

    const moved = await advisor.patch(`/api/bookings/${made.json().id}`, { start: startAt(day, '12:00') });
    expect(moved.statusCode).toBe(200);
    expect(await times(advisor, w, day)).toEqual(freeTimes('12:00'));

    const cancelled = await advisor.post(`/api/bookings/${made.json().id}/cancel`, { reason: 'Asiakas perui' });
    expect(cancelled.statusCode).toBe(200);
    expect(await times(advisor, w, day)).toEqual(freeTimes());
  });

  it('a range spanning several cached weeks lists a booking in each of them once', async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 1 });
    const advisor = await signIn(t.app, w.advisor.email);
    const first = workingDayAhead(8);
    const later = workingDayAhead(22);
    const q = { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, from: first, to: later };
    const slots = async () => ((await advisor.get(`/api/availability?${new URLSearchParams(q)}`)).json().slots as SlotView[]).map((s) => s.start);
    const before = await slots();
    for (const day of [first, later]) expect((await advisor.post('/api/bookings', bookingBody(w, startAt(day, '11:00')))).statusCode).toBe(201);
    const after = await slots();
    expect(await slots()).toEqual(after); // again, from the cache
    // Each booking takes the three starts that overlap it (10:45, 11:00, 11:15).
    expect(before.length - after.length).toBe(6);
    for (const day of [first, later]) expect(after.filter((s) => s.startsWith(`${day}T11:00`))).toEqual([]);
  });

  it('a fill that was in flight when bookings changed is used once but not kept', async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 1 });
    const cache = new BusyCache(t.ctx.database.db);
    const day = workingDayAhead(9);
    const q = { roomIds: w.roomIds, expertIds: [w.experts[0]!.id], interpreterIds: [], from: zonedInstant(day, '00:00', TZ), to: zonedInstant(day, '23:00', TZ) };
    const inFlight = cache.busy(q);
    cache.clear();
    await inFlight;
    await cache.busy(q);
    expect(cache.stats).toMatchObject({ fills: 2, hits: 0 });
    await cache.busy(q);
    expect(cache.stats).toMatchObject({ fills: 2, hits: 1 });

    const offline = new BusyCache(t.ctx.database.db, () => false);
    await offline.busy(q);
    await offline.busy(q);
    expect(offline.stats).toMatchObject({ fills: 0, hits: 0 }); // not listening: straight to the database each time
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('availability on a second app instance after a booking made on the first', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await postgresInstance(undefined, { config: { loginRatePerMinute: 1000 } });
    b = await postgresInstance(a, { config: { loginRatePerMinute: 1000 } });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Resolves once instance B has heard of the change (its caches drop what it touched on the same event). */
  const heardOnB = () => heardOn(b, BOOKING_CHANGED);

  it('a booking made and cancelled through A is in the next answer of B', async () => {
    const w = await bookingWorld(a.ctx.db, { roomCount: 1, expertCount: 1 });
    const onA = await signIn(a.app, w.advisor.email);
    const onB = await signIn(b.app, w.advisor.email);
    const day = workingDayAhead(10);
    expect(await times(onB, w, day)).toEqual(freeTimes());
    expect(await times(onB, w, day)).toEqual(freeTimes()); // B's answer now comes from its cache
    const cacheOnB = answerCacheFor(b.ctx)!;
    const loads = cacheOnB.stats.loads;

    let heard = heardOnB();
    const made = await onA.post('/api/bookings', bookingBody(w, startAt(day, '13:00')));
    expect(made.statusCode).toBe(201);
    await heard;
    expect(await times(onB, w, day)).toEqual(freeTimes('13:00'));
    expect(cacheOnB.stats.loads).toBe(loads + 1);

    heard = heardOnB();
    expect((await onA.post(`/api/bookings/${made.json().id}/cancel`, { reason: 'Asiakas perui' })).statusCode).toBe(200);
    await heard;
    expect(await times(onB, w, day)).toEqual(freeTimes());
  });
});
