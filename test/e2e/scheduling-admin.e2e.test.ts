import { eq } from 'drizzle-orm';
import { type APIRequestContext, type Browser, type BrowserContext, type Page, request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { interpreters, organisations, servicePoints, services, users, shortNameIs } from '../../src/server/db/schema/index.js';
import { holidayOn } from '../../src/server/modules/scheduling/holidays.js';
import { DEMO_PASSWORD, type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer } from './harness.js';

/** The app routes on the client, so wait for the path itself rather than for a page load. */
async function waitForPath(page: Page, path: string) {
  await page.waitForFunction((p) => location.pathname === p, path);
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Today in Helsinki (the service point's zone) as YYYY-MM-DD, whatever zone the test machine runs in. */
const helsinkiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
const addDays = (ymd: string, n: number) => new Date(Date.parse(`${ymd}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
const weekdayOf = (ymd: string) => new Date(`${ymd}T12:00:00Z`).getUTCDay() || 7;
/** The first date at least two days ahead that falls on the weekday and is no public holiday. */
function next(weekday: number, after = helsinkiToday()): string {
  let d = addDays(after, 2);
  while (weekdayOf(d) !== weekday || holidayOn(d)) d = addDays(d, 1);
  return d;
}
/** "2026-03-13" → "13.3.2026", as typed into the date inputs. */
const typed = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${d}.${m}.${y}`;
};

describe.skipIf(!browserAvailable)('scheduling administration', () => {
  let server: E2EServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ids: { kela: string; porvooInfo: string; housing: string; expert: string };
  let advisor: APIRequestContext;

  /** A signed-in page in English in a context of its own. */
  async function pageAs(email: string): Promise<Page> {
    const context = await newContext(browser, server.url, 'en');
    contexts.push(context);
    const page = await context.newPage();
    await signInAs(page, email);
    return page;
  }

  /** Bookable times at Porvoo-info for Kela's housing allowance on one day, as a service advisor sees them. */
  async function slotsOn(day: string, expertId?: string) {
    const qs = new URLSearchParams({ servicePointId: ids.porvooInfo, agencyId: ids.kela, serviceId: ids.housing, from: day, to: day, ...(expertId ? { expertId } : {}) });
    const res = await advisor.get(`/api/availability?${qs}`);
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { slots: { start: string; expertId: string }[] }).slots;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const db = server.database.db;
    const [kela] = await db.select().from(organisations).where(shortNameIs('Kela'));
    const points = await db.select().from(servicePoints);
    const kelaServices = await db.select().from(services).where(eq(services.agencyId, kela!.id));
    const [expert] = await db.select().from(users).where(eq(users.email, 'asiantuntija@kela.demo'));
    ids = {
      kela: kela!.id,
      porvooInfo: points.find((p) => p.name.fi === 'Porvoo-info')!.id,
      housing: kelaServices.find((s) => s.name.en === 'Housing allowance')!.id,
      expert: expert!.id,
    };
    // The advisor only asks the API; a page of their own is not needed.
    advisor = await request.newContext({ baseURL: server.url });
    const login = await advisor.post('/api/auth/login', { data: { email: 'neuvoja1@porvoo.demo', password: DEMO_PASSWORD } });
    expect(login.ok()).toBe(true);
  });
  // Each test's browsers close when it ends: open pages would only slow the next test down.
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  });
  afterAll(async () => {
    await advisor?.dispose();
    await browser?.close();
    await server?.stop();
  });

  it("the Kela agency admin creates a service and edits it, seeing only Kela's services", async () => {
    const page = await pageAs('admin@kela.demo');
    await page.goto('/admin');
    await waitForPath(page, '/admin/users');
    const tabs = page.getByRole('navigation', { name: 'Administration', exact: true });
    await tabs.getByRole('link', { name: 'Services' }).click();
    await waitForPath(page, '/admin/services');
    const table = page.getByRole('table', { name: 'Services' });
    await table.getByRole('link', { name: 'Housing allowance' }).waitFor();
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['Users', 'Services', 'Working hours', 'API tokens', 'Privacy', 'Agreements']);
    expect(await table.getByRole('link', { name: 'Personal taxation' }).count()).toBe(0);
    expect(await table.getByRole('row', { name: /Housing allowance/ }).textContent()).toContain('30 minutes');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'New service' }).click();
    await waitForPath(page, '/admin/services/new');
    await page.getByRole('heading', { level: 1, name: 'New service' }).waitFor();
    await page.getByText('Kela', { exact: true }).first().waitFor();
    await page.getByLabel('Name in Finnish').fill('Opintotuki');
    await page.getByLabel('Name in Swedish').fill('Studiestöd');
    await page.getByLabel('Name in English').fill('Student financial aid');
    await page.getByLabel('Duration in minutes').fill('7');
    await page.getByRole('checkbox', { name: 'English' }).check({ force: true });
    await page.getByLabel('Other languages offered').fill('ru, x1');
    await page.getByRole('button', { name: 'Create service' }).click();
    await page.getByText('Enter a duration from 10 to 240 minutes in steps of 5 minutes.').waitFor();
    await page.getByText('Enter language codes of two or three letters').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Duration in minutes').fill('25');
    await page.getByLabel('Other languages offered').fill('ru');
    await page.getByRole('button', { name: 'Create service' }).click();
    await waitForPath(page, '/admin/services');
    const row = table.getByRole('row', { name: /Student financial aid/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('25 minutes');
    expect(await row.textContent()).toContain('Finnish, Swedish, English, Russian');

    await table.getByRole('link', { name: 'Student financial aid' }).click();
    await page.getByRole('heading', { level: 1, name: 'Student financial aid' }).waitFor();
    expect(await page.getByLabel('Other languages offered').inputValue()).toBe('ru');
    await page.getByLabel('Duration in minutes').fill('40');
    await page.getByRole('checkbox', { name: 'Interpreting possible' }).uncheck({ force: true });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await expectAccessible(page);

    const saved = (await server.database.db.select().from(services).where(eq(services.agencyId, ids.kela))).find((s) => s.name.en === 'Student financial aid');
    expect(saved).toMatchObject({ name: { fi: 'Opintotuki', sv: 'Studiestöd', en: 'Student financial aid' }, durationMinutes: 40, languages: ['fi', 'sv', 'en', 'ru'], interpretingPossible: false, active: true });
  });

  it("the Kela agency admin gives the expert Fridays off, and Friday's bookable times go", async () => {
    const friday = next(5);
    const thursday = next(4);
    const monday = next(1, friday);
    expect((await slotsOn(friday, ids.expert)).length).toBeGreaterThan(0);

    const page = await pageAs('admin@kela.demo');
    await page.goto('/admin/working-hours');
    await page.getByRole('heading', { level: 2, name: 'Experts of Kela' }).waitFor();
    await page.getByRole('link', { name: 'Kaisa Mäkelä' }).click();
    await page.getByRole('heading', { level: 1, name: 'Working hours of Kaisa Mäkelä' }).waitFor();
    expect(await page.getByLabel('Monday: From').inputValue()).toBe('8.00');
    expect(await page.getByRole('checkbox', { name: 'At work on Saturday' }).isChecked()).toBe(false);
    await expectAccessible(page);

    await page.getByRole('checkbox', { name: 'At work on Friday' }).uncheck({ force: true });
    expect(await page.getByLabel('Friday: From').count()).toBe(0);
    // Thursday: a later start and a second period after a break.
    await page.getByLabel('Thursday: From').fill('10.00');
    await page.getByLabel('Thursday: To').fill('12.00');
    await page.getByRole('button', { name: 'Add a second period: Thursday' }).click();
    await page.getByLabel('Thursday, second period: From').fill('11.00');
    await page.getByLabel('Thursday, second period: To').fill('15.00');
    // The next Monday off, for training; a personal identity code in the reason is refused.
    await page.getByRole('button', { name: 'Add an exception' }).click();
    const exception = page.getByRole('group', { name: 'Exception 1', exact: true });
    const date = exception.getByLabel('Exception 1: Date');
    expect(await date.evaluate((el) => el === document.activeElement)).toBe(true);
    await date.fill(typed(monday));
    await exception.getByLabel('Exception 1: Reason').fill('Koulutus 131052-308T');
    await page.getByRole('button', { name: 'Save working hours' }).click();
    await page.getByText('The second period must start after the first one ends.').waitFor();
    await page.getByText('Do not write a personal identity code. Remove it and try again.').waitFor();
    await page.getByText('Check the marked fields.').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Thursday, second period: From').fill('13.00');
    await exception.getByLabel('Exception 1: Reason').fill('Koulutus');
    await page.getByRole('button', { name: 'Save working hours' }).click();
    await page.getByText('Working hours saved.').waitFor();

    const hours = await (await page.request.get(`/api/experts/${ids.expert}/working-hours`)).json();
    expect(hours.weekly.filter((w: { weekday: number }) => w.weekday === 4)).toEqual([
      { weekday: 4, starts: '10:00', ends: '12:00' },
      { weekday: 4, starts: '13:00', ends: '15:00' },
    ]);
    expect(hours.weekly.some((w: { weekday: number }) => w.weekday === 5)).toBe(false);
    expect(hours.exceptions).toEqual([{ day: monday, reason: 'Koulutus' }]);

    expect(await slotsOn(friday, ids.expert)).toEqual([]);
    expect(await slotsOn(monday, ids.expert)).toEqual([]);
    const thursdayTimes = (await slotsOn(thursday, ids.expert)).map((s) => s.start.slice(11, 16));
    expect(thursdayTimes.length).toBeGreaterThan(0);
    expect(thursdayTimes.every((t) => (t >= '10:00' && t < '12:00') || (t >= '13:00' && t < '15:00'))).toBe(true);

    // The page shows what was saved after a reload.
    await page.reload();
    await page.getByRole('group', { name: 'Exception 1', exact: true }).waitFor();
    expect(await page.getByLabel('Exception 1: Date').inputValue()).toBe(typed(monday));
    expect(await page.getByLabel('Thursday, second period: To').inputValue()).toBe('15.00');
    expect(await page.getByRole('checkbox', { name: 'At work on Friday' }).isChecked()).toBe(false);
  });

  it('the expert keeps their own working hours under My account', async () => {
    const page = await pageAs('asiantuntija@kela.demo');
    await page.goto('/account');
    await page.getByRole('link', { name: 'Change my working hours' }).click();
    await waitForPath(page, '/account/working-hours');
    await page.getByRole('heading', { level: 1, name: 'My working hours' }).waitFor();
    await page.getByLabel('Wednesday: To').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Wednesday: To').fill('14.30');
    await page.getByRole('button', { name: 'Save working hours' }).click();
    await page.getByText('Working hours saved.').waitFor();
    const hours = await (await page.request.get(`/api/experts/${ids.expert}/working-hours`)).json();
    expect(hours.weekly.find((w: { weekday: number }) => w.weekday === 3)).toEqual({ weekday: 3, starts: '08:00', ends: '14:30' });
  });

  it('the main admin closes Porvoo-info for a day: nothing can be booked then, and removing the closure opens it again', async () => {
    const tuesday = next(2);
    expect((await slotsOn(tuesday)).length).toBeGreaterThan(0);

    const page = await pageAs('paakayttaja@vm.demo');
    await page.goto('/admin/service-points');
    await page.getByRole('link', { name: 'Porvoo-info' }).click();
    await page.getByRole('heading', { level: 2, name: 'Closures' }).waitFor();
    await page.getByText('No upcoming closures.').waitFor();
    await expectAccessible(page);

    await page.getByLabel('First day').fill(typed(tuesday));
    await page.getByLabel('Reason', { exact: true }).fill('Asiakkaan 131052-308T asia');
    await page.getByRole('button', { name: 'Add closure' }).click();
    await page.getByText('Do not write a personal identity code. Remove it and try again.').waitFor();
    await page.getByLabel('Reason', { exact: true }).fill('Henkilöstökoulutus');
    await page.getByRole('button', { name: 'Add closure' }).click();
    await page.getByText('Closure added.').waitFor();
    const row = page.getByRole('row', { name: /Henkilöstökoulutus/ });
    await row.waitFor();
    await expectAccessible(page);

    expect(await slotsOn(tuesday)).toEqual([]);
    expect((await slotsOn(addDays(tuesday, 1))).length).toBeGreaterThan(0);

    await row.getByRole('button', { name: /^Remove the closure/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByText('The closure has been removed.').waitFor();
    await page.getByText('No upcoming closures.').waitFor();
    expect((await slotsOn(tuesday)).length).toBeGreaterThan(0);
  });

  it('the main admin adds a Finnish Sign Language interpreter, sets their hours and takes them out of use', async () => {
    const page = await pageAs('paakayttaja@vm.demo');
    await page.goto('/admin/interpreters');
    const table = page.getByRole('table', { name: 'Interpreters' });
    const existing = table.getByRole('row', { name: /Áile Magga/ });
    await existing.waitFor();
    expect(await existing.textContent()).toContain('North Sámi, Inari Sámi, Skolt Sámi');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'New interpreter' }).click();
    await waitForPath(page, '/admin/interpreters/new');
    await page.getByRole('button', { name: 'Create interpreter' }).click();
    await page.getByText('Choose at least one language.').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Name', { exact: true }).fill('Sanna Viittomo');
    await page.getByLabel('Interpreting service').fill('Tulkkauspalvelu (testi)');
    await page.getByRole('checkbox', { name: 'Finnish Sign Language' }).check({ force: true });
    await page.getByRole('button', { name: 'Create interpreter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sanna Viittomo' }).waitFor();
    await page.getByText('Interpreter created.').waitFor();
    expect(await page.getByRole('checkbox', { name: 'At work on Monday' }).isChecked()).toBe(false);
    await expectAccessible(page);

    await page.getByRole('checkbox', { name: 'At work on Monday' }).check({ force: true });
    await page.getByRole('checkbox', { name: 'At work on Tuesday' }).check({ force: true });
    await page.getByLabel('Tuesday: To').fill('12.00');
    await page.getByRole('button', { name: 'Save working hours' }).click();
    await page.getByText('Working hours saved.').waitFor();

    const [created] = await server.database.db.select().from(interpreters).where(eq(interpreters.name, 'Sanna Viittomo'));
    expect(created).toMatchObject({ provider: 'Tulkkauspalvelu (testi)', languages: ['fse'], active: true });
    const hours = await (await page.request.get(`/api/interpreters/${created!.id}/working-hours`)).json();
    expect(hours.weekly).toEqual([
      { weekday: 1, starts: '08:00', ends: '16:00' },
      { weekday: 2, starts: '08:00', ends: '12:00' },
    ]);

    await page.getByRole('button', { name: 'Take out of use' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Take out of use' }).click();
    await page.getByText('The interpreter has been taken out of use.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sanna Viittomo (Not in use)' }).waitFor();

    await page.getByRole('link', { name: 'Back to interpreters' }).click();
    const row = table.getByRole('row', { name: /Sanna Viittomo/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Finnish Sign Language');
    expect(await row.textContent()).toContain('Not in use');
  });

  it('in Finnish and Swedish the interpreting languages have their own names', async () => {
    for (const [lang, name] of [
      ['fi', 'suomalainen viittomakieli'],
      ['sv', 'finskt teckenspråk'],
    ] as const) {
      const context = await newContext(browser, server.url, lang);
      contexts.push(context);
      const page = await context.newPage();
      await signInAs(page, 'paakayttaja@vm.demo');
      await page.goto('/admin/interpreters');
      const row = page.getByRole('row', { name: /Aino Kivi/ });
      await row.waitFor();
      expect(await row.textContent()).toContain(name);
    }
  });
});
