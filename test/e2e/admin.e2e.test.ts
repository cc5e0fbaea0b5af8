import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt, totpStep } from '../../src/server/auth/totp.js';
import { servicePoints, terminals, users } from '../../src/server/db/schema/index.js';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer } from './harness.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A suomifi Dropdown: its button is named by the shown value followed by the label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(`${escape(label)}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The app routes on the client, so wait for the path itself rather than for a page load. */
async function waitForPath(page: Page, path: string) {
  await page.waitForFunction((p) => location.pathname === p, path);
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe.skipIf(!browserAvailable)('administration', () => {
  let server: E2EServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A signed-in page in English in a context of its own. */
  async function pageAs(email: string): Promise<Page> {
    const context = await newContext(browser, server.url, 'en');
    contexts.push(context);
    const page = await context.newPage();
    await signInAs(page, email);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('the main admin creates an expert, who sets a password with the one-time link, signs in and turns on MFA', async () => {
    const admin = await pageAs('paakayttaja@vm.demo');
    await admin.goto('/admin');
    await waitForPath(admin, '/admin/users');
    await admin.getByRole('link', { name: 'Veera Salo' }).waitFor();
    await expectAccessible(admin);

    await admin.getByRole('button', { name: 'Create user' }).click();
    await waitForPath(admin, '/admin/users/new');
    await choose(admin, 'Organisation', 'Finnish Tax Administration');
    await admin.getByLabel('Email address').fill('uusi.asiantuntija@vero.demo');
    await admin.getByLabel('Name', { exact: true }).fill('Uuno Uusi');
    await choose(admin, 'Role', 'Remote expert');
    await admin.getByRole('button', { name: 'Add role' }).click();
    await admin.getByRole('button', { name: 'Remove role Remote expert' }).waitFor();
    await admin.getByRole('button', { name: 'Create user' }).click();

    const linkField = admin.getByTestId('set-password-link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${escape(server.url)}/set-password/\\S+$`));
    expect(await admin.getByText(/shown only once/).isVisible()).toBe(true);
    await expectAccessible(admin);

    await admin.getByRole('link', { name: 'Open the account of Uuno Uusi' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Uuno Uusi' }).waitFor();
    await admin.getByText('Active, two-step verification off').waitFor();
    await expectAccessible(admin);

    // The new expert, in a browser of their own.
    const context = await newContext(browser, server.url, 'en');
    contexts.push(context);
    const expert = await context.newPage();
    const password = 'Oma-pitka-salasana-2025';
    await expert.goto(link);
    await expert.getByLabel('New password', { exact: true }).fill(password);
    await expert.getByLabel('New password again').fill(password);
    await expert.getByRole('button', { name: 'Save password' }).click();
    await expert.getByText('Your password is set').waitFor();

    await expert.goto('/login');
    await expert.getByLabel('Email address').fill('uusi.asiantuntija@vero.demo');
    await expert.getByLabel('Password').fill(password);
    await expert.getByRole('button', { name: 'Sign in' }).click();
    await waitForPath(expert, '/expert');

    await expert.goto('/account/mfa');
    await expert.getByRole('button', { name: 'Start set-up' }).click();
    const secret = (await expert.getByTestId('mfa-secret').textContent())!.replace(/\s/g, '');
    await expert.getByLabel('Verification code').fill(totpAt(secret, totpStep(Date.now())));
    await expert.getByRole('button', { name: 'Confirm' }).click();
    await expert.getByText('Two-step verification is now on').waitFor();
    await expert.reload();
    await expert.getByText('Two-step verification is on for your account.').waitFor();

    const [row] = await server.database.db.select().from(users).where(eq(users.email, 'uusi.asiantuntija@vero.demo'));
    expect(row?.mfaEnabled).toBe(true);

    // The admin's view of the account follows.
    await admin.reload();
    await admin.getByText('Active, two-step verification on').waitFor();
  });

  it("an agency admin sees only its own agency's users and no directory tabs", async () => {
    const page = await pageAs('admin@kela.demo');
    await page.goto('/admin');
    await waitForPath(page, '/admin/users');
    const table = page.getByRole('table', { name: 'Users' });
    await table.getByRole('link', { name: 'Kaisa Mäkelä' }).waitFor();
    const emails = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(emails.sort()).toEqual(['admin@kela.demo', 'asiantuntija@kela.demo', 'varaaja@kela.demo']);

    const tabs = page.getByRole('navigation', { name: 'Administration', exact: true });
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['Users', 'Services', 'Working hours', 'API tokens', 'Privacy', 'Agreements']);
    expect(await page.getByRole('button', { name: /Show users of$/ }).count()).toBe(0);
    await expectAccessible(page);

    // The create form is fixed to the agency and offers only the agency's roles.
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create user' }).waitFor();
    expect(await page.locator('dd').textContent()).toBe('Kela');
    await page.getByRole('button', { name: /Role$/ }).click();
    // The list opens asynchronously: wait for it rather than read an empty one.
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Remote expert', 'Agency booker', 'Agency admin']);
    await page.keyboard.press('Escape');
    await expectAccessible(page);

    await page.goto('/admin/organisations');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });

  it("the main admin edits Porvoo-info's opening hours, adds a terminal, sees its pairing code and revokes it", async () => {
    const page = await pageAs('paakayttaja@vm.demo');
    await page.goto('/admin/service-points');
    await page.getByRole('link', { name: 'Porvoo-info' }).click();
    await page.getByRole('heading', { level: 1, name: 'Porvoo-info' }).waitFor();
    await expectAccessible(page);

    // The street address has a field per language: the Swedish street name is its own (migration 0018).
    expect(await page.getByLabel('Street address in Swedish', { exact: true }).inputValue()).toBe('Lundinsgatan 8 A');
    expect(await page.getByLabel('Street address in Finnish', { exact: true }).inputValue()).toBe('Lundinkatu 8 A');
    const wednesdayCloses = page.getByLabel('Wednesday closes');
    expect(await wednesdayCloses.inputValue()).toBe('15.00');
    await wednesdayCloses.fill('16.00');
    await page.getByText('Open on Saturday', { exact: true }).click();
    await page.getByLabel('Saturday opens').fill('10.00');
    await page.getByLabel('Saturday closes').fill('13.00');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();

    await page.reload();
    await page.getByLabel('Wednesday closes').waitFor();
    expect(await page.getByLabel('Wednesday closes').inputValue()).toBe('16.00');
    expect(await page.getByLabel('Tuesday closes').inputValue()).toBe('15.00');
    expect(await page.getByLabel('Saturday closes').inputValue()).toBe('13.00');
    expect(await page.getByRole('checkbox', { name: 'Open on Sunday' }).isChecked()).toBe(false);
    const pointId = page.url().split('/').pop()!;
    const res = await page.request.get(`/api/service-points/${pointId}`);
    const hours = ((await res.json()) as { openingHours: { weekday: number; opens: string; closes: string }[] }).openingHours;
    expect(hours.find((h) => h.weekday === 3)).toMatchObject({ opens: '09:00', closes: '16:00' });
    expect(hours.find((h) => h.weekday === 6)).toMatchObject({ opens: '10:00', closes: '13:00' });
    expect(hours.some((h) => h.weekday === 7)).toBe(false);

    await page.getByLabel('Name of a new terminal in Remote service room').fill('Asiakaspääte 2');
    await page.getByRole('button', { name: 'Add terminal' }).click();
    const code = page.getByTestId('pairing-code');
    await code.waitFor();
    expect(await code.textContent()).toMatch(/^\d{4}-\d{4}$/);
    await page.getByText('Open /terminal on the kiosk and enter this code').waitFor();
    const row = page.getByRole('row', { name: /Asiakaspääte 2/ });
    await row.getByText('Waiting for activation').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Revoke Asiakaspääte 2' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke', exact: true }).click();
    await row.getByText('Revoked').waitFor();
    expect(await page.getByRole('button', { name: 'Revoke Asiakaspääte 2' }).count()).toBe(0);
    const revoked = await server.database.db.select().from(terminals).where(eq(terminals.name, 'Asiakaspääte 2'));
    expect(revoked[0]?.revokedAt).toBeInstanceOf(Date);
    const [point] = await server.database.db.select().from(servicePoints).where(eq(servicePoints.id, pointId));
    expect(point?.active).toBe(true);
  });

  it('deactivating a user ends their open session at once', async () => {
    const other = await pageAs('admin@dvv.demo');
    await other.goto('/admin/users');
    await other.getByRole('link', { name: 'Daniel Berg' }).waitFor();

    const admin = await pageAs('paakayttaja@vm.demo');
    await admin.goto('/admin/users');
    await admin.getByRole('link', { name: 'Jonas Ek' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Jonas Ek' }).waitFor();
    await admin.getByText('sessions the person has open end at once').waitFor();
    await admin.getByRole('button', { name: 'Deactivate account' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Jonas Ek can no longer sign in').waitFor();
    await dialog.getByRole('button', { name: 'Deactivate account' }).click();
    await admin.getByText('The account has been deactivated.').waitFor();
    await admin.getByText(/^Deactivated, two-step verification off/).waitFor();

    // The other browser's next call is refused and the app returns to sign-in.
    const refused = other.waitForResponse((r) => r.url().includes('/api/') && r.status() === 401);
    await other.getByRole('button', { name: 'Create user' }).click();
    await refused;
    await waitForPath(other, '/login');
    await other.getByRole('button', { name: 'Sign in' }).waitFor();
    await other.getByText('Your session has ended').waitFor();

    const login = await other.request.post('/api/auth/login', { data: { email: 'admin@dvv.demo', password: 'Etapiste-demo-2025' } });
    expect(login.status()).toBe(401);
  });

  it('organisations can be created and edited, and the remaining admin pages pass axe', async () => {
    const page = await pageAs('paakayttaja@vm.demo');
    await page.goto('/admin/organisations');
    const table = page.getByRole('table', { name: 'Organisations' });
    await table.getByRole('link', { name: 'City of Porvoo' }).waitFor();
    expect(await table.getByRole('row', { name: /Ministry of Finance/ }).textContent()).toContain('Ministry (main admin)');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'New organisation' }).click();
    await page.getByLabel('Name in Finnish', { exact: true }).fill('Patentti- ja rekisterihallitus');
    await page.getByLabel('Name in Swedish', { exact: true }).fill('Patent- och registerstyrelsen');
    await page.getByLabel('Name in English', { exact: true }).fill('Finnish Patent and Registration Office');
    await page.getByLabel('Short name in Finnish', { exact: true }).fill('PRH');
    await page.getByLabel('Short name in Swedish', { exact: true }).fill('PRS');
    await page.getByLabel('Short name in English', { exact: true }).fill('PRH');
    await choose(page, 'Kind', 'Principal');
    await page.getByLabel('Business ID').fill('123');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByText('Enter the business ID in the form 1234567-8.').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Business ID').fill('0244680-7');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await waitForPath(page, '/admin/organisations');
    await table.getByRole('link', { name: 'Finnish Patent and Registration Office' }).click();
    expect(await page.getByLabel('Short name in Swedish', { exact: true }).inputValue()).toBe('PRS');
    await page.getByLabel('Short name in English', { exact: true }).fill('PRH-test');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForPath(page, '/admin/organisations');
    // The list shows the short name in the UI language (English here).
    await table.getByRole('cell', { name: 'PRH-test' }).waitFor();
    const prh = ((await (await page.request.get('/api/organisations')).json()) as { shortName: { fi: string; sv: string; en: string } }[]).find((o) => o.shortName.fi === 'PRH');
    expect(prh?.shortName).toEqual({ fi: 'PRH', sv: 'PRS', en: 'PRH-test' });

    await page.getByRole('link', { name: 'Service points' }).click();
    await page.getByRole('table', { name: 'Service points' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'New service point' }).click();
    await page.getByRole('heading', { level: 1, name: 'New service point' }).waitFor();
    await expectAccessible(page);
  });
});
