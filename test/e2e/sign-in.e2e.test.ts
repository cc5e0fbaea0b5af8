import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/context.js';
import { issuePasswordLink } from '../../src/server/modules/users/password-link.js';
import { userRepository } from '../../src/server/modules/users/repository.js';
import { type Area, type Role, areasFor } from '../../src/shared/roles.js';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer } from './harness.js';
import { navLinks, signInWithForm, tr } from './ui.js';

const LANDINGS: { email: string; role: Role; area: Area }[] = [
  { email: 'neuvoja1@porvoo.demo', role: 'advisor', area: 'desk' },
  { email: 'asiantuntija@vero.demo', role: 'expert', area: 'expert' },
  { email: 'varaaja@kela.demo', role: 'agency-booker', area: 'expert' },
  { email: 'paakayttaja@vm.demo', role: 'main-admin', area: 'admin' },
  { email: 'admin@kela.demo', role: 'agency-admin', area: 'admin' },
  { email: 'koordinaattori@vm.demo', role: 'coordinator', area: 'reports' },
  { email: 'tarkastaja@vm.demo', role: 'auditor', area: 'reports' },
];

describe.skipIf(!browserAvailable)('signing in', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the sign-in page describes the service and passes axe', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: tr('fi', 'common:appName') }).waitFor();
    expect(await page.getByText(tr('fi', 'login:intro')).isVisible()).toBe(true);
    expect(await page.getByLabel(tr('fi', 'login:email')).isVisible()).toBe(true);
    expect(await page.title()).toContain(tr('fi', 'login:heading'));
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('an advisor signs in through the form, lands on the desk and sees their service point', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await signInWithForm(page, 'neuvoja1@porvoo.demo');
    await page.waitForURL('**/desk');
    await page.getByRole('heading', { level: 2, name: 'Porvoo-info' }).waitFor();
    expect(await page.getByText('Lundinkatu 8 A').isVisible()).toBe(true);
    expect(await page.getByRole('table').getByText('09:00–15:00').first().isVisible()).toBe(true);
    expect(await navLinks(page)).toEqual([tr('fi', 'common:nav.desk'), tr('fi', 'common:nav.account')]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(LANDINGS)('$email ($role) lands on /$area and sees only the links of its areas', async ({ email, role, area }) => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await signInAs(page, email);
    await page.waitForURL(`**/${area}**`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const expected = [...areasFor([role]).map((a) => tr('fi', `common:nav.${a}`)), tr('fi', 'common:nav.account')];
    expect(await navLinks(page)).toEqual(expected);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a wrong password shows the translated error; signing out returns to the sign-in page', async () => {
    const context = await newContext(browser, server.url, 'sv');
    const page = await context.newPage();
    await signInWithForm(page, 'koordinaattori@vm.demo', 'wrong-password-123', 'sv');
    await expect.poll(() => page.getByRole('alert').innerText()).toBe(tr('sv', 'common:errors.auth.invalid_credentials'));
    expect(page.url()).toMatch(/\/login$/);
    expect(await axeViolations(page)).toEqual([]);

    await signInWithForm(page, 'koordinaattori@vm.demo', undefined, 'sv');
    await page.waitForURL('**/reports');
    await page.getByRole('button', { name: tr('sv', 'common:signOut') }).click();
    await page.waitForURL('**/login');
    await page.goto('/reports');
    await page.waitForURL('**/login');
    await context.close();
  });

  it('repeated wrong passwords are throttled with a translated notice', async () => {
    const context = await newContext(browser, server.url, 'en');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel(tr('en', 'login:email')).fill('asiantuntija@dvv.demo');
    await page.getByLabel(tr('en', 'login:password'), { exact: true }).fill('not-the-password');
    for (let i = 0; i <= server.config.loginFreeFailures; i++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: tr('en', 'login:submit') }).click();
      await answered;
    }
    await expect.poll(() => page.getByRole('alert').innerText()).toBe(tr('en', 'common:errors.auth.locked'));
    await context.close();
  });

  it('an already signed-in user opening /login goes to their area', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await signInAs(page, 'asiantuntija@vero.demo');
    await page.waitForURL('**/expert');
    await page.goto('/login');
    await page.waitForURL('**/expert');
    await page.getByText('Verohallinto', { exact: true }).waitFor();
    await context.close();
  });

  it('the account page shows name, organisation and translated roles', async () => {
    const context = await newContext(browser, server.url, 'en');
    const page = await context.newPage();
    await signInAs(page, 'neuvoja1@porvoo.demo');
    await page.waitForURL('**/desk');
    await page.getByRole('link', { name: tr('en', 'common:nav.account') }).click();
    await page.getByRole('heading', { level: 1, name: tr('en', 'account:title') }).waitFor();
    await page.getByText('City of Porvoo').waitFor();
    expect(await page.getByText('neuvoja1@porvoo.demo').isVisible()).toBe(true);
    await page.getByText(`${tr('en', 'common:roles.advisor')}, Porvoo-info`).waitFor();
    expect(await page.getByText(tr('en', 'account:mfa.off')).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('an expired or unknown set-password link says so', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await page.goto('/set-password/this-is-not-a-valid-token-0123456789');
    await page.getByRole('heading', { level: 1, name: tr('fi', 'login:setPassword.invalidHeading') }).waitFor();
    expect(await page.getByRole('alert').innerText()).toBe(tr('fi', 'common:errors.password_token.invalid'));
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a one-time link greets the person, checks the new password and lets them sign in with it', async () => {
    const user = (await userRepository.byEmail(server.database.db, 'neuvoja3@porvoo.demo'))!;
    const { url } = await issuePasswordLink({ db: server.database.db, config: server.config } as AppContext, user.id);
    const context = await newContext(browser, server.url, 'sv');
    const page = await context.newPage();
    await page.goto(new URL(url).pathname);
    await page.getByText(tr('sv', 'login:setPassword.greeting').replace('{{name}}', 'Sofia Nyberg').replace('{{email}}', user.email)).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const save = page.getByRole('button', { name: tr('sv', 'login:setPassword.submit') });
    await page.getByLabel(tr('sv', 'login:setPassword.password'), { exact: true }).fill('short');
    await save.click();
    await page.getByText(tr('sv', 'login:setPassword.tooShort').replace('{{min}}', '12'), { exact: true }).waitFor();
    await page.getByLabel(tr('sv', 'login:setPassword.password'), { exact: true }).fill('en lång lösenfras för Borgå');
    await page.getByLabel(tr('sv', 'login:setPassword.confirm')).fill('en lång lösenfras för Borg');
    await save.click();
    await page.getByText(tr('sv', 'login:setPassword.mismatch'), { exact: true }).waitFor();
    await page.getByLabel(tr('sv', 'login:setPassword.confirm')).fill('en lång lösenfras för Borgå');
    await save.click();
    await page.getByText(tr('sv', 'login:setPassword.done')).waitFor();
    await page.getByRole('link', { name: tr('sv', 'login:setPassword.signIn') }).click();
    await page.waitForURL('**/login');
    await signInWithForm(page, user.email, 'en lång lösenfras för Borgå', 'sv');
    await page.waitForURL('**/desk');
    await context.close();
  });

  it('warns two minutes before the idle sign-out; continuing keeps the advisor signed in', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await page.clock.install();
    await signInAs(page, 'neuvoja1@porvoo.demo');
    await page.waitForURL('**/desk');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const idleMs = server.config.sessionIdleMinutes * 60_000;
    const leadMs = Math.min(2 * 60_000, idleMs / 2);
    const warning = page.getByRole('alertdialog', { name: tr('fi', 'common:idleWarning.title') });
    await page.clock.fastForward(idleMs - leadMs + 1_000);
    await warning.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await warning.getByRole('button', { name: tr('fi', 'common:idleWarning.continue') }).click();
    await warning.waitFor({ state: 'detached' });
    // Past the moment the first sign-out would have come: still signed in, warned again.
    await page.clock.fastForward(idleMs - 30_000);
    await warning.waitFor();
    expect(page.url()).toMatch(/\/desk$/);
    expect((await page.request.get('/api/auth/session')).status()).toBe(200);
    await context.close();
  });

  it('after the idle timeout without activity the browser signs out and says why', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await page.clock.install();
    await signInAs(page, 'koordinaattori@vm.demo');
    await page.waitForURL('**/reports');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.clock.fastForward(server.config.sessionIdleMinutes * 60_000 + 1_000);
    await page.waitForURL('**/login');
    await page.getByText(tr('fi', 'common:sessionEnded')).waitFor();
    // Nobody is signed in any more: the session endpoint answers 204 with no user.
    const session = await page.request.get('/api/auth/session');
    expect(session.status()).toBe(204);
    await context.close();
  });
});
