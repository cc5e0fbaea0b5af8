import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingDayAhead } from '../helpers/scheduling.js';
import { browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import { bookingNow, launchParticipant, meetingWorld, openStaff, openTerminal, staffHeaders, terminalToken } from './meeting-support.js';
import { NARROW, clippedFields, open, overflow, settle } from './reflow-support.js';
import { tr } from './ui.js';

/**
 * WCAG 1.4.10 Reflow for the page states the page list (reflow.e2e.test.ts) cannot reach by address: a form being
 * filled in, a booking's details, a running meeting, the public booking flow. WCAG 1.4.12 Text spacing for the forms.
 * The kiosk is not here: it is built for 1024×768 and larger (terminal-screens.e2e checks its sizes).
 */
describe.skipIf(!browserAvailable)('reflow at 320 CSS px in particular states (WCAG 1.4.10, 1.4.12)', () => {
  const env = suiteEnvironment();
  const day = workingDayAhead(2);

  /** Each state's overflow, by name: the test shows them all at once. */
  async function check(page: Page, failures: Record<string, unknown>, name: string) {
    await settle(page);
    const result = await overflow(page);
    if (result) failures[name] = result;
    await shot(page, `reflow-state-${name}`);
  }

  async function narrowPage(email: string | undefined, lang: 'fi' | 'sv' = 'fi') {
    const context = await newContext(env.browser, env.server.url, lang);
    const page = await context.newPage();
    await page.setViewportSize(NARROW);
    if (email) await signInAs(page, email);
    return page;
  }

  /** The desk calendar on `day`, with a service chosen and a free time picked: the customer form is open. */
  async function bookingFormFilledIn(page: Page) {
    await page.goto('/desk/calendar');
    await page.getByText(tr('fi', 'calendar:live.live')).waitFor();
    const [y, m, d] = day.split('-').map(Number);
    await page.getByRole('textbox', { name: tr('fi', 'calendar:nav.goTo') }).fill(`${d}.${m}.${y}`);
    const form = page.getByRole('region', { name: tr('fi', 'calendar:create.title') });
    for (const label of [tr('fi', 'calendar:create.agency'), tr('fi', 'calendar:create.service')]) {
      await form.getByRole('button', { name: new RegExp(`${label}$`) }).click();
      await page.getByRole('option').first().click();
    }
    await form.locator('.cal-slot').first().click();
    await form.getByRole('heading', { name: tr('fi', 'calendar:create.customerHeading') }).waitFor();
    await form.getByLabel(tr('fi', 'calendar:form.name')).fill('Áilu Đuoŋŋa-Ŧuolbma');
    await form.getByLabel(new RegExp(`^${tr('fi', 'calendar:form.phone')}`)).fill('040 123 4567');
    await form.getByLabel(new RegExp(`^${tr('fi', 'calendar:form.email')}`)).fill('ailu@example.com');
    await form.locator('label', { hasText: new RegExp(`^${tr('fi', 'calendar:bookingLanguage.fi')}$`) }).click();
    // The person is still typing: the focus ring is drawn around the field.
    await form.getByLabel(new RegExp(`^${tr('fi', 'calendar:form.phone')}`)).focus();
    return form;
  }

  it('the desk: a day, the booking form being filled in, the saved booking\'s details', { timeout: 120_000 }, async () => {
    const failures: Record<string, unknown> = {};
    const page = await narrowPage('neuvoja1@porvoo.demo');
    await bookingFormFilledIn(page);
    await check(page, failures, 'desk-booking-form');
    await page.getByRole('button', { name: tr('fi', 'calendar:form.save') }).click();
    await page.getByText(tr('fi', 'calendar:create.saved')).waitFor();
    await page.getByRole('heading', { name: tr('fi', 'calendar:detail.title') }).waitFor();
    await check(page, failures, 'desk-booking-detail');
    await page.context().close();
    expect(failures).toEqual({});
  });

  it('with the text-spacing override no field of the desk, admin and public forms cuts its text (1.4.12)', { timeout: 120_000 }, async () => {
    const desk = await narrowPage('neuvoja1@porvoo.demo');
    await bookingFormFilledIn(desk);
    expect(await clippedFields(desk)).toEqual([]);
    await desk.context().close();

    // Opening hours (time fields), a closure's dates (date fields) and the address of a service point.
    const admin = await narrowPage('paakayttaja@vm.demo');
    await open(admin, ['/admin/service-points', /^\/admin\/service-points\/[0-9a-f-]{8,}$/]);
    for (const input of await admin.locator('.fi-date-input input').all()) await input.fill('28.12.2026');
    expect(await clippedFields(admin)).toEqual([]);
    await admin.context().close();

    const customer = await narrowPage(undefined);
    await toContactStep(customer);
    expect(await clippedFields(customer)).toEqual([]);
    await customer.context().close();
  });

  /** The public booking flow in Finnish up to step 3 with the contact details typed in. */
  async function toContactStep(page: Page, failures?: Record<string, unknown>) {
    await page.goto('/ajanvaraus');
    await page.getByRole('heading', { level: 1, name: tr('fi', 'publicBooking:title') }).waitFor();
    await page.getByRole('radio').first().check();
    if (failures) await check(page, failures, 'public-1-service');
    await page.getByRole('button', { name: tr('fi', 'publicBooking:next') }).click();
    await page.getByRole('heading', { level: 2, name: tr('fi', 'publicBooking:steps.time') }).waitFor();
    await page.getByRole('radio').first().check();
    if (failures) await check(page, failures, 'public-2-time');
    await page.getByRole('button', { name: tr('fi', 'publicBooking:next') }).click();
    await page.getByLabel(tr('fi', 'publicBooking:fields.name'), { exact: true }).fill('Áilu Đuoŋŋa-Ŧuolbma');
    await page.getByLabel(new RegExp(`^${tr('fi', 'publicBooking:fields.phone')}`)).fill('040 123 4567');
    await page.getByLabel(new RegExp(`^${tr('fi', 'publicBooking:fields.email')}`)).fill('ailu@example.com');
  }

  it('the public pages: each booking step, the confirmation, the manage page, the statement, the poster', { timeout: 120_000 }, async () => {
    const failures: Record<string, unknown> = {};
    const page = await narrowPage(undefined);
    await toContactStep(page, failures);
    await check(page, failures, 'public-3-contact');
    await page.getByRole('button', { name: tr('fi', 'publicBooking:next') }).click();
    await page.getByRole('heading', { level: 2, name: tr('fi', 'publicBooking:steps.confirm') }).waitFor();
    await check(page, failures, 'public-4-confirm');
    await page.getByRole('button', { name: tr('fi', 'publicBooking:confirm') }).click();
    const manage = page.getByRole('link', { name: /\/ajanvaraus\/varaus\// });
    await manage.waitFor();
    await check(page, failures, 'public-5-done');
    await page.goto((await manage.getAttribute('href'))!);
    await page.getByRole('heading', { level: 2, name: tr('fi', 'publicBooking:manage.title') }).waitFor();
    await check(page, failures, 'public-6-manage');
    for (const path of ['/saavutettavuus', '/tillganglighet', '/ajanvaraus/juliste', '/login']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await check(page, failures, `public${path.replaceAll('/', '_')}`);
    }
    await page.context().close();
    expect(failures).toEqual({});
  });

  it('a wide table scrolls in its own named box: Tab reaches the box and the arrow keys scroll it', { timeout: 120_000 }, async () => {
    const page = await narrowPage('paakayttaja@vm.demo');
    const [before, after] = tr('fi', 'admin:terminals.heading').split('{{room}}');
    const boxes = [
      // suomifi's Table (a list, and a room's kiosks with buttons in the rows) and our own ScrollTable (opening hours).
      { path: '/admin/service-points' as const, name: new RegExp(`^${tr('fi', 'admin:servicePoints.title')}$`) },
      { path: ['/admin/service-points', /^\/admin\/service-points\/[0-9a-f-]{8,}$/] as [string, RegExp], name: new RegExp(`^${before}.+${after}$`) },
      { path: ['/admin/service-points', /^\/admin\/service-points\/[0-9a-f-]{8,}$/] as [string, RegExp], name: new RegExp(`^${tr('fi', 'admin:hours.legend')}$`) },
    ];
    for (const { path, name } of boxes) {
      await open(page, path);
      const box = page.getByRole('region', { name }).first();
      expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth), String(name)).toBe(true);
      // From the last thing before the box that takes focus, Tab lands on the box itself.
      await box.evaluate((el) => {
        const focusable = Array.from(document.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex="0"]'));
        const previous = focusable.filter((f) => f.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !el.contains(f) && f.offsetParent !== null).pop();
        previous?.focus();
      });
      await page.keyboard.press('Tab');
      expect(await box.evaluate((el) => el === document.activeElement), String(name)).toBe(true);
      expect(await box.evaluate((el) => el.scrollLeft)).toBe(0);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => box.evaluate((el) => el.scrollLeft), { timeout: 5000 }).toBeGreaterThan(0);
    }
    await page.context().close();
  });

  describe('a running meeting', () => {
    let browsers: Browser[] = [];
    beforeAll(async () => {
      browsers = await Promise.all([launchParticipant({ colour: 'blue' }), launchParticipant({ colour: 'red' })]);
    });
    afterAll(async () => {
      await Promise.all(browsers.map((b) => b.close()));
    });

    it('the expert\'s meeting screen with the customer in, and the interpreter\'s join page', { timeout: 150_000 }, async () => {
      const failures: Record<string, unknown> = {};
      const [kioskBrowser, expertBrowser] = browsers as [Browser, Browser];
      const world = await meetingWorld(env.server);
      const booking = await bookingNow(env.server, world, { status: 'checked-in' });
      const kiosk = await openTerminal(kioskBrowser, env.server, await terminalToken(env.server, world.roomId));
      const expert = await openStaff(expertBrowser, env.server, 'asiantuntija@vero.demo', '/expert');
      await expert.setViewportSize(NARROW);
      const opened = await expert.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(expert) });
      expect(opened.ok()).toBe(true);
      const meetingId = ((await opened.json()) as { id: string }).id;
      await expert.goto(`/expert/meetings/${meetingId}`);
      await check(expert, failures, 'expert-meeting-waiting');
      await expert.getByRole('button', { name: tr('fi', 'meeting:meeting.admit') }).click();
      await expert.locator('.meeting-remote video').first().waitFor();
      await check(expert, failures, 'expert-meeting-running');

      const link = await expert.request.post(`/api/meetings/${meetingId}/interpreter-link`, { headers: staffHeaders(expert) });
      const { url } = (await link.json()) as { url: string };
      const interpreter = await narrowPage(undefined);
      await interpreter.goto(url);
      await interpreter.getByLabel(tr('fi', 'meeting:join.pin'), { exact: true }).waitFor();
      await check(interpreter, failures, 'interpreter-join');
      await interpreter.context().close();
      await kiosk.context().close();
      await expert.context().close();
      expect(failures).toEqual({});
    });
  });
});
