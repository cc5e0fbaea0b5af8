import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, organisations, shortNameIs } from '../../src/server/db/schema/index.js';
import { icsDateTime, parseIcs } from '../../src/shared/ics.js';
import { zonedInstant } from '../../src/server/modules/scheduling/time.js';
import { formatDayLong, formatDayShort } from '../../src/web/routes/desk/calendar/time.js';
import { type TestSmtp, startTestSmtp } from '../helpers/messaging.js';
import { workingDayAhead } from '../helpers/scheduling.js';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer } from './harness.js';

const TZ = 'Europe/Helsinki';
const at = (day: string, time: string) => zonedInstant(day, time, TZ).toISOString();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** A suomifi Dropdown inside `scope`: its button is named by the shown value followed by the label. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('button', { name: new RegExp(`${escape(label)}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function waitForPath(page: Page, path: string) {
  await page.waitForFunction((p) => location.pathname === p, path);
}

describe.skipIf(!browserAvailable)('booking calendar', () => {
  let server: E2EServer;
  let browser: Browser;
  let smtp: TestSmtp;
  const contexts: BrowserContext[] = [];
  // Two working days ahead at least: past the minimum notice, and (for the reminder) not tomorrow.
  const day = workingDayAhead(2);
  const dayGroup = capital(formatDayShort(day, 'fi-FI'));
  let advisor: Page;
  let moved: { reference: string };

  async function pageAs(email: string, lang: 'fi' | 'sv' | 'en'): Promise<Page> {
    const context = await newContext(browser, server.url, lang);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await signInAs(page, email);
    return page;
  }

  const newBooking = () => advisor.getByRole('region', { name: 'Uusi varaus' });
  const slot = (scope: Locator, time: string) => scope.getByRole('group', { name: dayGroup }).getByRole('button', { name: time, exact: true });
  const rowOf = async (reference: string) => (await server.database.db.select().from(bookings).where(eq(bookings.reference, reference)))[0]!;
  const referenceOnScreen = async () => (await advisor.getByTestId('booking-reference').textContent())!.trim();

  /** Fills the customer form after a free time was picked, and saves. */
  async function fillCustomer(name: string, opts: { phone?: string; email?: string; language?: string } = {}) {
    const form = newBooking();
    await form.getByLabel('Asiakkaan nimi').fill(name);
    if (opts.phone) await form.getByLabel(/^Puhelinnumero/).fill(opts.phone);
    if (opts.email) await form.getByLabel(/^Sähköpostiosoite/).fill(opts.email);
    // suomifi draws the radio over its label: a person (and the test) clicks the label.
    await form.locator('label', { hasText: new RegExp(`^${opts.language ?? 'suomi'}$`) }).click();
    expect(await form.getByRole('radio', { name: opts.language ?? 'suomi', exact: true }).isChecked()).toBe(true);
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startServer({ smtpUrl: smtp.url, mailFrom: 'Etäpiste <noreply@etapiste.test>' }, { jobs: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('an advisor books from the desk calendar, moves the booking, and cancels a second one with a reason', async () => {
    advisor = await pageAs('neuvoja1@porvoo.demo', 'fi');
    await advisor.waitForURL('**/desk');
    await advisor.getByRole('link', { name: 'Avaa ajanvarauskalenteri' }).click();
    await waitForPath(advisor, '/desk/calendar');
    await advisor.getByText('Päivittyy reaaliajassa').waitFor();

    // To the day through the date field; the heading names it in the UI language.
    const [y, m, d] = day.split('-').map(Number);
    await advisor.getByRole('textbox', { name: 'Siirry päivään' }).fill(`${d}.${m}.${y}`);
    await advisor.getByRole('heading', { level: 2, name: capital(formatDayLong(day, 'fi-FI')) }).waitFor();
    await expectAccessible(advisor);
    await advisor.getByRole('button', { name: 'Viikko', exact: true }).click();
    await advisor.getByRole('heading', { level: 2, name: /^Viikko \d+: / }).waitFor();
    await advisor.getByRole('heading', { level: 3, name: dayGroup }).waitFor();
    await expectAccessible(advisor);
    await advisor.getByRole('button', { name: 'Päivä', exact: true }).click();
    await advisor.getByRole('heading', { level: 2, name: capital(formatDayLong(day, 'fi-FI')) }).waitFor();

    // Verohallinto, a 30-minute service, 10.00; the form checks the fields in Finnish before anything is sent.
    await choose(advisor, newBooking(), 'Viranomainen', 'Verohallinto');
    await choose(advisor, newBooking(), 'Palvelu', 'Henkilöasiakkaan veroasiat (30 min)');
    await slot(newBooking(), '10.00').click();
    await advisor.getByRole('heading', { name: 'Asiakkaan tiedot' }).waitFor();
    await fillCustomer('Maija Meikäläinen', { phone: '123', email: 'maija@example.com' });
    await newBooking().getByLabel(/^Lisätieto/).fill('Asiakkaan hetu 131052-308T');
    await advisor.getByRole('button', { name: 'Tallenna varaus' }).click();
    await advisor.getByText('Tarkista puhelinnumero, esimerkiksi 040 123 4567.').waitFor();
    await advisor.getByText('Älä kirjoita henkilötunnusta.').waitFor();
    await expectAccessible(advisor);
    await newBooking().getByLabel(/^Puhelinnumero/).fill('040 123 4567');
    await newBooking().getByLabel(/^Lisätieto/).fill('Tuo passin mukaan');
    await advisor.getByRole('button', { name: 'Tallenna varaus' }).click();

    await advisor.getByText('Varaus on tallennettu. Kerro asiakkaalle varaustunnus.').waitFor();
    const reference = await referenceOnScreen();
    expect(reference).toMatch(/^[A-Z0-9]{6}$/);
    const grid = advisor.locator('.cal-grid');
    await grid.getByRole('link', { name: new RegExp(`^10\\.00–10\\.30 Vero ${reference} Maija Meikäläinen`) }).waitFor();
    await expectAccessible(advisor);
    const [vero] = await server.database.db.select().from(organisations).where(shortNameIs('Vero'));
    expect(await rowOf(reference)).toMatchObject({
      status: 'booked',
      agencyId: vero!.id,
      startsAt: new Date(at(day, '10:00')),
      endsAt: new Date(at(day, '10:30')),
      customerName: 'Maija Meikäläinen',
      customerPhone: '+358401234567',
      customerEmail: 'maija@example.com',
      language: 'fi',
      channel: 'on-site',
      note: 'Tuo passin mukaan',
    });

    // Move to 13.00 from the free times of the service's week.
    await advisor.getByRole('button', { name: 'Siirrä', exact: true }).click();
    await slot(advisor.locator('.cal-detail'), '13.00').click();
    await advisor.getByRole('button', { name: /^Siirrä aikaan / }).click();
    await advisor.getByText('Varaus on siirretty.', { exact: false }).waitFor();
    await grid.getByRole('link', { name: new RegExp(`^13\\.00–13\\.30 Vero ${reference}`) }).waitFor();
    expect(await grid.getByRole('link', { name: new RegExp(`^10\\.00–10\\.30 Vero`) }).count()).toBe(0);
    await advisor.locator('.cal-history').getByText(/Siirretty: .* 10\.00 → .* 13\.00$/).waitFor();
    expect((await rowOf(reference)).startsAt).toEqual(new Date(at(day, '13:00')));
    moved = { reference };

    // A second booking: another screen takes 11.00 first, so saving says why and offers fresh times.
    await advisor.getByRole('link', { name: 'Sulje varauksen tiedot' }).click();
    await slot(newBooking(), '11.00').click();
    await fillCustomer('Kalle Peruttava');
    const { csrfToken } = (await (await advisor.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const taken = await advisor.request.post('/api/bookings', {
      headers: { 'x-csrf-token': csrfToken },
      data: { servicePointId: (await rowOf(reference)).servicePointId, agencyId: vero!.id, serviceId: (await rowOf(reference)).serviceId, start: at(day, '11:00'), customer: { name: 'Toinen Asiakas' }, language: 'fi', channel: 'service-point-phone' },
    });
    expect(taken.status()).toBe(201);
    await advisor.getByRole('button', { name: 'Tallenna varaus' }).click();
    await newBooking().getByText('Huone on jo varattu tähän aikaan. Valitse toinen aika.').waitFor();
    await expect.poll(() => slot(newBooking(), '11.00').count()).toBe(0);
    await slot(newBooking(), '11.30').click();
    expect(await newBooking().getByLabel('Asiakkaan nimi').inputValue()).toBe('Kalle Peruttava');
    await advisor.getByRole('button', { name: 'Tallenna varaus' }).click();
    await advisor.getByText('Varaus on tallennettu.', { exact: false }).waitFor();
    const second = await referenceOnScreen();
    expect((await rowOf(second)).startsAt).toEqual(new Date(at(day, '11:30')));

    await advisor.getByRole('button', { name: 'Peru varaus' }).click();
    await advisor.getByRole('button', { name: 'Vahvista peruutus' }).click();
    await advisor.getByText('Tämä tieto tarvitaan.').waitFor();
    await advisor.getByLabel('Peruutuksen syy').fill('Asiakas perui puhelimitse');
    await advisor.getByRole('button', { name: 'Vahvista peruutus' }).click();
    await advisor.getByText('Varaus on peruttu.', { exact: false }).waitFor();
    await advisor.locator('.cal-detail-status').getByText('Peruttu').waitFor();
    await advisor.locator('.cal-facts').getByText('Asiakas perui puhelimitse').waitFor();
    expect(await rowOf(second)).toMatchObject({ status: 'cancelled', cancelReason: 'Asiakas perui puhelimitse' });
    await expect.poll(() => grid.getByRole('link', { name: new RegExp(second) }).count()).toBe(0);

    // The search finds the cancelled one by name, with its status.
    await advisor.getByLabel('Nimi, puhelinnumero tai varaustunnus').fill('Peruttava');
    await advisor.getByRole('button', { name: 'Hae', exact: true }).click();
    const result = advisor.getByRole('search').locator('..').getByRole('link', { name: new RegExp(second) });
    await result.waitFor();
    expect(await result.textContent()).toContain('Peruttu');
  });

  it("the Vero expert sees the moved booking; the Kela expert sees that time only as busy", async () => {
    const veroExpert = await pageAs('asiantuntija@vero.demo', 'en');
    await veroExpert.waitForURL('**/expert');
    await veroExpert.getByRole('link', { name: 'Bookings and customer queue' }).click();
    await waitForPath(veroExpert, '/expert/bookings');
    const mine = veroExpert.getByRole('region', { name: 'My upcoming meetings' });
    await mine.getByRole('heading', { name: capital(formatDayLong(day, 'en-GB')) }).waitFor();
    await mine.getByRole('link', { name: new RegExp(`^13:00–13:30 Vero.*Maija Meikäläinen ${moved.reference}`) }).waitFor();
    await expectAccessible(veroExpert);

    await veroExpert.goto(`/expert/bookings?date=${day}`);
    const room = veroExpert.getByRole('region', { name: 'Remote service room: Porvoo-info' });
    await room.locator('.cal-grid').getByRole('link', { name: new RegExp(`^13:00–13:30 Vero ${moved.reference} Maija`) }).waitFor();
    await expectAccessible(veroExpert);

    const kela = await pageAs('asiantuntija@kela.demo', 'en');
    await kela.goto(`/expert/bookings?date=${day}`);
    const kelaRoom = kela.getByRole('region', { name: 'Remote service room: Porvoo-info' });
    await kelaRoom.locator('.cal-busy', { hasText: '13:00–13:30 Busy' }).waitFor();
    await kelaRoom.locator('.cal-busy', { hasText: '11:00–11:30 Busy' }).waitFor();
    const text = await kela.locator('body').innerText();
    expect(text).not.toContain('Maija');
    expect(text).not.toContain(moved.reference);
    expect(await kelaRoom.locator('.cal-grid a').count()).toBe(0);
    await expectAccessible(kela);
  });

  it("the expert's list shows a new booking without a reload", async () => {
    const veroExpert = await pageAs('asiantuntija@vero.demo', 'en');
    await veroExpert.goto('/expert/bookings');
    const agencyList = veroExpert.getByRole('region', { name: 'Vero: upcoming bookings' });
    await agencyList.getByRole('link', { name: new RegExp(moved.reference) }).waitFor();
    await veroExpert.getByText('Updating live').waitFor();
    await veroExpert.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    await advisor.getByRole('link', { name: 'Sulje varauksen tiedot' }).click();
    await slot(newBooking(), '14.00').click();
    await fillCustomer('Liisa Livenä');
    await advisor.getByRole('button', { name: 'Tallenna varaus' }).click();
    await advisor.getByText('Varaus on tallennettu.', { exact: false }).waitFor();
    const reference = await referenceOnScreen();

    await agencyList.getByRole('link', { name: new RegExp(`Liisa Livenä ${reference}`) }).waitFor({ timeout: 10_000 });
    expect(await veroExpert.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  });

  it("Kela's booker books for Kela from the same create flow, with the agency fixed and the channel the agency's phone", async () => {
    const booker = await pageAs('varaaja@kela.demo', 'en');
    await booker.goto(`/expert/bookings?date=${day}`);
    const create = booker.getByRole('region', { name: 'New booking' });
    await create.getByRole('button', { name: /Porvoo-info Service point$/ }).waitFor();
    expect(await create.getByRole('button', { name: /Agency$/ }).count()).toBe(0);
    await choose(booker, create, 'Service', 'Housing allowance (30 min)');
    await create.getByRole('group', { name: capital(formatDayShort(day, 'en-GB')) }).getByRole('button', { name: '14:30', exact: true }).click();
    await create.getByLabel("Customer's name").fill('Kerttu Kelalainen');
    await create.locator('label', { hasText: /^Finnish$/ }).click();
    expect(await create.getByRole('radio', { name: "The agency's phone service" }).isChecked()).toBe(true);
    await expectAccessible(booker);
    await create.getByRole('button', { name: 'Save booking' }).click();
    await booker.getByText('The booking is saved.', { exact: false }).waitFor();
    await booker.getByRole('heading', { level: 1, name: 'Booking details' }).waitFor();
    const reference = (await booker.getByTestId('booking-reference').textContent())!.trim();
    const [kela] = await server.database.db.select().from(organisations).where(shortNameIs('Kela'));
    expect(await rowOf(reference)).toMatchObject({ agencyId: kela!.id, channel: 'agency-phone', startsAt: new Date(at(day, '14:30')), customerName: 'Kerttu Kelalainen' });
    // A booker books but does not serve: no check-in or no-show here.
    expect(await booker.getByRole('button', { name: 'Check in' }).count()).toBe(0);
    await expectAccessible(booker);
  });

  it('a booking in Swedish sends the customer a Swedish confirmation with a calendar invitation', async () => {
    await advisor.getByRole('link', { name: 'Sulje varauksen tiedot' }).click();
    await slot(newBooking(), '9.00').click();
    await fillCustomer('Sven Svensson', { email: 'sven.svensson@example.com', language: 'ruotsi' });
    await advisor.getByRole('button', { name: 'Tallenna varaus' }).click();
    await advisor.getByText('Varaus on tallennettu.', { exact: false }).waitFor();
    const reference = await referenceOnScreen();
    expect(await rowOf(reference)).toMatchObject({ language: 'sv', customerEmail: 'sven.svensson@example.com' });

    await expect.poll(() => smtp.to('sven.svensson@example.com').length, { timeout: 30_000, interval: 100 }).toBe(1);
    const mail = smtp.to('sven.svensson@example.com')[0]!;
    expect(mail.parsed.subject).toMatch(/^Distansmöte bokat/);
    expect(mail.parsed.text).toContain(reference);
    expect(mail.parsed.text).toContain('skriv bokningskoden på pekskärmen i distansservicerummet');
    const part = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
    const props = parseIcs(part!.content.toString('utf8'));
    const prop = (name: string) => props.find((p) => p.name === name)?.value;
    expect(prop('METHOD')).toBe('REQUEST');
    expect(prop('DTSTART')).toBe(icsDateTime(new Date(at(day, '09:00'))));
    expect(prop('DTEND')).toBe(icsDateTime(new Date(at(day, '09:30'))));

    // The Finnish customer was told in Finnish, first of the booking and then of the move.
    const subjects = () => smtp.to('maija@example.com').map((m) => m.parsed.subject?.split(':')[0]);
    await expect.poll(() => subjects().sort(), { timeout: 30_000, interval: 100 }).toEqual(['Etätapaaminen varattu', 'Etätapaamisesi on muuttunut']);
  });
});
