import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIdentities, users } from '../../src/server/db/schema/index.js';
import { sealTotpSecret } from '../../src/server/auth/totp-secret.js';
import { totpAt, totpStep } from '../../src/server/auth/totp.js';
import { type TestProvider, startTestProvider } from '../helpers/oidc-provider.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import { navLinks, tr } from './ui.js';

/** A Kela expert signs in with Kela's own account, through a real OpenID provider, in the browser. */
describe.skipIf(!browserAvailable)('signing in with the organisation account', () => {
  const env = suiteEnvironment();
  let provider: TestProvider;

  beforeAll(async () => {
    const { server } = env;
    provider = await startTestProvider({
      clients: [
        { client_id: 'etapiste', client_secret: 'e2e-secret-0123456789', redirect_uris: [`${server.url}/api/auth/oidc/callback`], post_logout_redirect_uris: [`${server.url}/login`] },
      ],
      accounts: [{ sub: 'kela-4711', email: 'asiantuntija@kela.demo', email_verified: true, name: 'Kaisa Mäkelä' }],
    });
    // As OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_ORGANISATION=Kela would set it.
    server.config.oidc = { issuer: provider.issuer, clientId: 'etapiste', clientSecret: 'e2e-secret-0123456789', organisation: 'Kela', name: 'Kela' };
  });
  afterAll(() => provider?.close());

  it('offers the button on the sign-in page, in Finnish and Swedish, and the page passes axe', async () => {
    for (const lang of ['fi', 'sv'] as const) {
      const context = await newContext(env.browser, env.server.url, lang);
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByRole('heading', { level: 2, name: tr(lang, 'login:oidc.heading') }).waitFor();
      expect(await page.getByRole('button', { name: tr(lang, 'login:oidc.button').replace('{{name}}', 'Kela') }).isVisible()).toBe(true);
      // The password form stays for those without an organisation account.
      expect(await page.getByLabel(tr(lang, 'login:email')).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `oidc-login-${lang}`);
      await context.close();
    }
  });

  it('a Kela expert signs in through the provider, lands in the expert area, and signs out of both', async () => {
    const context = await newContext(env.browser, env.server.url, 'fi');
    const page = await context.newPage();
    const errors: string[] = [];
    // Etäpiste's own pages only: the test provider's pages are not ours to judge.
    page.on('console', (m) => m.type() === 'error' && m.location().url.startsWith(env.server.url) && errors.push(`${m.location().url}: ${m.text()}`));
    await page.goto('/login');
    await page.getByRole('button', { name: tr('fi', 'login:oidc.button').replace('{{name}}', 'Kela') }).click();
    await page.waitForURL('**/expert**');
    expect(await navLinks(page)).toContain(tr('fi', 'common:nav.expert'));
    expect(await page.locator('header').getByText('Kaisa Mäkelä').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const [kaisa] = await env.server.database.db.select().from(users).where(eq(users.email, 'asiantuntija@kela.demo'));
    expect(await env.server.database.db.select().from(userIdentities).where(eq(userIdentities.userId, kaisa!.id))).toEqual([
      expect.objectContaining({ issuer: provider.issuer, subject: 'kela-4711' }),
    ]);

    // Sign-out ends Etäpiste's session and goes to the provider, which asks to confirm and returns to the sign-in page.
    await page.locator('header').getByRole('button', { name: tr('fi', 'common:signOut') }).click();
    await page.waitForURL(`${provider.issuer}/session/end**`);
    await page.locator('button[name="logout"][value="yes"]').click();
    await page.waitForURL(`${env.server.url}/login`);
    await page.getByRole('heading', { level: 2, name: tr('fi', 'login:oidc.heading') }).waitFor();
    expect((await page.request.get('/api/me')).status()).toBe(401);
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });

  it('tells a person without an account why they were not signed in', async () => {
    await provider.addAccount({ sub: 'stranger', email: 'someone@kela.example', email_verified: true });
    await provider.signInAs('stranger');
    const context = await newContext(env.browser, env.server.url, 'sv');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: tr('sv', 'login:oidc.button').replace('{{name}}', 'Kela') }).click();
    await page.waitForURL('**/login?oidcError=auth.oidc_no_account');
    await page.getByText(tr('sv', 'common:errors.auth.oidc_no_account')).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'oidc-refused-sv');
    await context.close();
  });

  it('the main admin adds a sign-in service in the admin area; it appears on the sign-in page', async () => {
    const context = await newContext(env.browser, env.server.url, 'fi');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await signInAs(page, 'paakayttaja@vm.demo');
    await page.goto('/admin/identity-providers');
    await page.getByRole('heading', { level: 1, name: tr('fi', 'admin:identityProviders.title') }).waitFor();
    expect(await page.getByText(`${env.server.url}/api/auth/oidc/callback`).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: tr('fi', 'admin:identityProviders.create') }).click();
    await page.getByLabel(tr('fi', 'admin:identityProviders.name')).fill('Kela Virtu');
    await page.getByLabel(tr('fi', 'admin:identityProviders.issuer')).fill(provider.issuer);
    await page.getByLabel(tr('fi', 'admin:identityProviders.clientId')).fill('etapiste');
    await page.getByLabel(tr('fi', 'admin:identityProviders.clientSecret')).fill('e2e-secret-0123456789');
    await page.getByRole('checkbox', { name: 'Kela' }).check({ force: true });
    await page.getByLabel(tr('fi', 'admin:identityProviders.domains')).fill('kela.demo');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'oidc-admin-form-fi-1024');
    await page.getByRole('button', { name: tr('fi', 'admin:identityProviders.submitCreate') }).click();
    await page.getByRole('link', { name: 'Kela Virtu' }).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'oidc-admin-list-fi-1920');
    await context.close();

    const visitor = await newContext(env.browser, env.server.url, 'sv');
    const login = await visitor.newPage();
    await login.goto('/login');
    await login.getByRole('button', { name: tr('sv', 'login:oidc.button').replace('{{name}}', 'Kela Virtu') }).waitFor();
    expect(await login.getByRole('button', { name: /FPA|Kela/ }).count()).toBe(2);
    await visitor.close();
  });

  it('an agency admin whose provider shows no multi-factor gives Etäpiste’s verification code, then lands in admin', async () => {
    const db = env.server.database.db;
    const [leena] = await db.select().from(users).where(eq(users.email, 'admin@kela.demo'));
    const secret = 'JBSWY3DPEHPK3PXP';
    await db.update(users).set({ mfaEnabled: true, mfaSecret: sealTotpSecret(env.server.config, leena!.id, secret) }).where(eq(users.id, leena!.id));
    await provider.addAccount({ sub: 'kela-admin', email: 'admin@kela.demo', email_verified: true });
    await provider.signInAs('kela-admin', { amr: ['pwd'] });
    const context = await newContext(env.browser, env.server.url, 'sv');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: tr('sv', 'login:oidc.button').replace('{{name}}', 'Kela') }).click();
    await page.waitForURL('**/login?oidc=totp');
    await page.getByRole('heading', { level: 2, name: tr('sv', 'login:oidc.totpHeading') }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'oidc-totp-sv');
    await page.getByLabel(tr('sv', 'login:totp')).fill(totpAt(secret, totpStep(Date.now())));
    await page.getByRole('button', { name: tr('sv', 'login:submit') }).click();
    await page.waitForURL('**/admin/**');
    expect(await page.locator('header').getByText('Leena Hakala').isVisible()).toBe(true);
    await context.close();
  });
});
