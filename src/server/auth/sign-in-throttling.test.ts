import { and, asc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp, createTestApp } from '../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../test/helpers/databases.js';
import { auditEvents } from '../db/schema/index.js';
import { DEVICE_COOKIE } from './login-throttle.js';

/** What a client can observe of an answer: status, code, Retry-After, and the message shown. */
const observed = (r: LightMyRequestResponse) => ({
  status: r.statusCode,
  code: r.json().code as string | undefined,
  retryAfter: r.headers['retry-after'],
  detail: r.json().detail as string | undefined,
});

describe.each(testDatabaseKinds)('sign-in throttling on %s', (kind) => {
  let t: TestApp;
  let now = Date.parse('2026-03-02T08:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind, {
      seed: true,
      clock: () => now,
      config: { loginFreeFailures: 3, loginAddressFreeFailures: 8, loginDelaySeconds: 2, loginMaxDelaySeconds: 60, loginRatePerMinute: 1000 },
    });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, opts: { ip?: string; device?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: opts.ip ?? '192.0.2.1',
      payload: { email, password },
      ...(opts.device ? { cookies: { [DEVICE_COOKIE]: opts.device } } : {}),
    });

  it('answers a known and an unknown address alike, failure after failure', async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(observed(await login('neuvoja1@porvoo.demo', 'wrong-password', { ip: '192.0.2.10' })));
      unknown.push(observed(await login('ei-ole@porvoo.demo', 'wrong-password', { ip: '192.0.2.11' })));
    }
    expect(known).toEqual(unknown);
    expect(known.map((k) => (k as { status: number }).status)).toEqual([401, 401, 401, 429, 429, 429]);
    expect(known[3]).toMatchObject({ code: 'auth.locked', retryAfter: '2' });
    // Audited as throttled for both (the known one with its user).
    const throttled = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.login'), eq(auditEvents.outcome, 'failure'))).orderBy(asc(auditEvents.id));
    expect(throttled.filter((e) => (e.details as { reason?: string }).reason === 'throttled')).toHaveLength(6);
  });

  it('doubles the wait per failure, and the right password after the wait signs in', async () => {
    const waits: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await login('neuvoja2@porvoo.demo', 'wrong-password', { ip: `198.51.100.${i}` });
      if (r.statusCode === 429) {
        waits.push(r.headers['retry-after'] as string);
        now += Number(r.headers['retry-after']) * 1000;
        expect((await login('neuvoja2@porvoo.demo', 'wrong-password', { ip: `198.51.100.${i}` })).statusCode).toBe(401);
      }
    }
    expect(waits).toEqual(['2', '4', '8']);
    const early = await login('neuvoja2@porvoo.demo', DEMO_PASSWORD, { ip: '192.0.2.20' });
    expect(observed(early)).toMatchObject({ status: 429, retryAfter: '16' });
    now += 16_000;
    expect((await login('neuvoja2@porvoo.demo', DEMO_PASSWORD, { ip: '192.0.2.20' })).statusCode).toBe(200);
    // A success starts the account's count over.
    expect((await login('neuvoja2@porvoo.demo', 'wrong-password', { ip: '192.0.2.21' })).statusCode).toBe(401);
  });

  it("a stranger's failures do not keep the advisor out of the desk where they signed in before", async () => {
    const desk = await login('neuvoja3@porvoo.demo', DEMO_PASSWORD, { ip: '192.0.2.30' });
    const device = desk.cookies.find((c) => c.name === DEVICE_COOKIE)!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/login' });
    for (let i = 0; i < 10; i++) await login('neuvoja3@porvoo.demo', `guess-${i}`, { ip: `203.0.113.${i}` });
    expect((await login('neuvoja3@porvoo.demo', DEMO_PASSWORD, { ip: '192.0.2.31' })).statusCode).toBe(429);
    expect((await login('neuvoja3@porvoo.demo', DEMO_PASSWORD, { ip: '192.0.2.30', device: device.value })).statusCode).toBe(200);
    // The cookie proves nothing for another account.
    for (let i = 0; i < 4; i++) await login('asiantuntija@vero.demo', `guess-${i}`, { ip: `203.0.113.${50 + i}` });
    expect((await login('asiantuntija@vero.demo', DEMO_PASSWORD, { ip: '192.0.2.30', device: device.value })).statusCode).toBe(429);
  });

  it('slows one address trying many e-mail addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(`arvaus${i}@porvoo.demo`, 'x-password', { ip: '203.0.113.200' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429, 429]);
    expect((await login('asiantuntija@kela.demo', DEMO_PASSWORD, { ip: '203.0.113.201' })).statusCode).toBe(200);
  });
});
