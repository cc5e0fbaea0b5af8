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
  // The auditor's log has its own suite: audit.e2e.test.ts.
});
