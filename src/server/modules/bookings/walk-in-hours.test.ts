import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { assistanceWorld } from '../../../../test/helpers/assistance.js';
import { fixedHelsinkiClock } from '../../../../test/helpers/clock.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { openingHours } from '../../db/schema/index.js';
import { zonedInstant } from '../scheduling/time.js';

const helsinki = (date: string, time: string) => zonedInstant(date, time, 'Europe/Helsinki').toISOString();

// The factories' point is open Mon–Fri 9–15 (Helsinki). 2027-03-10 is a Wednesday; 2027-12-06 (Independence Day) a Monday.
describe.each(testDatabaseKinds)('the walk-in queue follows the point’s opening hours on %s', (kind) => {
  let t: TestApp;
  let clock = fixedHelsinkiClock('2027-03-10', '10:00');
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 }, now: () => clock() });
  });
  afterAll(() => t.close());

  it('takes a customer while the point is open, and refuses one after closing, at the weekend, on a holiday and a closure day, saying when it opens', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const advisor = await signIn(t.app, w.advisor.email);
    const admin = await signIn(t.app, w.admin.email);
    const queue = () => advisor.post('/api/walk-ins', { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, customerName: 'Kalle Kävijä', language: 'fi' });
    const waiting = async () => (await advisor.get(`/api/walk-ins?servicePointId=${w.point.id}`)).json().length;

    clock = fixedHelsinkiClock('2027-03-10', '10:00');
    expect((await queue()).statusCode).toBe(201);
    expect(await waiting()).toBe(1);

    const refusals: [string, string, string][] = [
      // [date, time, when it opens next]
      ['2027-03-10', '15:00', helsinki('2027-03-11', '09:00')], // closing time: closed
      ['2027-03-10', '08:59', helsinki('2027-03-10', '09:00')], // before opening: opens today
      ['2027-03-13', '11:00', helsinki('2027-03-15', '09:00')], // Saturday: opens Monday
      ['2027-12-06', '10:00', helsinki('2027-12-07', '09:00')], // Independence Day, a Monday
    ];
    for (const [date, time, opensAt] of refusals) {
      clock = fixedHelsinkiClock(date, time);
      const res = await queue();
      expect(res.statusCode, `${date} ${time}`).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'walk_in.point_closed', params: { opensAt } });
    }

    // An admin's closure over Wednesday and Thursday: closed on a weekday inside the weekly hours, opens on Friday.
    const closure = await admin.post(`/api/service-points/${w.point.id}/closures`, { startsOn: '2027-03-17', endsOn: '2027-03-18', reason: 'Muutto' });
    expect(closure.statusCode).toBe(201);
    clock = fixedHelsinkiClock('2027-03-17', '10:00');
    expect((await queue()).json()).toMatchObject({ code: 'walk_in.point_closed', params: { opensAt: helsinki('2027-03-19', '09:00') } });

    // Nobody was queued by the refusals.
    expect(await waiting()).toBe(1);
  });

  it('says the point has no opening ahead when it has no hours at all', async () => {
    const w = await assistanceWorld(t.ctx.db);
    await t.ctx.db.delete(openingHours).where(eq(openingHours.servicePointId, w.point.id));
    const advisor = await signIn(t.app, w.advisor.email);
    clock = fixedHelsinkiClock('2027-03-10', '10:00');
    const res = await advisor.post('/api/walk-ins', { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, customerName: 'Kalle Kävijä', language: 'fi' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('walk_in.point_closed_ahead');
  });
});
