import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { bookingWorld, createInterpreter, workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { findAvailability } from './find-availability.js';
import { holidayOn } from './holidays.js';
import { addDays, weekdayOf, zonedInstant } from './time.js';

/** The last Sunday of the month in that year: the day Finland changes clocks in March and October. */
function lastSunday(year: number, month: number): string {
  let d = `${year}-${String(month).padStart(2, '0')}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`;
  while (weekdayOf(d) !== 7) d = addDays(d, -1);
  return d;
}

describe.each(testDatabaseKinds)('availability on %s', (kind) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof bookingWorld>>;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { bookingHorizonDays: 730 } });
    w = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 2 });
  });
  afterAll(() => t.close());

  const q = (from: string, to = from, extra: Record<string, string> = {}) => ({
    servicePointId: w.point.id,
    agencyId: w.agency.id,
    serviceId: w.service.id,
    from,
    to,
    ...extra,
  });

  it('lists 30-minute slots every 15 minutes inside 09:00–15:00 Helsinki time, with offsets', async () => {
    const day = workingDayAhead(10);
    const advisor = await signIn(t.app, w.advisor.email);
    const res = await advisor.get(`/api/availability?${new URLSearchParams(q(day))}`);
    expect(res.statusCode).toBe(200);
    const slots = res.json().slots as { start: string; end: string; roomId: string; expertId: string }[];
    expect(slots).toHaveLength(23); // 09:00 … 14:30
    expect(slots[0]!.start).toMatch(new RegExp(`^${day}T09:00:00\\+0[23]:00$`));
    expect(slots.at(-1)!.end).toMatch(new RegExp(`^${day}T15:00:00\\+0[23]:00$`));
    expect(w.roomIds).toContain(slots[0]!.roomId);
  });

  it('starts at 09:00 local on both sides of both DST changes', async () => {
    const year = new Date().getUTCFullYear() + 1;
    for (const sunday of [lastSunday(year, 3), lastSunday(year, 10)]) {
      // The working days just before and after the change (Easter can take the Friday and Monday).
      let before = addDays(sunday, -2);
      while (holidayOn(before)) before = addDays(before, -1);
      let after = addDays(sunday, 1);
      while (holidayOn(after)) after = addDays(after, 1);
      const { slots } = await findAvailability(t.ctx, q(before, after));
      const first = (day: string) => slots.find((s) => s.start >= zonedInstant(day, '00:00', 'Europe/Helsinki').getTime())!;
      const local = (ms: number) => new Date(ms).toLocaleTimeString('fi-FI', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit' });
      expect(local(first(before).start)).toBe('09.00');
      expect(local(first(after).start)).toBe('09.00');
      // The UTC hour differs across the change, the local hour does not.
      expect(new Date(first(before).start).getUTCHours()).not.toBe(new Date(first(after).start).getUTCHours());
    }
  });

  it('offers nothing on weekends, Christmas Eve, Christmas, Boxing Day, New Year and Epiphany', async () => {
    const now = new Date();
    const year = now.getUTCMonth() === 11 && now.getUTCDate() > 20 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
    const { slots } = await findAvailability(t.ctx, q(`${year}-12-22`, `${year + 1}-01-07`));
    const days = new Set(slots.map((s) => new Date(s.start).toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' })));
    for (const closed of [`${year}-12-24`, `${year}-12-25`, `${year}-12-26`, `${year + 1}-01-01`, `${year + 1}-01-06`]) expect(days.has(closed), closed).toBe(false);
    for (const d of days) expect(weekdayOf(d)).toBeLessThanOrEqual(5);
    expect(days.size).toBeGreaterThan(3);
  });

  it('honours admin closures', async () => {
    const day = workingDayAhead(20);
    const admin = await signIn(t.app, w.advisor.email);
    const res = await admin.post(`/api/service-points/${w.point.id}/closures`, { startsOn: day, endsOn: day, reason: 'Henkilöstökoulutus' });
    expect(res.statusCode).toBe(201);
    expect((await findAvailability(t.ctx, q(day))).slots).toHaveLength(0);
    expect((await findAvailability(t.ctx, q(addDays(day, 1)))).slots.length + (await findAvailability(t.ctx, q(addDays(day, 3)))).slots.length).toBeGreaterThan(0);
  });

  it('keeps the minimum notice and the booking horizon', async () => {
    const day = workingDayAhead(14, 3);
    const tenOClock = zonedInstant(day, '10:00', 'Europe/Helsinki');
    const { slots } = await findAvailability(t.ctx, q(day), tenOClock);
    expect(new Date(slots[0]!.start).getTime()).toBeGreaterThanOrEqual(tenOClock.getTime() + 60 * 60_000);
    const farNow = new Date(zonedInstant(day, '09:00', 'Europe/Helsinki').getTime() - 731 * 86_400_000);
    expect((await findAvailability(t.ctx, q(day), farNow)).slots).toHaveLength(0);
  });

  it('with interpreting, offers only times an interpreter of that language works and is free', async () => {
    const interpreter = await createInterpreter(t.ctx.db, ['qab']);
    const day = workingDayAhead(15);
    const { slots } = await findAvailability(t.ctx, q(day, day, { interpretingLanguage: 'qab' }));
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.interpreterId === interpreter.id)).toBe(true);
    expect((await findAvailability(t.ctx, q(day, day, { interpretingLanguage: 'qac' }))).slots).toHaveLength(0);
  });

  it('rejects a range that is too long or reversed with 422', async () => {
    const advisor = await signIn(t.app, w.advisor.email);
    const long = await advisor.get(`/api/availability?${new URLSearchParams(q('2027-01-01', '2027-06-01'))}`);
    expect(long.statusCode).toBe(422);
    expect(long.json().code).toBe('availability.range_too_long');
    expect((await advisor.get(`/api/availability?${new URLSearchParams(q('2027-02-01', '2027-01-01'))}`)).statusCode).toBe(422);
  });
});
