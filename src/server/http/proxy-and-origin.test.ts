import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../test/helpers/databases.js';
import { auditEvents } from '../db/schema/index.js';

const forged = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });

describe.each(testDatabaseKinds)('client address and origin on %s', (kind) => {
  describe('TRUST_PROXY off (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { seed: true, config: { publicUrl: 'https://etapiste.example.fi' } });
    });
    afterAll(() => t.close());

    it('keys the login limit on the real address: 35 attempts with changing X-Forwarded-For end in 429', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: forged(i), payload: { email: `u${i}@example.fi`, password: 'not-it-at-all' } });
        statuses.push(r.statusCode);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
      // The audit log holds the connection's address, not the header's.
      const rows = await t.ctx.db.select({ ip: auditEvents.ip }).from(auditEvents).where(eq(auditEvents.action, 'auth.login')).orderBy(asc(auditEvents.id));
      expect(new Set(rows.map((r) => r.ip))).toEqual(new Set(['127.0.0.1']));
    });

    it('keys the pairing-code limit on the real address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push((await t.app.inject({ method: 'POST', url: '/api/terminal/pair', headers: forged(i), payload: { code: '9999-9999' } })).statusCode);
      }
      expect(statuses).toContain(429);
    });
  });

  describe('TRUST_PROXY set', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { seed: true, config: { trustProxy: ['127.0.0.1'], loginFreeFailures: 100 } });
    });
    afterAll(() => t.close());

    it("believes the trusted proxy's X-Forwarded-For: limits and audit use the client's address", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: forged(i), payload: { email: 'nobody@example.fi', password: 'not-it-at-all' } });
        statuses.push(r.statusCode);
      }
      expect(new Set(statuses)).toEqual(new Set([401]));
      const rows = await t.ctx.db.select({ ip: auditEvents.ip }).from(auditEvents).where(eq(auditEvents.action, 'auth.login')).orderBy(asc(auditEvents.id));
      expect(rows.map((r) => r.ip)).toContain('203.0.113.34');
    });

    it('does not believe a header from an address that is not the proxy', async () => {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '198.51.100.5', headers: forged(99), payload: { email: 'x@example.fi', password: 'not-it-at-all' } });
      const rows = await t.ctx.db.select({ ip: auditEvents.ip }).from(auditEvents).where(eq(auditEvents.action, 'auth.login')).orderBy(asc(auditEvents.id));
      expect(rows.map((r) => r.ip)).toContain('198.51.100.5');
      expect(rows.map((r) => r.ip)).not.toContain('203.0.113.99');
    });

    it("takes the expected origin from the trusted proxy's X-Forwarded-Host/-Proto", async () => {
      const c = await signIn(t.app, 'neuvoja1@porvoo.demo');
      const proxied = { 'x-forwarded-host': 'etapiste.example.fi', 'x-forwarded-proto': 'https', origin: 'https://etapiste.example.fi' };
      expect((await c.request({ method: 'PATCH', url: '/api/me/preferences', headers: proxied, payload: { preferredLanguage: 'sv' } })).statusCode).toBe(200);
      const other = { ...proxied, origin: 'https://evil.example' };
      expect((await c.request({ method: 'PATCH', url: '/api/me/preferences', headers: other, payload: { preferredLanguage: 'sv' } })).statusCode).toBe(403);
    });
  });

  describe('Origin and Sec-Fetch-Site on writes', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { seed: true, config: { publicUrl: 'https://etapiste.example.fi' } });
    });
    afterAll(() => t.close());

    const write = async (headers: Record<string, string>) => {
      const c = await signIn(t.app, 'neuvoja2@porvoo.demo');
      return c.request({ method: 'PATCH', url: '/api/me/preferences', headers, payload: { preferredLanguage: 'fi' } });
    };

    it('refuses a foreign origin even with a valid CSRF token', async () => {
      for (const headers of <Record<string, string>[]>[
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: 'http://etapiste.example.fi' },
        { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
        { 'sec-fetch-site': 'same-site' },
        { 'sec-fetch-site': 'cross-site' },
      ]) {
        const r = await write(headers);
        expect(r.statusCode, JSON.stringify(headers)).toBe(403);
        expect(r.json().code).toBe('auth.cross_origin');
      }
    });

    it("accepts PUBLIC_URL's origin, the request's own, a browser's same-origin, and clients that send neither", async () => {
      for (const headers of <Record<string, string>[]>[
        {},
        { origin: 'https://etapiste.example.fi' },
        { origin: 'http://localhost:80' },
        { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:5173' },
        { 'sec-fetch-site': 'same-origin' },
      ]) {
        expect((await write(headers)).statusCode, JSON.stringify(headers)).toBe(200);
      }
    });

    it('refuses a sign-in posted from another site (login CSRF), and leaves bearer clients alone', async () => {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        payload: { email: 'neuvoja1@porvoo.demo', password: 'Etapiste-demo-2025' },
      });
      expect(login.statusCode).toBe(403);
      const press = await t.app.inject({ method: 'POST', url: '/api/terminal/call', headers: { authorization: 'Bearer nope', origin: 'https://evil.example' } });
      expect(press.statusCode).toBe(401);
    });
  });
});
