import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { bookingWorld } from '../../../../test/helpers/scheduling.js';

describe.each(testDatabaseKinds)('closed days of a service point on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
  });
  afterAll(() => t.close());

  it('names the public holidays in fi, sv and en and the admins’ closures, day by day', async () => {
    const w = await bookingWorld(t.ctx.db);
    const advisor = await signIn(t.app, w.advisor.email);
    expect((await advisor.post(`/api/service-points/${w.point.id}/closures`, { startsOn: '2027-12-01', endsOn: '2027-12-02', reason: 'Remontti' })).statusCode).toBe(201);
    const res = await advisor.get(`/api/service-points/${w.point.id}/closed-days?from=2027-12-01&to=2027-12-31`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { date: '2027-12-01', kind: 'closure', name: { fi: 'Remontti', sv: 'Remontti', en: 'Remontti' } },
      { date: '2027-12-02', kind: 'closure', name: { fi: 'Remontti', sv: 'Remontti', en: 'Remontti' } },
      { date: '2027-12-06', kind: 'holiday', name: { fi: 'itsenäisyyspäivä', sv: 'självständighetsdagen', en: 'Independence Day' } },
      { date: '2027-12-24', kind: 'holiday', name: { fi: 'jouluaatto', sv: 'julafton', en: 'Christmas Eve' } },
      { date: '2027-12-25', kind: 'holiday', name: { fi: 'joulupäivä', sv: 'juldagen', en: 'Christmas Day' } },
      { date: '2027-12-26', kind: 'holiday', name: { fi: 'tapaninpäivä', sv: 'annandag jul', en: 'Boxing Day' } },
    ]);
    // A range backwards, or longer than a year and a bit, is refused; an unknown point is 404.
    expect((await advisor.get(`/api/service-points/${w.point.id}/closed-days?from=2027-12-31&to=2027-12-01`)).statusCode).toBe(422);
    expect((await advisor.get(`/api/service-points/${w.point.id}/closed-days?from=2027-01-01&to=2029-01-01`)).statusCode).toBe(422);
    expect((await advisor.get('/api/service-points/00000000-0000-4000-8000-000000000000/closed-days?from=2027-12-01&to=2027-12-02')).statusCode).toBe(404);
  });
});
