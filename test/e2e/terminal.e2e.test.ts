import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAIRING_CODE } from '../../src/server/db/seed/demo.js';
import { DEMO_PASSWORD, type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, startServer } from './harness.js';
import { tr } from './ui.js';

const TOKEN_KEY = 'etapiste.terminal.token';

/** Every button (and the code field) is a comfortable touch target: at least 44 × 44 CSS pixels. */
async function smallTargets(page: Page): Promise<string[]> {
  const small: string[] = [];
  for (const target of await page.locator('button, input').all()) {
    const box = await target.boundingBox();
    if (!box || box.width < 44 || box.height < 44) small.push(`${(await target.innerText()) || (await target.getAttribute('id'))}: ${box?.width}×${box?.height}`);
  }
  return small;
}

async function tapCode(page: Page, code: string) {
  const keypad = page.getByRole('group', { name: tr('fi', 'terminal:pairing.keypad') });
  for (const digit of code.replace(/\D/g, '')) await keypad.getByRole('button', { name: digit, exact: true }).click();
}

describe.skipIf(!browserAvailable)('the room terminal', () => {
  let server: E2EServer;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('pairs with the code from the on-screen keypad and greets customers in their language', async () => {
    const context = await newContext(browser, server.url, 'en');
    const page = await context.newPage();
    await page.goto('/terminal');
    // The kiosk starts in Finnish whatever the browser's language.
    await page.getByRole('heading', { level: 1, name: tr('fi', 'terminal:pairing.heading') }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await tapCode(page, '1234-5678');
    await page.getByRole('button', { name: tr('fi', 'terminal:pairing.submit') }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe(tr('fi', 'common:errors.terminal.pairing_invalid'));

    await page.getByRole('button', { name: tr('fi', 'terminal:pairing.clear') }).click();
    await tapCode(page, DEMO_PAIRING_CODE);
    expect(await page.getByLabel(tr('fi', 'terminal:pairing.code')).inputValue()).toBe(DEMO_PAIRING_CODE);
    await page.getByRole('button', { name: tr('fi', 'terminal:pairing.submit') }).click();

    await page.getByRole('heading', { level: 1, name: 'Porvoo-info' }).waitFor();
    expect(await page.getByText(tr('fi', 'terminal:idle.welcome')).isVisible()).toBe(true);
    expect(await page.getByText('+358 20 692 250').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Borgå-info' }).waitFor();
    expect(await page.getByText(tr('sv', 'terminal:idle.welcome')).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await page.getByRole('button', { name: 'Svenska' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    token = (await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY))!;
    expect(token).toBeTruthy();
    await context.close();
  });

  it('returns to Finnish after two minutes untouched, and to pairing when the device is revoked', async () => {
    const context = await newContext(browser, server.url, 'fi');
    await context.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [TOKEN_KEY, token]);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto('/terminal');
    await page.getByRole('heading', { level: 1, name: 'Porvoo-info' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(tr('en', 'terminal:idle.welcome')).waitFor();

    await page.clock.fastForward(60_000);
    expect(await page.getByText(tr('en', 'terminal:idle.welcome')).isVisible()).toBe(true);
    await page.clock.fastForward(61_000);
    await page.getByText(tr('fi', 'terminal:idle.welcome')).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');

    // The main admin revokes the device; its next check-in (every minute) finds the credential dead.
    const self = await (await page.request.get('/api/terminal/me', { headers: { authorization: `Bearer ${token}` } })).json();
    const admin = await browser.newContext({ baseURL: server.url });
    const login = await (await admin.request.post('/api/auth/login', { data: { email: 'paakayttaja@vm.demo', password: DEMO_PASSWORD } })).json();
    const revoke = await admin.request.post(`/api/terminals/${self.terminalId}/revoke`, { headers: { 'x-csrf-token': login.csrfToken } });
    expect(revoke.status()).toBe(200);
    await admin.close();

    await page.clock.fastForward(61_000);
    await page.getByRole('heading', { level: 1, name: tr('fi', 'terminal:pairing.heading') }).waitFor();
    expect(await page.getByText(tr('fi', 'terminal:pairing.revoked')).isVisible()).toBe(true);
    expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
