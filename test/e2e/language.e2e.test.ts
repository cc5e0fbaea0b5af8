import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer } from './harness.js';
import { type Lang, switchProblems, visibleKeys, visibleTexts } from './translations.js';
import { T, switchLanguage } from './ui.js';

/** fi → sv → en through the header menu; after each switch every string that was on screen reads in the new language. */
async function switchThroughLanguages(page: Page, mustShow: string[]) {
  let from: Lang = 'fi';
  for (const to of ['sv', 'en'] as const) {
    const before = visibleKeys(await visibleTexts(page), T[from]);
    for (const key of mustShow) expect(before, `${key} on screen in ${from}`).toContain(key);
    await switchLanguage(page, to);
    await expect.poll(async () => switchProblems(before, await visibleTexts(page), T[from], T[to]), { timeout: 10_000 }).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    from = to;
  }
}

describe.skipIf(!browserAvailable)('switching the UI language', () => {
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

  it('changes every string on the sign-in page, and the choice is remembered', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { level: 2 }).waitFor();
    await switchThroughLanguages(page, ['login:intro', 'login:email', 'login:password', 'login:submit', 'common:skipToContent']);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await context.close();
  });

  it('changes every string on the advisor desk', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await signInAs(page, 'neuvoja1@porvoo.demo');
    await page.waitForURL('**/desk');
    await page.getByRole('heading', { level: 2, name: 'Porvoo-info' }).waitFor();
    await switchThroughLanguages(page, ['desk:title', 'servicePoint:openingHours', 'common:nav.desk', 'common:signOut']);
    expect(await page.getByRole('heading', { level: 2, name: 'Porvoo-info' }).isVisible()).toBe(true);
    await context.close();
  });

  it("changes every string on the auditor's reports, audit log included", async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await signInAs(page, 'tarkastaja@vm.demo');
    await page.waitForURL('**/reports');
    await page.getByRole('table').waitFor();
    await switchThroughLanguages(page, ['reports:audit.heading', 'reports:audit.time', 'reports:audit.verify.button', 'reports:audit.outcomes.success']);
    await context.close();
  });

  it('changes every string on the account page', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await signInAs(page, 'admin@kela.demo');
    await page.waitForURL('**/admin**');
    await page.goto('/account');
    await page.getByText('Kela', { exact: true }).waitFor();
    await switchThroughLanguages(page, ['account:title', 'account:roles', 'common:roles.agency-admin', 'account:mfa.enable']);
    await context.close();
  });
});
