import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/server/config.js';
import { bookings } from '../../src/server/db/schema/index.js';
import { formatDayLong } from '../../src/web/routes/desk/calendar/time.js';
import { type TestSmtp, startTestSmtp } from '../helpers/messaging.js';
import { workingDayAhead } from '../helpers/scheduling.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';

const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
const PHONE = { width: 390, height: 844 };

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe.skipIf(!browserAvailable)('public booking', () => {
  const overrides: Partial<Config> = { mailFrom: 'Etäpiste <noreply@etapiste.test>' };
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    overrides.smtpUrl = smtp.url;
    return () => smtp.close();
  });
  const env = suiteEnvironment(overrides, { jobs: true });
  // Past the demo services' 24-hour online notice, a working day.
  const day = workingDayAhead(3);

  it('a customer books in Swedish on a phone, follows the e-mailed link and moves the time; the desk calendar shows both live', async () => {
    // The advisor's desk calendar is open on the day, in another browser context.
    const advisorContext = await newContext(env.browser, env.server.url, 'fi');
    const advisor = await advisorContext.newPage();
    await advisor.setViewportSize({ width: 1280, height: 1000 });
    await signInAs(advisor, 'neuvoja1@porvoo.demo');
    await advisor.goto('/desk/calendar');
    await advisor.getByText('Päivittyy reaaliajassa').waitFor();
    const [y, m, d] = day.split('-').map(Number);
    await advisor.getByRole('textbox', { name: 'Siirry päivään' }).fill(`${d}.${m}.${y}`);
    await advisor.getByRole('heading', { level: 2, name: capital(formatDayLong(day, 'fi-FI')) }).waitFor();
    const grid = advisor.locator('.cal-grid');

    const context = await newContext(env.browser, env.server.url, 'sv');
    const customer = await context.newPage();
    await customer.setViewportSize(PHONE);
    const errors: string[] = [];
    customer.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    await customer.goto('/tidsbokning');
    await customer.getByRole('heading', { level: 1, name: 'Tidsbokning till distansservice' }).waitFor();
    expect(await customer.evaluate(() => document.documentElement.lang)).toBe('sv');

    // 1. The authority and its online service; Swedish is already the language of service.
    await customer.getByRole('radio', { name: 'Skatteförvaltningen' }).check();
    expect(await customer.getByRole('radio', { name: /Skattekort och förskottsskatt/ }).isChecked()).toBe(true);
    expect(await customer.getByRole('radio', { name: 'svenska' }).isChecked()).toBe(true);
    await expectAccessible(customer);
    await shot(customer, 'public-booking-1-sv');
    await customer.getByRole('button', { name: 'Fortsätt' }).click();

    // 2. The day and a free time.
    await customer.getByRole('heading', { level: 2, name: '2. Välj tid' }).waitFor();
    await customer.getByLabel('Dag').selectOption(day);
    await customer.getByRole('radio', { name: '11.00', exact: true }).check();
    await expectAccessible(customer);
    await shot(customer, 'public-booking-2-sv');
    await customer.getByRole('button', { name: 'Fortsätt' }).click();

    // 3. Contact details: a personal identity code is refused before anything is sent.
    await customer.getByLabel('Namn', { exact: true }).fill('Stina 131052-308T');
    await customer.getByLabel(/^E-postadress/).fill('stina@example.com');
    await customer.getByRole('button', { name: 'Fortsätt' }).click();
    await customer.getByText('Skriv inte din personbeteckning.').waitFor();
    await expectAccessible(customer);
    await customer.getByLabel('Namn', { exact: true }).fill('Stina Svensson');
    await customer.getByRole('button', { name: 'Fortsätt' }).click();

    // 4. Check and confirm → the reference, place, time, what to bring, the .ics.
    await customer.getByRole('heading', { level: 2, name: '4. Kontrollera och bekräfta' }).waitFor();
    await expectAccessible(customer);
    await customer.getByRole('button', { name: 'Bekräfta bokningen' }).click();
    await customer.getByRole('heading', { level: 2, name: 'Tiden är bokad' }).waitFor();
    const reference = (await customer.locator('.pb-reference').textContent())!.trim();
    expect(reference).toMatch(/^[A-Z0-9]{6}$/);
    await customer.getByText('Borgå-info', { exact: false }).first().waitFor();
    await customer.getByRole('heading', { name: 'Ta med' }).waitFor();
    const ics = customer.getByRole('link', { name: 'Lägg till i kalendern (.ics)' });
    const [download] = await Promise.all([customer.waitForEvent('download'), ics.click()]);
    expect(download.suggestedFilename()).toBe(`etapiste-${reference}.ics`);
    await expectAccessible(customer);
    await shot(customer, 'public-booking-3-done-sv');

    const [row] = await env.server.database.db.select().from(bookings).where(eq(bookings.reference, reference));
    expect(row).toMatchObject({ channel: 'online', language: 'sv', customerEmail: 'stina@example.com', createdBy: null });

    // The desk calendar shows the online booking without a reload.
    await grid.getByRole('link', { name: new RegExp(`^11\\.00–11\\.20 Vero ${reference}`) }).waitFor();

    // The confirmation e-mail (a real SMTP server) carries the personal link.
    await expect.poll(() => smtp.to('stina@example.com').length, { timeout: 30_000 }).toBe(1);
    const text = smtp.to('stina@example.com')[0]!.parsed.text ?? '';
    const link = /(https?:\/\/\S+\/tidsbokning\/bokning\/[A-Za-z0-9_-]{43})/.exec(text)?.[1];
    expect(link).toBeDefined();

    // The link: the booking without the e-mail address; move it to 13.00.
    await customer.goto(link!);
    await customer.getByRole('heading', { level: 2, name: 'Din bokning' }).waitFor();
    await customer.getByText('Hej Stina!').waitFor();
    expect(await customer.content()).not.toContain('stina@example.com');
    await expectAccessible(customer);
    await customer.getByRole('button', { name: 'Flytta tiden' }).click();
    await customer.getByLabel('Dag').selectOption(day);
    await customer.getByRole('radio', { name: '13.00', exact: true }).check();
    await customer.getByRole('button', { name: 'Flytta till den här tiden' }).click();
    await customer.getByText('Tiden har flyttats.', { exact: false }).waitFor();
    await expectAccessible(customer);
    await shot(customer, 'public-booking-4-moved-sv');

    await grid.getByRole('link', { name: new RegExp(`^13\\.00–13\\.20 Vero ${reference}`) }).waitFor();
    expect(await grid.getByRole('link', { name: new RegExp(`^11\\.00–11\\.20 Vero ${reference}`) }).count()).toBe(0);
    // The advisor sees where the booking came from.
    await grid.getByRole('link', { name: new RegExp(`^13\\.00–13\\.20 Vero ${reference}`) }).click();
    await advisor.getByText('Asiakkaan oma verkkovaraus').waitFor();
    await expect.poll(() => smtp.to('stina@example.com').length, { timeout: 30_000 }).toBe(2);
    expect(smtp.to('stina@example.com')[1]!.parsed.text).toContain(link);
    expect(errors).toEqual([]);
    await context.close();
    await advisorContext.close();
  });

  it('the poster page shows the booking address as a QR code, and the footer of the sign-in page links the booking page', async () => {
    const context = await newContext(env.browser, env.server.url, 'fi');
    const page = await context.newPage();
    await page.goto('/ajanvaraus/juliste');
    await page.getByRole('heading', { level: 2, name: 'Varaa aika etäpalveluun' }).waitFor();
    const qr = page.getByRole('img', { name: /\/ajanvaraus\?servicePointId=/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expectAccessible(page);
    await page.goto('/login');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Varaa aika etäpalveluun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ajanvaraus etäpalveluun' }).waitFor();
    await context.close();
  });
});
