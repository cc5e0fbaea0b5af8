import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { bookingBody, bookingWorld, createInterpreter, workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { workingExceptions } from '../../db/schema/index.js';
import { zonedInstant } from '../scheduling/time.js';
import { checkStart, chooseFromCaches, chooseSlot } from './check-start.js';

const at = (day: string, time: string) => zonedInstant(day, time, 'Europe/Helsinki');
const times = (from: number, to: number) =>
  Array.from({ length: (to - from) * 4 }, (_, i) => `${String(from + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

// Booking chooses in Node from the instance's caches first (chooseFromCaches) and in SQL after a refusal
// (chooseSlot): both must give every start the same room, expert and interpreter, or both none.
describe.each(testDatabaseKinds)('the choice from the caches and the SQL choice on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('agree on every start of a day, as bookings fill it', async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 2, expertCount: 4 });
    const language = 'smn';
    const first = await createInterpreter(t.ctx.db, [language]);
    await createInterpreter(t.ctx.db, [language]);
    const day = workingDayAhead(19);
    await t.ctx.db.insert(workingExceptions).values([
      { resourceKind: 'expert', resourceId: w.experts[2]!.id, day, starts: '12:00', ends: '16:00' },
      { resourceKind: 'expert', resourceId: w.experts[3]!.id, day, reason: 'off' },
      { resourceKind: 'interpreter', resourceId: first.id, day, starts: '08:00', ends: '11:00' },
    ]);
    const advisor = await signIn(t.app, w.advisor.email);
    const variants: Record<string, string>[] = [{}, { interpretingLanguage: language }, { expertId: w.experts[1]!.id }, { expertId: w.experts[2]!.id }];
    const compare = async () => {
      let chosen = 0;
      for (const time of times(8, 17)) {
        for (const extra of variants) {
          const request = { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, start: at(day, time), language: 'fi', ...extra };
          const checked = await checkStart(t.ctx, request).catch(() => undefined);
          if (!checked) continue;
          const fromCaches = await chooseFromCaches(t.ctx, checked.query);
          const fromSql = await chooseSlot(t.ctx, checked.query).catch(() => undefined);
          expect(fromCaches, `${time} ${JSON.stringify(extra)}`).toEqual(fromSql);
          if (fromSql) chosen++;
        }
      }
      return chosen;
    };
    const freeAtFirst = await compare();
    expect(freeAtFirst).toBeGreaterThan(20);
    // Fill part of the day (loads differ, some rooms and experts taken) and compare again.
    for (const [time, extra] of [['10:00', {}], ['10:00', {}], ['12:30', { interpretingLanguage: language }], ['09:15', {}], ['14:00', { expertId: w.experts[1]!.id }], ['13:00', {}], ['13:00', {}]] as const) {
      const res = await advisor.post('/api/bookings', bookingBody(w, at(day, time).toISOString(), extra));
      expect(res.statusCode, res.body).toBe(201);
    }
    const freeAfter = await compare();
    expect(freeAfter).toBeGreaterThan(0);
    expect(freeAfter).toBeLessThan(freeAtFirst);
  });
});
