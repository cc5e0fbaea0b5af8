import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer } from './harness.js';

describe.skipIf(!browserAvailable)('the app in a browser', () => {
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

  it('an advisor signs in and lands on the desk', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await signInAs(page, 'neuvoja1@porvoo.demo');
    await page.waitForURL('**/desk');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Palvelupiste' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
