import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import { NARROW, TEXT_SPACING, type Target, open, overflow } from './reflow-support.js';
import { tr } from './ui.js';

/** The main pages of each demo role (README's sign-ins); pages that need a state are in reflow-states.e2e.test.ts. */
const PAGES: Record<string, Target[]> = {
  'neuvoja1@porvoo.demo': ['/desk', '/desk/calendar', '/desk/documents', '/desk/status', '/desk/time', '/account', '/account/mfa'],
  'asiantuntija@vero.demo': ['/expert', '/expert/bookings', '/expert/documents', '/expert/meetings', '/expert/privacy', '/reports/statistics', '/account'],
  'varaaja@kela.demo': ['/expert', '/account'],
  'admin@kela.demo': ['/admin', '/admin/users', ['/admin/users', /^\/admin\/users\/[0-9a-f-]{8,}$/], '/admin/users/new', '/admin/services', ['/admin/services', /^\/admin\/services\/[0-9a-f-]{8,}$/], '/admin/working-hours', ['/admin/working-hours', /^\/admin\/working-hours\/[0-9a-f-]{8,}\/[0-9a-f-]{8,}$/], '/admin/agency-tokens', '/admin/privacy/data-subjects', '/account'],
  'paakayttaja@vm.demo': ['/admin', '/admin/organisations', ['/admin/organisations', /^\/admin\/organisations\/[0-9a-f-]{8,}$/], '/admin/service-points', ['/admin/service-points', /^\/admin\/service-points\/[0-9a-f-]{8,}$/], ['/admin/agreements', /^\/admin\/agreements\/[0-9a-f-]{8,}$/], ['/admin/users', /^\/admin\/users\/[0-9a-f-]{8,}$/], '/admin/service-points/new', '/admin/interpreters', ['/admin/interpreters', /^\/admin\/interpreters\/[0-9a-f-]{8,}$/], '/admin/call-buttons', '/admin/accessibility/fi', '/admin/identity-providers', '/admin/agreements', '/account'],
  'koordinaattori@vm.demo': ['/reports', '/reports/status', '/reports/agreements', '/reports/time', '/reports/claims', '/reports/accessibility-feedback'],
  'esihenkilo@porvoo.demo': ['/reports', '/account'],
  'tarkastaja@vm.demo': ['/reports', '/account'],
};

describe.skipIf(!browserAvailable)('reflow at 320 CSS px (WCAG 1.4.10)', () => {
  const env = suiteEnvironment();

  it('the header language button is named by what it shows (2.5.3), axe passes at 320 px', async () => {
    const context = await newContext(env.browser, env.server.url, 'sv');
    const page = await context.newPage();
    await page.setViewportSize(NARROW);
    await signInAs(page, 'tarkastaja@vm.demo');
    const button = page.locator('header').getByRole('button', { name: /^SV – Språk: Svenska$/ });
    expect(await button.innerText()).toBe('SV');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a status message lands in a live region that was already on the page (4.1.3)', async () => {
    const context = await newContext(env.browser, env.server.url, 'fi');
    const page = await context.newPage();
    await signInAs(page, 'tarkastaja@vm.demo');
    const section = page.locator('section.audit-verify');
    const region = section.getByRole('status');
    // The check runs once on opening: its result arrives in the region, then a new check empties and refills it.
    await expect.poll(() => region.innerText(), { timeout: 20_000 }).not.toBe('');
    // The region is marked; if React created a new one together with the text, the mark would be gone.
    await region.evaluate((el) => el.setAttribute('data-seen', 'before'));
    await section.getByRole('button', { name: tr('fi', 'reports:audit.verify.button') }).click();
    await expect.poll(() => region.innerText(), { timeout: 20_000 }).toBe('');
    expect(await region.getAttribute('data-seen')).toBe('before');
    await expect.poll(() => region.innerText(), { timeout: 20_000 }).not.toBe('');
    expect(await region.getAttribute('data-seen')).toBe('before');
    await context.close();
  });

  it('the date input shows its whole date with the text-spacing override (1.4.12)', async () => {
    const context = await newContext(env.browser, env.server.url, 'fi');
    const page = await context.newPage();
    await signInAs(page, 'paakayttaja@vm.demo');
    await open(page, ['/admin/service-points', /^\/admin\/service-points\/[0-9a-f-]{8,}$/]);
    await page.addStyleTag({ content: TEXT_SPACING });
    const input = page.locator('.fi-date-input input').first();
    await input.fill('28.12.2026');
    const fits = await input.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fits.scroll).toBeLessThanOrEqual(fits.client);
    await context.close();
  });

  for (const [email, targets] of Object.entries(PAGES)) {
  it(`no page of ${email} scrolls sideways`, { timeout: 180_000 }, async () => {
    const failures: Record<string, unknown> = {};
    const context = await newContext(env.browser, env.server.url, 'fi');
    const page = await context.newPage();
    await page.setViewportSize(NARROW);
    await signInAs(page, email);
    for (const target of targets) {
      const path = await open(page, target);
      const result = await overflow(page);
      if (result) failures[path] = result;
      await shot(page, `reflow-${email.split('@')[0]}${path.replaceAll('/', '_')}`);
    }
    await context.close();
    expect(failures).toEqual({});
  });
  }
});
