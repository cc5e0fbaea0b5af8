import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt, totpStep } from './totp.js';
import { type TestApp, createTestApp, signIn } from '../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../test/helpers/databases.js';

describe.each(testDatabaseKinds)('sign-in on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: true, config: { loginFreeFailures: 3 } });
  });
  afterAll(() => t.close());

  it('signs in with the demo password, sets an HttpOnly cookie and returns the roles', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'neuvoja1@porvoo.demo', password: 'Etapiste-demo-2025' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'etapiste_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.csrfToken).toMatch(/.{20,}/);
    expect(body.user.roles).toEqual([expect.objectContaining({ role: 'advisor', servicePointId: expect.any(String) })]);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { etapiste_session: cookie.value } });
    expect(me.json()).toMatchObject({ email: 'neuvoja1@porvoo.demo', name: 'Anna Lindholm' });
  });

  it('tells a page nobody is signed in with 204 (no error logged), and a signed-in page its session', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect([anonymous.statusCode, anonymous.body]).toEqual([204, '']);
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const c = await signIn(t.app, 'neuvoja1@porvoo.demo');
    const session = await c.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ csrfToken: expect.any(String), user: { email: 'neuvoja1@porvoo.demo' } });
  });

  it('answers a wrong password with 401 problem+json and audits the failure', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'neuvoja2@porvoo.demo', password: 'wrong-password' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
    const auditor = await signIn(t.app, 'tarkastaja@vm.demo');
    const events = (await auditor.get('/api/audit-events?action=auth.login')).json().events as { outcome: string; details: { reason?: string } }[];
    expect(events.some((e) => e.outcome === 'failure' && e.details.reason === 'bad-password')).toBe(true);
  });

  it('throttles after repeated failures, even for the right password (details: sign-in-throttling.test.ts)', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'neuvoja3@porvoo.demo', password: 'nope-nope' } });
      expect(r.statusCode).toBe(401);
    }
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'neuvoja3@porvoo.demo', password: 'Etapiste-demo-2025' } });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('auth.locked');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const c = await signIn(t.app, 'asiantuntija@vero.demo');
    const res = await c.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
    expect((await c.get('/api/me')).statusCode).toBe(200);
  });

  it('enrols TOTP and then requires a valid, unused code', async () => {
    const c = await signIn(t.app, 'asiantuntija@kela.demo');
    const setup = (await c.post('/api/me/mfa/setup')).json() as { secret: string; qrDataUrl: string };
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const code = totpAt(setup.secret, totpStep(Date.now()));
    expect((await c.post('/api/me/mfa/confirm', { code })).statusCode).toBe(200);
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'asiantuntija@kela.demo', password: 'Etapiste-demo-2025' } });
    expect(without.json().code).toBe('auth.totp_required');
    // The code used at confirmation cannot be replayed.
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'asiantuntija@kela.demo', password: 'Etapiste-demo-2025', totp: code } });
    expect(replay.json().code).toBe('auth.totp_invalid');
    const next = totpAt(setup.secret, totpStep(Date.now()) + 1);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'asiantuntija@kela.demo', password: 'Etapiste-demo-2025', totp: next } });
    expect(ok.statusCode).toBe(200);
  });

  it('rejects malformed JSON, unknown fields and oversized bodies with problem+json', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.fi', password: 'x', admin: true } });
    expect(unknown.statusCode).toBe(422);
    const big = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.fi', password: 'x'.repeat(2_000_000) } });
    expect(big.statusCode).toBe(413);
  });

  it('keeps the audit chain verifiable', async () => {
    const auditor = await signIn(t.app, 'tarkastaja@vm.demo');
    const res = (await auditor.get('/api/audit-events/verify')).json();
    expect(res.ok).toBe(true);
    expect(res.checked).toBeGreaterThan(3);
  });
});
