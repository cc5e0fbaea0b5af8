import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bookings, identityChecks, users } from '../../src/server/db/schema/index.js';
import { holidayNamesOn } from '../../src/server/modules/scheduling/holidays.js';
import { addDays, localDate, weekdayOf } from '../../src/server/modules/scheduling/time.js';
import { demoBooking } from './demo-bookings.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import { tr } from './ui.js';

const DAY = 24 * 60;
const time = (at: Date) => new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(at);

/** A day at the desk (issue 16): check-in only in its window and undoable, identity checks only with the customer there, one henkilötunnus text. */
describe.skipIf(!browserAvailable)('a day at the desk', () => {
  const env = suiteEnvironment();
  const db = () => env.server.database.db;

  async function pageAs(email: string, lang: 'fi' | 'sv' | 'en'): Promise<Page> {
    const context = await newContext(env.browser, env.server.url, lang);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (409|422)/.test(m.text())) errors.push(m.text());
    });
    (page as Page & { consoleErrors: string[] }).consoleErrors = errors;
    await signInAs(page, email);
    return page;
  }
  const consoleErrors = (page: Page) => (page as Page & { consoleErrors: string[] }).consoleErrors;

  it('the advisor cannot check in a booking days ahead, checks in one about to start, and undoes the mistake', async () => {
    const ahead = await demoBooking(db(), 'Vero', 'asiantuntija@vero.demo', 2 * DAY);
    const soon = await demoBooking(db(), 'Vero', 'asiantuntija@vero.demo', 10);
    const advisor = await pageAs('neuvoja1@porvoo.demo', 'fi');
    const actions = () => advisor.getByRole('group', { name: tr('fi', 'calendar:actions.label') });

    await advisor.goto(`/desk/calendar/booking/${ahead.id}`);
    const opensAt = new Date(ahead.startsAt.getTime() - env.server.config.checkInOpensMinutes * 60_000);
    await advisor.getByText(`Ilmoittautumisen voi merkitä ${time(opensAt)} alkaen.`).waitFor();
    await actions().getByRole('button', { name: tr('fi', 'calendar:actions.move') }).waitFor();
    expect(await advisor.getByRole('button', { name: tr('fi', 'calendar:actions.checkIn') }).count()).toBe(0);

    await advisor.goto(`/desk/calendar/booking/${soon.id}`);
    await actions().getByRole('button', { name: tr('fi', 'calendar:actions.checkIn') }).click();
    await advisor.getByText(tr('fi', 'calendar:actions.checkedIn')).waitFor();
    await shot(advisor, 'desk-day-checked-in');
    expect(await axeViolations(advisor)).toEqual([]);
    // Checked in: it can no longer be moved, until the mistaken check-in is undone.
    expect(await actions().getByRole('button', { name: tr('fi', 'calendar:actions.move') }).count()).toBe(0);
    await actions().getByRole('button', { name: tr('fi', 'calendar:actions.undoCheckIn') }).click();
    await advisor.getByText(tr('fi', 'calendar:actions.checkInUndone')).waitFor();
    await actions().getByRole('button', { name: tr('fi', 'calendar:actions.move') }).waitFor();
    const [row] = await db().select().from(bookings).where(eq(bookings.id, soon.id));
    expect(row!.status).toBe('booked');
    expect(consoleErrors(advisor)).toEqual([]);
  });

  it('the expert can ask for identity verification only once the customer has checked in', async () => {
    const ahead = await demoBooking(db(), 'Vero', 'asiantuntija@vero.demo', 3 * DAY);
    const expert = await pageAs('asiantuntija@vero.demo', 'sv');
    await expert.goto(`/expert/bookings/${ahead.id}`);
    const panel = expert.getByRole('region', { name: tr('sv', 'assistance:identity.heading') });
    await panel.getByText(tr('sv', 'assistance:identity.notYet')).waitFor();
    expect(await panel.getByRole('button', { name: tr('sv', 'assistance:identity.request') }).count()).toBe(0);
    expect(await axeViolations(expert)).toEqual([]);
    // The server says the same to anyone who asks anyway.
    const asked = await expert.request.post(`/api/bookings/${ahead.id}/identity-checks`, { headers: { 'x-csrf-token': await csrf(expert) } });
    expect([asked.status(), (await asked.json()).code]).toEqual([409, 'identity_check.not_checked_in']);
    expect(await db().select().from(identityChecks).where(eq(identityChecks.bookingId, ahead.id))).toEqual([]);
    expect(consoleErrors(expert)).toEqual([]);
  });

  it('a henkilötunnus is refused with the same text at the handover form’s field, and a new user needs a role', async () => {
    const advisor = await pageAs('neuvoja1@porvoo.demo', 'en');
    await advisor.getByRole('link', { name: tr('en', 'documents:entry') }).click();
    await advisor.getByLabel(tr('en', 'documents:new.walkIn')).check();
    await advisor.getByLabel(tr('en', 'documents:new.customerName')).fill('Aino 131052-308T');
    await advisor.getByRole('button', { name: tr('en', 'documents:new.submit') }).click();
    const hetu = 'Do not write a personal identity code. Remove it and try again.';
    await advisor.getByRole('alert').filter({ hasText: hetu }).waitFor();
    expect(await advisor.getByText(tr('en', 'documents:new.incomplete')).count()).toBe(0);
    expect(await advisor.getByLabel(tr('en', 'documents:new.customerName')).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(advisor)).toEqual([]);

    const admin = await pageAs('paakayttaja@vm.demo', 'fi');
    await admin.goto('/admin');
    await admin.getByRole('button', { name: tr('fi', 'admin:createUser.submit') }).click();
    await admin.getByLabel(tr('fi', 'admin:users.email')).fill('uusi.kayttaja@vm.demo');
    await admin.getByLabel(tr('fi', 'admin:users.name'), { exact: true }).fill('Uusi 131052-308T');
    await admin.getByRole('button', { name: tr('fi', 'admin:createUser.submit') }).click();
    await admin.getByText('Älä kirjoita henkilötunnusta. Poista se ja yritä uudelleen.').waitFor();
    await admin.getByText(tr('fi', 'admin:validation.rolesNone')).waitFor();
    expect(await db().select().from(users).where(eq(users.email, 'uusi.kayttaja@vm.demo'))).toEqual([]);
  });

  it('holidays and closures are named wherever the point’s opening or days are shown', async () => {
    const advisor = await pageAs('neuvoja3@porvoo.demo', 'fi');
    // A closure today: the desk's card says so instead of "open now", in the closure's own words.
    const today = localDate(new Date(), 'Europe/Helsinki');
    const [point] = (await (await advisor.request.get('/api/service-points')).json()) as { id: string }[];
    const closure = await advisor.request.post(`/api/service-points/${point!.id}/closures`, {
      headers: { 'x-csrf-token': await csrf(advisor) },
      data: { startsOn: today, endsOn: today, reason: 'Henkilöstökoulutus' },
    });
    expect(closure.status()).toBe(201);
    await advisor.goto('/desk');
    await advisor.getByText('Suljettu tänään: Henkilöstökoulutus').waitFor();
    await advisor.getByRole('row', { name: /Suljettu: Henkilöstökoulutus/ }).waitFor();
    expect(await advisor.getByText(/^Avoinna nyt/).count()).toBe(0);

    // The next public holiday on a weekday is named in the calendar's week, and its day is shaded.
    let day = addDays(today, 1);
    while (!holidayNamesOn(day) || weekdayOf(day) > 5) day = addDays(day, 1);
    await advisor.goto(`/desk/calendar?date=${day}&view=week`);
    const heading = advisor.getByRole('heading', { name: new RegExp(`Suljettu: ${holidayNamesOn(day)!.fi}`) });
    await heading.waitFor();
    expect(await advisor.locator('section.cal-day-closed', { has: heading }).count()).toBe(1);
    await shot(advisor, 'desk-day-holiday');
    expect(await axeViolations(advisor)).toEqual([]);
    expect(consoleErrors(advisor)).toEqual([]);
  });
});

/** The session's CSRF token, as the app reads it. */
async function csrf(page: Page): Promise<string> {
  const me = await page.request.get('/api/auth/session');
  return ((await me.json()) as { csrfToken?: string }).csrfToken ?? '';
}
