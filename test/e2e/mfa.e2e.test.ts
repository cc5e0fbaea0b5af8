import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt, totpStep } from '../../src/server/auth/totp.js';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, startServer } from './harness.js';
import { signInWithForm, tr } from './ui.js';

describe.skipIf(!browserAvailable)('two-step verification outside demo mode', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    // Outside demo mode the auditor's role requires MFA, so the first sign-in must enrol it.
    server = await startServer({ demo: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an auditor is sent to enrol, enrols with the shown key, and then signs in with a code', async () => {
    const context = await newContext(browser, server.url, 'fi');
    const page = await context.newPage();
    await signInWithForm(page, 'tarkastaja@vm.demo');
    await page.waitForURL('**/account/mfa');
    await page.getByText(tr('fi', 'account:mfa.required')).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The areas stay closed until enrolment is done.
    await page.getByRole('link', { name: tr('fi', 'common:nav.reports') }).click();
    await page.waitForURL('**/account/mfa');

    await page.getByRole('button', { name: tr('fi', 'account:mfa.start') }).click();
    const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByRole('img', { name: tr('fi', 'account:mfa.qrAlt') }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(tr('fi', 'account:mfa.codeLabel')).fill('12');
    await page.getByRole('button', { name: tr('fi', 'account:mfa.confirm') }).click();
    await page.getByText(tr('fi', 'account:mfa.codeFormat')).waitFor();

    await page.getByLabel(tr('fi', 'account:mfa.codeLabel')).fill(totpAt(secret, totpStep(Date.now())));
    await page.getByRole('button', { name: tr('fi', 'account:mfa.confirm') }).click();
    await page.getByText(tr('fi', 'account:mfa.done')).waitFor();
    await page.getByRole('link', { name: tr('fi', 'account:mfa.continue') }).click();
    await page.waitForURL('**/reports');

    await page.getByRole('button', { name: tr('fi', 'common:signOut') }).click();
    await page.waitForURL('**/login');
    await signInWithForm(page, 'tarkastaja@vm.demo');
    const codeField = page.getByLabel(tr('fi', 'login:totp'));
    await codeField.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await codeField.fill('000000');
    await page.getByRole('button', { name: tr('fi', 'login:submit') }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe(tr('fi', 'common:errors.auth.totp_invalid'));

    // The code used for enrolment is spent; the next time step's code is accepted (one step of drift allowed).
    await codeField.fill(totpAt(secret, totpStep(Date.now()) + 1));
    await page.getByRole('button', { name: tr('fi', 'login:submit') }).click();
    await page.waitForURL('**/reports');
    await page.getByRole('heading', { level: 2, name: tr('fi', 'reports:audit.heading') }).waitFor();
    await context.close();
  });
});
