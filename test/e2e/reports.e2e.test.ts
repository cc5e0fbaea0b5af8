import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer } from './harness.js';
import { tr } from './ui.js';

describe.skipIf(!browserAvailable)('reports', () => {
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

  it('a coordinator sees the service points overview and no audit log', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await signInAs(page, 'koordinaattori@vm.demo');
    await page.waitForURL('**/reports');
    const row = page.getByRole('row', { name: /Porvoo-info/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['Porvoo-info', 'Porvoo', '1', expect.any(String)]);
    expect(await page.getByRole('heading', { name: tr('fi', 'reports:audit.heading') }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('an auditor filters the log by action, pages back and verifies the chain', async () => {
    // Sixty failed sign-ins of unknown addresses: more events than one page holds.
    const anonymous = await browser.newContext({ baseURL: server.url });
    for (let i = 0; i < 60; i++) await anonymous.request.post('/api/auth/login', { data: { email: `nobody${i}@example.test`, password: 'x' } });
    await anonymous.close();

    const context = await newContext(browser, server.url, 'en');
    const page = await context.newPage();
    await signInAs(page, 'tarkastaja@vm.demo');
    await page.waitForURL('**/reports');
    const shown = (n: number) => tr('en', 'reports:audit.shown').replace('{{n}}', String(n));
    await page.getByText(shown(50)).waitFor();
    expect(await page.getByRole('heading', { name: tr('en', 'reports:overview.heading') }).count()).toBe(0);

    await page.getByRole('button', { name: tr('en', 'reports:audit.loadMore') }).click();
    await expect.poll(async () => Number(/\d+/.exec(await page.getByRole('status').first().innerText())?.[0])).toBeGreaterThan(50);

    await page.getByLabel(tr('en', 'reports:audit.action'), { exact: true }).fill('auth.login');
    await page.getByRole('button', { name: tr('en', 'reports:audit.search') }).click();
    await page.getByText(shown(50)).waitFor();
    const actions = await page.locator('tbody code').allInnerTexts();
    expect(new Set(actions)).toEqual(new Set(['auth.login']));
    expect(await page.getByRole('cell', { name: tr('en', 'reports:audit.outcomes.failure') }).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: tr('en', 'reports:audit.verify.button') }).click();
    await expect.poll(() => page.getByText(/^The log is intact\./).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
