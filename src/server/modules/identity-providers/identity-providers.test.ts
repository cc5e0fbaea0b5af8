import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { type TestProvider, signInThroughProvider, startTestProvider } from '../../../../test/helpers/oidc-provider.js';
import { randomBytes } from 'node:crypto';
import { activeProvider, issuerAllowed, resealClientSecrets } from '../../auth/oidc/providers.js';
import { identityProviderRepository } from '../../auth/oidc/repository.js';
import { testConfig } from '../../config.js';
import { auditEvents, identityProviders, organisations, users, shortNameIs } from '../../db/schema/index.js';

const APP = 'http://etapiste.test';
const SECRET = 'admin-configured-secret-42';
let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider({
    clients: [{ client_id: 'etapiste-admin', client_secret: SECRET, redirect_uris: [`${APP}/api/auth/oidc/callback`] }],
    accounts: [{ sub: 'first', email: 'first@kela.example', email_verified: true }],
  });
});
afterAll(() => provider?.close());

it('accepts an http:// issuer only outside production', () => {
  expect(issuerAllowed(testConfig(), 'http://127.0.0.1:9999')).toBe(true);
  expect(issuerAllowed(testConfig({ production: true }), 'http://127.0.0.1:9999')).toBe(false);
  expect(issuerAllowed(testConfig({ production: true }), 'https://login.kela.fi')).toBe(true);
});

describe.each(testDatabaseKinds)('identity providers configured by the main admin on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let kelaId: string;
  let providerId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { seed: true, config: { publicUrl: APP } });
    admin = await signIn(t.app, 'paakayttaja@vm.demo');
    kelaId = (await t.ctx.db.select().from(organisations).where(shortNameIs('Kela')))[0]!.id;
  });
  afterAll(() => t.close());

  const input = () => ({
    name: 'Kela (Virtu)',
    issuer: provider.issuer,
    clientId: 'etapiste-admin',
    clientSecret: SECRET,
    organisationIds: [kelaId],
    emailDomains: ['Kela.example'],
    allowCreate: true,
    groupClaim: 'groups',
    groupRoles: { 'kela-experts': 'expert' },
    active: true,
  });

  it('is the main admin’s alone', async () => {
    const agencyAdmin = await signIn(t.app, 'admin@kela.demo');
    expect((await agencyAdmin.get('/api/identity-providers')).statusCode).toBe(403);
    expect((await agencyAdmin.post('/api/identity-providers', input())).statusCode).toBe(403);
    expect(await t.ctx.db.select().from(identityProviders)).toEqual([]);
  });

  it('refuses rules the form cannot show: creation into several organisations, unknown organisations, bad domains', async () => {
    const porvoo = (await t.ctx.db.select().from(organisations).where(shortNameIs('Porvoo')))[0]!.id;
    const several = await admin.post('/api/identity-providers', { ...input(), organisationIds: [kelaId, porvoo] });
    expect(several.json()).toMatchObject({ status: 422, code: 'identity_provider.create_needs_one_organisation' });
    const unknown = await admin.post('/api/identity-providers', { ...input(), organisationIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.json()).toMatchObject({ status: 422, code: 'identity_provider.organisation' });
    const domain = await admin.post('/api/identity-providers', { ...input(), emailDomains: ['not a domain'] });
    expect(domain.statusCode).toBe(422);
    const role = await admin.post('/api/identity-providers', { ...input(), groupRoles: { admins: 'main-admin' } });
    expect(role.statusCode).toBe(422);
    expect(await t.ctx.db.select().from(identityProviders)).toEqual([]);
  });

  it('stores the client secret sealed and never shows it; the provider appears on the sign-in page', async () => {
    const res = await admin.post('/api/identity-providers', input());
    expect(res.statusCode).toBe(201);
    const view = res.json();
    providerId = view.id;
    expect(view).toMatchObject({ hasClientSecret: true, emailDomains: ['kela.example'], redirectUri: `${APP}/api/auth/oidc/callback` });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    const [row] = await t.ctx.db.select().from(identityProviders).where(eq(identityProviders.id, providerId));
    expect(row!.clientSecretSealed).toMatch(/^v1:[0-9a-f]{16}:/);
    expect(row!.clientSecretSealed).not.toContain(SECRET);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'identity_provider.created')).orderBy(asc(auditEvents.id));
    expect(audit).toMatchObject({ targetId: providerId, actorType: 'user' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/providers' })).json().providers).toEqual([{ id: providerId, name: 'Kela (Virtu)' }]);
  });

  it('creates an account allowed by the provider, with only the roles its groups map to, and follows the groups', async () => {
    await provider.addAccount({ sub: `${kind}-new`, email: `new.${kind}@kela.example`, email_verified: true, given_name: 'Uusi', family_name: 'Asiantuntija', groups: ['kela-experts', 'other'] });
    const first = await signInThroughProvider(t.app, provider, APP, `${kind}-new`, { providerId });
    expect(first.location).toBe('/');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { etapiste_session: first.session! } });
    expect(me.json()).toMatchObject({ name: 'Uusi Asiantuntija', organisationId: kelaId, roles: [{ role: 'expert', organisationId: kelaId }] });
    const [created] = await t.ctx.db.select().from(users).where(eq(users.email, `new.${kind}@kela.example`));
    expect(created!.passwordHash).toBeNull();
    const events = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, created!.id)).orderBy(asc(auditEvents.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['user.created', 'auth.oidc_linked', 'user.roles_changed', 'auth.login']));

    // Out of the group at the provider: the mapped role goes at the next sign-in.
    await provider.addAccount({ sub: `${kind}-new`, email: `new.${kind}@kela.example`, email_verified: true, groups: [] });
    const second = await signInThroughProvider(t.app, provider, APP, `${kind}-new`, { providerId });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies: { etapiste_session: second.session! } })).json().roles).toEqual([]);
  });

  it('creates accounts with no role when no groups are mapped, and refuses e-mail domains it does not accept', async () => {
    const patched = await admin.patch(`/api/identity-providers/${providerId}`, { groupClaim: null, groupRoles: {} });
    expect(patched.json()).toMatchObject({ hasClientSecret: true, groupClaim: null });
    // The secret kept from before still authenticates the client at the token endpoint.
    await provider.addAccount({ sub: `${kind}-plain`, email: `plain.${kind}@kela.example`, email_verified: true, name: 'Pia Plain', groups: ['kela-experts'] });
    const plain = await signInThroughProvider(t.app, provider, APP, `${kind}-plain`, { providerId });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies: { etapiste_session: plain.session! } })).json()).toMatchObject({ name: 'Pia Plain', roles: [] });

    await provider.addAccount({ sub: `${kind}-foreign`, email: `foreign.${kind}@gmail.example`, email_verified: true });
    expect((await signInThroughProvider(t.app, provider, APP, `${kind}-foreign`, { providerId })).location).toBe('/login?oidcError=auth.oidc_no_account');
    expect(await t.ctx.db.select().from(users).where(eq(users.email, `foreign.${kind}@gmail.example`))).toEqual([]);
  });

  it('offers a deactivated provider no more', async () => {
    await admin.patch(`/api/identity-providers/${providerId}`, { active: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/providers' })).json().providers).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/oidc/${providerId}/start` })).statusCode).toBe(404);
  });

  it('reseals client secrets under a new master key (rotate-document-keys --master)', async () => {
    const next = { ...t.ctx.config, documentMasterKey: randomBytes(32), documentMasterKeyPrevious: t.ctx.config.documentMasterKey };
    expect(await resealClientSecrets(t.ctx.db, next)).toBe(1);
    expect(await resealClientSecrets(t.ctx.db, next)).toBe(0);
    await identityProviderRepository.update(t.ctx.db, providerId, { active: true });
    expect((await activeProvider({ ...t.ctx, config: next }, providerId))!.clientSecret).toBe(SECRET);
    await identityProviderRepository.update(t.ctx.db, providerId, { active: false });
  });
});
