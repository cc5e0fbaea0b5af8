import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DEMO_PASSWORD, type TestApp, createTestApp, postgresInstance, signIn } from '../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../test/helpers/databases.js';
import { sessions, users } from '../db/schema/index.js';
import { type PostgresBus } from '../realtime/postgres-bus.js';
import { authChanged, sessionCacheFor } from './session-cache.js';
import { hashToken } from './tokens.js';

// The cache kept as long as the configuration allows: a refusal seen in these tests comes from the invalidation.
const config = { sessionCacheSeconds: 30, loginRatePerMinute: 1000 };

const userIdOf = async (t: TestApp, email: string) => (await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const orgIds = async (admin: Client) => Object.fromEntries(((await admin.get('/api/organisations')).json() as { id: string; shortName: { fi: string } }[]).map((o) => [o.shortName.fi, o.id]));

describe.each(testDatabaseKinds)('the session cache on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: true, config });
    admin = await signIn(t.app, 'paakayttaja@vm.demo');
  });
  afterAll(() => t.close());

  it('answers a signed-in request without reading the session again (a row deleted behind its back is still served)', async () => {
    const expert = await signIn(t.app, 'asiantuntija@dvv.demo');
    expect((await expert.get('/api/me')).statusCode).toBe(200);
    // Deleted in SQL, bypassing the app: nothing told the cache, so it still answers (until its TTL or an event).
    await t.ctx.db.delete(sessions).where(eq(sessions.idHash, hashToken(expert.cookie)));
    expect((await expert.get('/api/me')).statusCode).toBe(200);
    // The published event is what ends it.
    await authChanged(t.ctx, { userId: expert.userId });
    expect((await expert.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses at once after sign-out, deactivation, MFA reset and a removed role', async () => {
    const a = await signIn(t.app, 'neuvoja1@porvoo.demo');
    const other = await signIn(t.app, 'neuvoja1@porvoo.demo');
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/me')).statusCode).toBe(401);
    expect((await other.get('/api/me')).statusCode).toBe(200);

    const b = await signIn(t.app, 'neuvoja2@porvoo.demo');
    expect((await b.get('/api/me')).statusCode).toBe(200);
    expect((await admin.post(`/api/users/${b.userId}/deactivate`)).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);

    const c = await signIn(t.app, 'neuvoja3@porvoo.demo');
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await admin.post(`/api/users/${c.userId}/mfa/reset`)).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);

    const booker = await signIn(t.app, 'varaaja@kela.demo');
    expect((await booker.get('/api/me')).json().roles).toEqual([expect.objectContaining({ role: 'agency-booker' })]);
    const org = await orgIds(admin);
    expect((await admin.put(`/api/users/${booker.userId}/roles`, { roles: [{ role: 'expert', organisationId: org.Kela }] })).statusCode).toBe(200);
    expect((await booker.get('/api/me')).json().roles).toEqual([expect.objectContaining({ role: 'expert' })]);
  });

  it('writes last-seen times in one batch, not per request', async () => {
    const user = await signIn(t.app, 'asiantuntija@kela.demo');
    const idHash = hashToken(user.cookie);
    const old = new Date(Date.now() - 5 * 60_000);
    await t.ctx.db.update(sessions).set({ lastSeenAt: old }).where(eq(sessions.idHash, idHash));
    await authChanged(t.ctx, { userId: user.userId });
    expect((await user.get('/api/me')).statusCode).toBe(200);
    const lastSeen = async () => (await t.ctx.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.idHash, idHash)))[0]!.at.getTime();
    // Recorded in memory, not yet written: the request did not wait for an UPDATE.
    expect(await lastSeen()).toBe(old.getTime());
    await sessionCacheFor(t.ctx).flush();
    expect(await lastSeen()).toBeGreaterThan(old.getTime() + 4 * 60_000);
    // An idle session whose cached copy is older than the idle limit ends.
    await t.ctx.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '2 days' WHERE id_hash = ${idHash}`);
    await authChanged(t.ctx, { userId: user.userId });
    expect((await user.get('/api/me')).statusCode).toBe(401);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('the session cache across two app instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await postgresInstance(undefined, { seed: true, config });
    b = await postgresInstance(a, { config });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** B's answer after A's write was acknowledged: the invalidation, not the 30 s TTL, must end the session. */
  async function refusedOnB(client: Pick<Client, 'get'>, url = '/api/me') {
    const started = Date.now();
    await expect.poll(async () => (await client.get(url)).statusCode, { timeout: 10_000, interval: 5 }).toBe(401);
    return Date.now() - started;
  }

  it('a session revoked or a role removed on A is refused on B right after the write is acknowledged', async () => {
    const adminOnA = await signIn(a.app, 'paakayttaja@vm.demo');

    // Deactivation on A; the advisor's session is cached on B.
    const advisor = await signIn(b.app, 'neuvoja1@porvoo.demo');
    expect((await advisor.get('/api/me')).statusCode).toBe(200);
    expect((await adminOnA.post(`/api/users/${advisor.userId}/deactivate`)).statusCode).toBe(200);
    const first = (await advisor.get('/api/me')).statusCode;
    const waited = await refusedOnB(advisor);
    console.log(`session cache: deactivation on A → refused on B; first request after the ack: ${first}, refused after ${waited} ms`);

    // Sign-out on A of a session that B has cached (the same cookie used on both instances).
    const expert = await sessionOn(b, 'asiantuntija@vero.demo');
    expect((await expert(b).get('/api/me')).statusCode).toBe(200);
    expect((await expert(a).post('/api/auth/logout')).statusCode).toBe(200);
    await refusedOnB(expert(b));

    // A role removed on A: B answers with the new roles, and the booker's action is refused.
    const booker = await signIn(b.app, 'varaaja@kela.demo');
    expect((await booker.get('/api/me')).json().roles).toEqual([expect.objectContaining({ role: 'agency-booker' })]);
    expect((await adminOnA.put(`/api/users/${booker.userId}/roles`, { roles: [] })).statusCode).toBe(200);
    await expect.poll(async () => (await booker.get('/api/me')).json().roles, { timeout: 10_000, interval: 5 }).toEqual([]);
    // MFA reset on A ends the sessions cached on B.
    const other = await signIn(b.app, 'asiantuntija@dvv.demo');
    expect((await other.get('/api/me')).statusCode).toBe(200);
    expect((await adminOnA.post(`/api/users/${await userIdOf(a, 'asiantuntija@dvv.demo')}/mfa/reset`)).statusCode).toBe(200);
    await refusedOnB(other);
  });

  it('while B cannot hear A, B reads every session (nothing is served from its cache)', async () => {
    const expert = await signIn(b.app, 'asiantuntija@kela.demo');
    expect((await expert.get('/api/me')).statusCode).toBe(200);
    const bus = b.ctx.bus as PostgresBus;
    // As when its LISTEN connection is lost: events published meanwhile would never reach B.
    Object.defineProperty(bus, 'listening', { configurable: true, get: () => false });
    try {
      await a.ctx.db.delete(sessions).where(eq(sessions.idHash, hashToken(expert.cookie)));
      expect((await expert.get('/api/me')).statusCode).toBe(401);
    } finally {
      delete (bus as { listening?: boolean }).listening;
    }
    expect(bus.listening).toBe(true);
  });
});

/** One session used through either instance (the same cookie and CSRF token), as a browser behind a load balancer. */
async function sessionOn(first: TestApp, email: string) {
  const res = await first.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'etapiste_session')!.value;
  const { csrfToken } = res.json() as { csrfToken: string };
  return (t: TestApp) => ({
    get: (url: string) => t.app.inject({ method: 'GET', url, cookies: { etapiste_session: cookie } }),
    post: (url: string) => t.app.inject({ method: 'POST', url, cookies: { etapiste_session: cookie }, headers: { 'x-csrf-token': csrfToken } }),
  });
}
