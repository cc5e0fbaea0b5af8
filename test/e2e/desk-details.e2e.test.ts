import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { holidayOn } from '../../src/server/modules/scheduling/holidays.js';
import { addDays, localDate, weekdayOf, zonedInstant } from '../../src/server/modules/scheduling/time.js';
import { helsinkiClock } from '../helpers/clock.js';
import { demoBooking } from './demo-bookings.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import { tr } from './ui.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('button', { name: new RegExp(`${escape(label)}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The server's clock: a Saturday at 11.00 in Helsinki, when the demo point (Mon–Fri 9–15) is closed. */
const saturday = helsinkiClock('11:00', 6);

/** Small things of a day at the desk (issue 16): date pickers in the UI language, the closed walk-in queue, full text of short blocks. */
describe.skipIf(!browserAvailable)('details at the desk', () => {
  const env = suiteEnvironment({}, { now: saturday });

  async function pageAs(email: string, lang: 'fi' | 'sv' | 'en', width = 1280): Promise<Page> {
    const context = await newContext(env.browser, env.server.url, lang);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await signInAs(page, email);
    return page;
  }

  it('the date picker button is named in Swedish and English in those UIs', async () => {
    for (const [lang, name] of [
      ['sv', 'Välj datum'],
      ['en', 'Choose date'],
    ] as const) {
      const page = await pageAs('neuvoja1@porvoo.demo', lang);
      await page.goto('/desk/calendar');
      await page.getByLabel(tr(lang, 'calendar:nav.goTo')).waitFor();
      // The button names itself with the day shown: "Välj datum, Valt datum Måndag 7.12.2026", all in the UI language.
      const button = page.locator('.cal-goto').getByRole('button', { name: new RegExp(`^${name}, `) });
      await button.waitFor();
      expect(await button.innerText()).not.toMatch(/Valitse|Valittu|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai/);
      await page.context().close();
    }
  });

  it('the desk cannot queue a walk-in while the point is closed, and says when it opens', async () => {
    const page = await pageAs('neuvoja1@porvoo.demo', 'fi');
    await page.goto('/desk/calendar');
    const panel = page.getByRole('region', { name: tr('fi', 'calendar:walkIn.title') });
    await panel.waitFor();
    await choose(page, panel, tr('fi', 'calendar:create.agency'), 'Verohallinto');
    const serviceButton = panel.getByRole('button', { name: new RegExp(`${escape(tr('fi', 'calendar:create.service'))}$`) });
    await serviceButton.click();
    await page.getByRole('option').first().click();
    await panel.getByLabel(tr('fi', 'calendar:form.name')).fill('Kalle Kävijä');
    await panel.getByText(tr('fi', 'calendar:bookingLanguage.fi'), { exact: true }).click();
    await panel.getByRole('button', { name: tr('fi', 'calendar:walkIn.submit') }).click();

    // The next opening after the server's Saturday: the first weekday that is not a holiday, at 9.00.
    let day = addDays(localDate(saturday(), 'Europe/Helsinki'), 1);
    while (weekdayOf(day) > 5 || holidayOn(day)) day = addDays(day, 1);
    const opens = new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(
      zonedInstant(day, '09:00', 'Europe/Helsinki'),
    );
    await panel.getByText(`Palvelupiste on nyt suljettu, joten asiakasta ei voi lisätä jonoon. Palvelupiste aukeaa ${opens}.`).waitFor();
    expect(await panel.getByText(tr('fi', 'calendar:walkIn.empty')).count()).toBe(1);
    await shot(page, 'desk-walk-in-closed-fi');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a week-view block too small for its text shows all of it on hover and on keyboard focus', async () => {
    const booking = await demoBooking(env.server.database.db, 'Vero', 'asiantuntija@vero.demo', 2 * 24 * 60);
    const page = await pageAs('neuvoja1@porvoo.demo', 'fi', 1024);
    const date = localDate(booking.startsAt, 'Europe/Helsinki');
    await page.goto(`/desk/calendar?view=week&date=${date}`);
    const block = page.locator('a.cal-block').filter({ hasText: booking.reference });
    await block.waitFor();
    const clipped = () => block.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    // Its text does not fit the block as laid out (the check would prove nothing otherwise).
    expect(await clipped()).toBe(true);
    // Every part of its text lies inside the block's box, where it can be read.
    const allShown = () =>
      block.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return [...el.querySelectorAll('span')].every((s) => {
          const r = s.getBoundingClientRect();
          return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.right <= box.right + 1;
        });
      });

    await block.hover();
    await expect.poll(allShown).toBe(true);
    expect(await clipped()).toBe(false);
    await shot(page, 'desk-week-block-hover-fi');

    await page.mouse.move(0, 0);
    await expect.poll(clipped).toBe(true);
    // From the keyboard: focus moves onto the block with Tab, and its whole text shows.
    await block.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => block.evaluate((el) => el === document.activeElement && el.matches(':focus-visible'))).toBe(true);
    await expect.poll(allShown).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
