import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/helpers/app.js';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { createOrganisation, createUser } from '../../../../test/helpers/factories.js';
import { CookieJar, type TestProvider, followProvider, signInThroughProvider, startTestProvider } from '../../../../test/helpers/oidc-provider.js';
import { auditEvents, userIdentities, users } from '../../db/schema/index.js';
import { sealTotpSecret } from '../totp-secret.js';
import { totpAt, totpStep } from '../totp.js';

const APP = 'http://etapiste.test';
const SECRET = 'test-client-secret-0123456789';
let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider({
    clients: [{ client_id: 'etapiste', client_secret: SECRET, redirect_uris: [`${APP}/api/auth/oidc/callback`], post_logout_redirect_uris: [`${APP}/login`] }],
    accounts: [{ sub: 'nobody', email: 'nobody@elsewhere.example', email_verified: true }],
  });
});
afterAll(() => provider?.close());

describe.each(testDatabaseKinds)('OpenID Connect sign-in on %s', (kind) => {
  let t: TestApp;
  let kelaId: string;
  const mail = (name: string) => `${name}.${kind}@kela.example`;

  beforeAll(async () => {
    const database = await openTestDatabase(kind);
    const kela = await createOrganisation(database.db);
    kelaId = kela.id;
    t = await createTestApp(kind, {
      database,
      config: { demo: false, publicUrl: APP, oidc: { issuer: provider.issuer, clientId: 'etapiste', clientSecret: SECRET, organisation: kela.shortName.fi, name: 'Kela' } },
    });
  });
  afterAll(() => t.close());

  const signIn = (sub: string, opts: Parameters<typeof signInThroughProvider>[4] = {}) => signInThroughProvider(t.app, provider, APP, sub, opts);

  const me = (session: string) => t.app.inject({ method: 'GET', url: '/api/me', cookies: { etapiste_session: session } });
  const lastAudit = async (action: string, outcome = 'success') =>
    (await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.outcome, outcome))).orderBy(desc(auditEvents.id)).limit(1))[0];

  async function kelaExpert(name: string, role: 'expert' | 'agency-admin' = 'expert') {
    const user = await createUser(t.ctx.db, { organisationId: kelaId, role, email: mail(name) });
    await provider.addAccount({ sub: `${kind}-${name}`, email: mail(name).toUpperCase(), email_verified: true, name: 'Kaisa Kela' });
    return user;
  }

  it('offers the provider configured by environment variables on the sign-in page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/providers' });
    expect(res.json()).toEqual({ providers: [{ id: 'env', name: 'Kela' }] });
  });

  it('asks for code, PKCE (S256), state and nonce at the provider', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/env/start' });
    // The flow's secrets stay in the browser, sealed, HttpOnly, sent back only to the callback's path.
    expect(start.cookies.find((c) => c.name === 'etapiste_oidc')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
    const url = new URL(start.headers.location as string);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'etapiste',
      redirect_uri: `${APP}/api/auth/oidc/callback`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.stringMatching(/^[\w-]{20,}$/),
      nonce: expect.stringMatching(/^[\w-]{20,}$/),
    });
  });

  it('links an existing account of the organisation by verified e-mail at the first sign-in, audited, then by subject', async () => {
    const user = await kelaExpert('linked');
    const first = await signIn(`${kind}-linked`);
    expect(first.location).toBe('/');
    expect((await me(first.session!)).json()).toMatchObject({ id: user.id, email: mail('linked'), mfaRequired: false });
    const linked = await lastAudit('auth.oidc_linked');
    expect(linked).toMatchObject({ targetId: user.id, actorType: 'system', details: { provider: 'env' } });
    expect(await t.ctx.db.select().from(userIdentities).where(eq(userIdentities.userId, user.id))).toEqual([
      expect.objectContaining({ issuer: provider.issuer, subject: `${kind}-linked` }),
    ]);
    expect(await lastAudit('auth.login')).toMatchObject({ targetId: user.id, details: { method: 'oidc', provider: 'env', mfa: false } });

    // The second sign-in finds the account by subject, even after the e-mail changed at the provider.
    await provider.addAccount({ sub: `${kind}-linked`, email: 'renamed@kela.example', email_verified: true });
    const second = await signIn(`${kind}-linked`);
    expect((await me(second.session!)).json()).toMatchObject({ id: user.id });
    expect((await lastAudit('auth.oidc_linked'))!.id).toBe(linked!.id);
  });

  it('refuses an unknown person, an unverified e-mail and an account of another organisation, creating nothing', async () => {
    const before = (await t.ctx.db.select().from(users)).length;
    const unknown = await signIn('nobody');
    expect(unknown.location).toBe('/login?oidcError=auth.oidc_no_account');
    expect(unknown.session).toBeUndefined();
    expect(await lastAudit('auth.login', 'failure')).toMatchObject({ details: { method: 'oidc', reason: 'unknown-account' } });

    await createUser(t.ctx.db, { organisationId: kelaId, role: 'expert', email: mail('unverified') });
    await provider.addAccount({ sub: `${kind}-unverified`, email: mail('unverified'), email_verified: false });
    expect((await signIn(`${kind}-unverified`)).location).toBe('/login?oidcError=auth.oidc_no_account');
    expect(await lastAudit('auth.login', 'failure')).toMatchObject({ details: { reason: 'email-unverified' } });

    const other = await createOrganisation(t.ctx.db);
    const stranger = await createUser(t.ctx.db, { organisationId: other.id, role: 'expert', email: mail('stranger') });
    await provider.addAccount({ sub: `${kind}-stranger`, email: mail('stranger'), email_verified: true });
    expect((await signIn(`${kind}-stranger`)).location).toBe('/login?oidcError=auth.oidc_no_account');
    expect(await lastAudit('auth.login', 'failure')).toMatchObject({ targetId: stranger.id, details: { reason: 'other-organisation' } });
    expect((await t.ctx.db.select().from(users)).length).toBe(before + 2);
    expect(await t.ctx.db.select().from(userIdentities).where(eq(userIdentities.userId, stranger.id))).toEqual([]);
  });

  it('refuses a deactivated account, linked or not', async () => {
    const user = await kelaExpert('leaver');
    expect((await signIn(`${kind}-leaver`)).session).toBeDefined();
    await t.ctx.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const refused = await signIn(`${kind}-leaver`);
    expect(refused.location).toBe('/login?oidcError=auth.oidc_inactive');
    expect(refused.session).toBeUndefined();
    expect(await lastAudit('auth.login', 'failure')).toMatchObject({ targetId: user.id, details: { reason: 'inactive' } });
  });

  it('refuses an answer whose nonce or state is not the flow’s own', async () => {
    await kelaExpert('tampered');
    const nonce = await signIn(`${kind}-tampered`, { tamper: (url) => url.searchParams.set('nonce', 'another-nonce-0123456789abcdef') });
    expect(nonce.location).toBe('/login?oidcError=auth.oidc_failed');
    expect(nonce.session).toBeUndefined();
    expect((await lastAudit('auth.login', 'failure'))!.details.reason).toMatch(/nonce/);

    const state = await signIn(`${kind}-tampered`, { tamper: (url) => url.searchParams.set('state', 'another-state-0123456789abcdef') });
    expect(state.location).toBe('/login?oidcError=auth.oidc_failed');
    expect((await lastAudit('auth.login', 'failure'))!.details.reason).toMatch(/OAUTH_INVALID_RESPONSE/);

    // A callback without the browser's flow cookie (another browser, or a forged link) signs nobody in.
    const stray = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=abc&state=def' });
    expect(stray.headers.location).toBe('/login?oidcError=auth.oidc_failed');
  });

  it('refuses ID tokens for another audience or from another issuer, and expired ones', async () => {
    await kelaExpert('checks');
    try {
      await provider.misbehave('audience');
      expect((await signIn(`${kind}-checks`)).location).toBe('/login?oidcError=auth.oidc_failed');
      expect((await lastAudit('auth.login', 'failure'))!.details.reason).toMatch(/aud/);
      await provider.misbehave('issuer');
      expect((await signIn(`${kind}-checks`)).location).toBe('/login?oidcError=auth.oidc_failed');
      expect((await lastAudit('auth.login', 'failure'))!.details.reason).toMatch(/iss/);
      await provider.misbehave(null);
      // The provider's clock runs two hours behind: its one-hour ID token has expired when it arrives.
      await provider.setClock(-2 * 3600);
      expect((await signIn(`${kind}-checks`)).location).toBe('/login?oidcError=auth.oidc_failed');
      expect((await lastAudit('auth.login', 'failure'))!.details.reason).toMatch(/TIMESTAMP|exp/);
    } finally {
      await provider.misbehave(null);
      await provider.setClock(0);
    }
    expect((await signIn(`${kind}-checks`)).location).toBe('/');
  });

  it('refuses a provider whose discovery document names another issuer', async () => {
    const localhost = provider.issuer.replace('127.0.0.1', 'localhost');
    const { identityProviderRepository } = await import('./repository.js');
    const row = await identityProviderRepository.create(t.ctx.db, { name: 'Wrong', issuer: localhost, clientId: 'etapiste', organisationIds: [kelaId] });
    const start = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/${row.id}/start` });
    expect(start.headers.location).toBe('/login?oidcError=auth.oidc_unavailable');
    await identityProviderRepository.update(t.ctx.db, row.id, { active: false });
  });

  it('picks up the provider’s new signing key after a key rotation', async () => {
    await kelaExpert('rotation');
    expect((await signIn(`${kind}-rotation`)).location).toBe('/');
    await provider.rotateKeys();
    // openid-client fetches the provider's keys again for an unknown key id once its copy is a minute old.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      const after = await signIn(`${kind}-rotation`);
      expect(after.location).toBe('/');
      expect(after.session).toBeDefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('meets an admin’s MFA requirement when amr shows multi-factor, and asks for enrolment when it does not', async () => {
    await kelaExpert('admin', 'agency-admin');
    const withMfa = await signIn(`${kind}-admin`, { amr: ['pwd', 'otp'] });
    expect((await me(withMfa.session!)).json()).toMatchObject({ mfaRequired: false });
    expect(await lastAudit('auth.login')).toMatchObject({ details: { mfa: 'provider' } });
    const byAcr = await signIn(`${kind}-admin`, { acr: 'https://refeds.org/profile/mfa' });
    expect((await me(byAcr.session!)).json()).toMatchObject({ mfaRequired: false });
    const passwordOnly = await signIn(`${kind}-admin`, { amr: ['pwd'] });
    expect((await me(passwordOnly.session!)).json()).toMatchObject({ mfaRequired: true });
  });

  it('asks an account using Etäpiste’s TOTP for its code unless the provider showed multi-factor', async () => {
    const user = await kelaExpert('totp', 'agency-admin');
    const secret = 'JBSWY3DPEHPK3PXP';
    await t.ctx.db.update(users).set({ mfaEnabled: true, mfaSecret: sealTotpSecret(t.ctx.config, user.id, secret) }).where(eq(users.id, user.id));

    const asked = await signIn(`${kind}-totp`, { amr: ['pwd'] });
    expect(asked.location).toBe('/login?oidc=totp');
    expect(asked.session).toBeUndefined();
    const pending = asked.cookies.find((c) => c.name === 'etapiste_oidc_mfa')!.value;
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/oidc/totp', payload: { totp: '000000' }, cookies: { etapiste_oidc_mfa: pending } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'auth.totp_invalid' });
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/oidc/totp', payload: { totp: totpAt(secret, totpStep(Date.now())) }, cookies: { etapiste_oidc_mfa: pending } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { id: user.id, mfaRequired: false } });
    expect(await lastAudit('auth.login')).toMatchObject({ targetId: user.id, details: { method: 'oidc', mfa: 'totp' } });
    const noCookie = await t.app.inject({ method: 'POST', url: '/api/auth/oidc/totp', payload: { totp: '123456' } });
    expect(noCookie.json()).toMatchObject({ status: 401, code: 'auth.oidc_expired' });

    const skipped = await signIn(`${kind}-totp`, { amr: ['mfa'] });
    expect(skipped.location).toBe('/');
    expect(skipped.session).toBeDefined();
  });

  it('signs out of Etäpiste and sends the browser to the provider to end its session too', async () => {
    await kelaExpert('logout');
    const jar = new CookieJar();
    const { session } = await signIn(`${kind}-logout`, { jar });
    const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/session', cookies: { etapiste_session: session! } })).json().csrfToken as string;
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { etapiste_session: session! }, headers: { 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(200);
    const redirectTo = new URL(out.json().redirectTo as string);
    expect(redirectTo.href.startsWith(`${provider.issuer}/session/end`)).toBe(true);
    expect(redirectTo.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/login`);
    expect(redirectTo.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await me(session!)).statusCode).toBe(401);

    // The provider accepts the hint and, once the person confirms, ends its session and returns to Etäpiste.
    const page = await fetch(redirectTo, { headers: { cookie: jar.header() } });
    jar.store(page);
    const html = await page.text();
    const action = /action="([^"]+)"/.exec(html)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const confirm = await fetch(new URL(action, provider.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    jar.store(confirm);
    expect((await followProvider(new URL(confirm.headers.get('location')!, provider.issuer).href, APP, jar)).href).toBe(`${APP}/login`);
  });
});
