import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, heardOn, postgresInstance, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { bookingBody, bookingWorld, workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { answerCacheFor } from './answer-cache.js';
import { busyChangePayload, busyTouches, Invalidations } from './busy-change.js';
import { BOOKING_CHANGED, BusyCache, busyCacheFor } from './busy-cache.js';
import { MAX_BOOKING_MS } from './repository.js';
import { zonedInstant } from './time.js';

// Targeted invalidation (busy-change.ts): a booking change drops only the busy time of its holders around its start,
// and only the answers that read one of them there; everything else stays cached. Checked through the caches' counters
// and through what the next answer says, on one instance and across two.

type World = Awaited<ReturnType<typeof bookingWorld>>;
type SlotView = { start: string; expertId: string };
const TZ = 'Europe/Helsinki';
const startAt = (day: string, time: string) => zonedInstant(day, time, TZ).toISOString();
const query = (w: World, day: string, extra: Record<string, string> = {}) => ({ servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, from: day, to: day, ...extra });

async function slots(client: Client, q: Record<string, string>): Promise<SlotView[]> {
  const res = await client.get(`/api/availability?${new URLSearchParams(q)}`);
  expect(res.statusCode).toBe(200);
  return res.json().slots as SlotView[];
}
const times = async (client: Client, q: Record<string, string>) => (await slots(client, q)).map((s) => s.start.slice(11, 16));

describe('the payload of booking.changed', () => {
  const row = { roomId: 'r1', expertId: 'e1', interpreterId: null, startsAt: new Date('2026-03-02T08:00:00Z') };
  const from = row.startsAt.getTime();

  it('names the holders and the day from the start; a move names both places; a status change one', () => {
    expect(busyChangePayload(row)).toEqual({ busy: [{ holders: ['r1', 'e1'], from, to: from + MAX_BOOKING_MS }] });
    const moved = { ...row, expertId: 'e2', interpreterId: 'i1', startsAt: new Date(from + 3_600_000) };
    expect(busyChangePayload(moved, row)!.busy).toEqual([
      { holders: ['r1', 'e1'], from, to: from + MAX_BOOKING_MS },
      { holders: ['r1', 'e2', 'i1'], from: from + 3_600_000, to: from + 3_600_000 + MAX_BOOKING_MS },
    ]);
    expect(busyChangePayload(row, { ...row })!.busy).toHaveLength(1);
    expect(busyChangePayload({ startsAt: row.startsAt })).toBeUndefined(); // nothing to attribute: no payload
  });

  it('is read defensively: anything malformed counts as unattributable', () => {
    const event = (payload: unknown) => ({ type: BOOKING_CHANGED, at: '', payload });
    expect(busyTouches(event(busyChangePayload(row)))).toEqual([{ holders: ['r1', 'e1'], from, to: from + MAX_BOOKING_MS }]);
    for (const bad of [undefined, {}, { busy: [] }, { busy: [{ holders: 'r1', from, to: from + 1 }] }, { busy: [{ holders: ['r1'], from: 'x', to: 1 }] }, { busy: [{ holders: ['r1'], from: 5, to: 5 }] }, { busy: [null] }]) {
      expect(busyTouches(event(bad))).toBeUndefined();
    }
  });

  it('a fill remembers which invalidations came after it started; a forgotten one counts as total', () => {
    const log = new Invalidations(2);
    const start = log.current;
    expect(log.since(start)).toEqual([]);
    const t = { holders: ['a'], from: 0, to: 1 };
    log.record([t]);
    expect(log.since(start)).toEqual([t]);
    log.record('all');
    expect(log.since(start)).toBe('all');
    expect(log.since(log.current)).toEqual([]);
    const later = log.current;
    log.record([t]);
    log.record([t]);
    log.record([t]);
    expect(log.since(start)).toBe('all'); // older than the two remembered
    expect(log.since(later + 1)).toEqual([t, t]);
  });
});

describe.each(testDatabaseKinds)('targeted invalidation on one instance, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
  });
  afterAll(() => t.close());

  it("a booking drops its room's and expert's week and the answers that read them; another expert's and another point's stay", async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 2 });
    const other = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 1 });
    const advisor = await signIn(t.app, w.advisor.email);
    const otherAdvisor = await signIn(t.app, other.advisor.email);
    const day = workingDayAhead(10);
    const busy = busyCacheFor(t.ctx)!;
    const answers = answerCacheFor(t.ctx)!;
    const [e1, e2] = [w.experts[0]!.id, w.experts[1]!.id];
    const noon = new Date(startAt(day, '12:00'));
    const before = await times(advisor, query(w, day));
    const otherBefore = await times(otherAdvisor, query(other, day));
    expect(await times(advisor, query(w, day, { expertId: e2 }))).toEqual(before);
    for (const id of [...w.roomIds, e1, e2, ...other.roomIds, other.experts[0]!.id]) expect(busy.has(id, noon)).toBe(true);

    const cleared = { busy: busy.stats.cleared, answers: answers.stats.cleared };
    expect((await advisor.post('/api/bookings', bookingBody(w, startAt(day, '10:00'), { expertId: e1 }))).statusCode).toBe(201);
    expect(busy.stats.cleared).toBe(cleared.busy); // nothing dropped whole
    expect(answers.stats.cleared).toBe(cleared.answers);
    expect([...busy.lastDropped].sort()).toEqual([w.roomIds[0]!, e1].sort()); // exactly the booking's holders
    expect(busy.has(e2, noon)).toBe(true);
    expect(busy.has(other.roomIds[0]!, noon)).toBe(true);
    expect(busy.has(other.experts[0]!.id, noon)).toBe(true);

    // The other point's answer is still the cached one; this point's answers are computed again and show the booking.
    const { hits, loads } = answers.stats;
    expect(await times(otherAdvisor, query(other, day))).toEqual(otherBefore);
    expect(answers.stats).toMatchObject({ hits: hits + 1, loads });
    const { fills, refills } = busy.stats;
    const after = await slots(advisor, query(w, day));
    expect(answers.stats.loads).toBe(loads + 1);
    // The dropped weeks were read again as the booking was published (one statement, the room and expert 1 only);
    // the request found them there, or waited for that statement, instead of sending its own.
    expect(busy.stats).toMatchObject({ fills, refills });
    expect(after.map((s) => s.start.slice(11, 16))).toEqual(before.filter((x) => !['09:45', '10:00', '10:15'].includes(x)));
    // Expert 2's answer read the room, which the booking took: dropped too, and it says so.
    expect((await times(advisor, query(w, day, { expertId: e2 }))).includes('10:00')).toBe(false);
  });

  it('an event that names nothing drops everything', async () => {
    const w = await bookingWorld(t.ctx.db);
    const advisor = await signIn(t.app, w.advisor.email);
    const day = workingDayAhead(11);
    const busy = busyCacheFor(t.ctx)!;
    await times(advisor, query(w, day));
    expect(busy.has(w.roomIds[0]!, new Date(startAt(day, '12:00')))).toBe(true);
    const cleared = answerCacheFor(t.ctx)!.stats.cleared;
    await t.ctx.bus.publish({ type: BOOKING_CHANGED, id: w.agency.id });
    expect(busy.has(w.roomIds[0]!, new Date(startAt(day, '12:00')))).toBe(false);
    expect(answerCacheFor(t.ctx)!.stats.cleared).toBe(cleared + 1);
  });

  it("dropped weeks are read again at once when the instance's cache asks for it, unless touched again meanwhile", async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 2 });
    const cache = new BusyCache(t.ctx.database.db, () => true, 60_000, true);
    const day = workingDayAhead(9);
    const noon = new Date(startAt(day, '12:00')).getTime();
    const [e1, e2] = [w.experts[0]!.id, w.experts[1]!.id];
    const q = { roomIds: w.roomIds, expertIds: [e1, e2], interpreterIds: [], from: zonedInstant(day, '00:00', TZ), to: zonedInstant(day, '23:00', TZ) };
    const first = await cache.busy(q);
    cache.invalidate([{ holders: [e1], from: noon, to: noon + 1 }]);
    expect(cache.stats).toMatchObject({ fills: 1, refills: 1 });
    expect(await cache.busy(q)).toEqual(first); // waited for the refill: no statement of its own
    expect(cache.stats).toMatchObject({ fills: 1, hits: 1, refills: 1 });
    // Touched again while the refill is in flight: its result is not kept, the next request reads e1 itself.
    cache.invalidate([{ holders: [e1], from: noon, to: noon + 1 }]);
    cache.invalidate([{ holders: [e1], from: noon, to: noon + 1 }]);
    await cache.busy(q); // waits for the refill, finds e1 missing still, and reads it
    expect(cache.stats).toMatchObject({ fills: 2, refills: 2 });
  });

  it('a fill in flight when a holder was touched keeps the others but not that holder', async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 2 });
    const cache = new BusyCache(t.ctx.database.db);
    const day = workingDayAhead(9);
    const noon = new Date(startAt(day, '12:00'));
    const [e1, e2] = [w.experts[0]!.id, w.experts[1]!.id];
    const q = { roomIds: w.roomIds, expertIds: [e1, e2], interpreterIds: [], from: zonedInstant(day, '00:00', TZ), to: zonedInstant(day, '23:00', TZ) };
    const inFlight = cache.busy(q);
    cache.invalidate([{ holders: [e1], from: noon.getTime(), to: noon.getTime() + 1 }]);
    await inFlight;
    expect([cache.has(w.roomIds[0]!, noon), cache.has(e1, noon), cache.has(e2, noon)]).toEqual([true, false, true]);
    // The next request asks only for what is missing (one statement) and then has everything.
    await cache.busy(q);
    expect(cache.stats).toMatchObject({ fills: 2, hits: 0 });
    await cache.busy(q);
    expect(cache.stats).toMatchObject({ fills: 2, hits: 1 });
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('targeted invalidation across two instances', () => {
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

  it("a booking made, moved and cancelled on A is in B's next answer; B keeps an unrelated expert's and point's cache", async () => {
    const w = await bookingWorld(a.ctx.db, { roomCount: 2, expertCount: 2 });
    const other = await bookingWorld(a.ctx.db, { roomCount: 1, expertCount: 1 });
    const onA = await signIn(a.app, w.advisor.email);
    const onB = await signIn(b.app, w.advisor.email);
    const otherOnB = await signIn(b.app, other.advisor.email);
    const day = workingDayAhead(12);
    const noon = new Date(startAt(day, '12:00'));
    const [e1, e2] = [w.experts[0]!.id, w.experts[1]!.id];
    const [r1, r2] = w.roomIds as [string, string];
    const busyOnB = busyCacheFor(b.ctx)!;
    const answersOnB = answerCacheFor(b.ctx)!;
    const onlyE1 = query(w, day, { expertId: e1 });
    await times(onB, query(w, day)); // B caches the busy time of both experts
    const full = await times(onB, onlyE1);
    const otherTimes = await times(otherOnB, query(other, day));
    const unrelated = [other.roomIds[0]!, other.experts[0]!.id];
    const cleared = { busy: busyOnB.stats.cleared, answers: answersOnB.stats.cleared };
    /** B still answers the other point from its cache, and still holds the unrelated holders' busy time. */
    const unrelatedSurvives = async () => {
      for (const id of unrelated) expect(busyOnB.has(id, noon)).toBe(true);
      const { hits, loads } = answersOnB.stats;
      expect(await times(otherOnB, query(other, day))).toEqual(otherTimes);
      expect(answersOnB.stats).toMatchObject({ hits: hits + 1, loads });
    };
    const minus = (...taken: string[]) => full.filter((x) => !taken.includes(x));

    let heard = heardOnB();
    const made = await onA.post('/api/bookings', bookingBody(w, startAt(day, '10:00'), { expertId: e1 }));
    expect(made.statusCode).toBe(201);
    await heard;
    const room = made.json().roomId as string;
    expect([...busyOnB.lastDropped].sort()).toEqual([room, e1].sort());
    expect(busyOnB.has(room === r1 ? r2 : r1, noon)).toBe(true); // the other room of the same point
    expect(busyOnB.has(e2, noon)).toBe(true); // the other expert of the same agency
    await unrelatedSurvives();
    expect(await times(onB, onlyE1)).toEqual(minus('09:45', '10:00', '10:15'));

    // Moved to expert 2, a week later: B forgets both places, so day's answer is whole again and the later one not.
    const later = workingDayAhead(19);
    const onlyE2Later = query(w, later, { expertId: e2 });
    const fullLater = await times(onB, onlyE2Later);
    heard = heardOnB();
    const moved = await onA.patch(`/api/bookings/${made.json().id}`, { start: startAt(later, '13:00'), expertId: e2 });
    expect(moved.statusCode).toBe(200);
    await heard;
    expect([...busyOnB.lastDropped].sort()).toEqual([...new Set([room, e1, moved.json().roomId as string, e2])].sort());
    await unrelatedSurvives();
    expect(await times(onB, onlyE1)).toEqual(full);
    expect(await times(onB, onlyE2Later)).toEqual(fullLater.filter((x) => !['12:45', '13:00', '13:15'].includes(x)));

    heard = heardOnB();
    expect((await onA.post(`/api/bookings/${made.json().id}/cancel`, { reason: 'Asiakas perui' })).statusCode).toBe(200);
    await heard;
    await unrelatedSurvives();
    expect(await times(onB, onlyE2Later)).toEqual(fullLater);
    expect(await times(onB, onlyE1)).toEqual(full);
    expect(busyOnB.stats.cleared).toBe(cleared.busy);
    expect(answersOnB.stats.cleared).toBe(cleared.answers);
  });
});
