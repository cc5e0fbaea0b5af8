import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bookings } from '../../src/server/db/schema/index.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import { switchLanguage, tr } from './ui.js';

const CUSTOMER = { name: 'Eeva Esimerkki', phone: '040 555 1234', email: 'eeva.esimerkki@example.com' };

/** Console errors and refused or failed API calls on the pages a test visits: there should be none. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.url().includes('/api/') && (r.status() === 403 || r.status() >= 500)) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return problems;
}

describe.skipIf(!browserAvailable)('privacy: data subjects and the record of processing', () => {
  const env = suiteEnvironment();

  async function pageAs(email: string, lang: 'fi' | 'sv' = 'fi', size = { width: 1280, height: 800 }) {
    const page = await (await newContext(env.browser, env.server.url, lang)).newPage();
    await page.setViewportSize(size);
    const problems = watch(page);
    await signInAs(page, email);
    return { page, problems };
  }
  const expectAccessible = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

  /** Books the customer at the demo point for the agency, as that agency's staff member does through the API. */
  async function book(email: string, shortName: string) {
    const { page } = await pageAs(email);
    const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const [point] = (await (await page.request.get('/api/service-points')).json()) as { id: string }[];
    const agency = ((await (await page.request.get('/api/organisations')).json()) as { id: string; shortName: { fi: string } }[]).find((o) => o.shortName.fi === shortName)!;
    const [service] = (await (await page.request.get(`/api/services?agencyId=${agency.id}`)).json()) as { id: string }[];
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const { slots } = (await (await page.request.get(`/api/availability?servicePointId=${point!.id}&agencyId=${agency.id}&serviceId=${service!.id}&from=${from}&to=${to}`)).json()) as { slots: { start: string }[] };
    const res = await page.request.post('/api/bookings', {
      headers: { 'x-csrf-token': csrfToken },
      data: { servicePointId: point!.id, agencyId: agency.id, serviceId: service!.id, start: slots[0]!.start, customer: CUSTOMER, language: 'fi', channel: 'agency-phone', note: 'Asiakas toivoo soittoa' },
    });
    expect(res.status(), await res.text()).toBe(201);
    const booking = (await res.json()) as { id: string; reference: string };
    await page.context().close();
    return booking;
  }

  it('the Kela admin finds, exports and erases a customer; Vero’s record of the same person stays', async () => {
    const kela = await book('varaaja@kela.demo', 'Kela');
    const vero = await book('asiantuntija@vero.demo', 'Vero');

    const { page, problems } = await pageAs('admin@kela.demo');
    await page.goto('/admin');
    await page.getByRole('link', { name: tr('fi', 'privacy:nav.tab') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'privacy:subjects.title') }).waitFor();
    await expectAccessible(page);

    // A reason is required before anything is looked up.
    await page.getByLabel(new RegExp(`^${tr('fi', 'privacy:subjects.name')}`)).fill(CUSTOMER.name);
    await page.getByRole('button', { name: tr('fi', 'privacy:subjects.search'), exact: true }).click();
    await page.getByText(tr('fi', 'privacy:subjects.reasonRequired')).waitFor();
    await page.getByLabel(tr('fi', 'privacy:subjects.reason')).fill('Tietopyyntö 6.12.2026, dnro 123/2026');
    await page.getByRole('button', { name: tr('fi', 'privacy:subjects.search'), exact: true }).click();
    const results = page.getByRole('region', { name: tr('fi', 'privacy:subjects.resultsHeading') });
    const table = results.getByRole('table', { name: tr('fi', 'privacy:subjects.bookings') });
    await table.getByRole('row').filter({ hasText: kela.reference }).waitFor();
    // Only Kela's own booking: the same person's Vero booking is not Kela's to see.
    expect(await table.getByRole('row').filter({ hasText: vero.reference }).count()).toBe(0);
    await expectAccessible(page);
    await shot(page, 'privacy-subjects-results-fi');

    // A copy for the person: the PDF and the JSON.
    const [pdf] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: tr('fi', 'privacy:subjects.exportPdf') }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    const [json] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: tr('fi', 'privacy:subjects.exportJson') }).click()]);
    const exported = JSON.parse(await readFile((await json.path())!, 'utf8')) as { bookings: { reference: string; customer: { name: string } }[] };
    expect(exported.bookings).toEqual([expect.objectContaining({ reference: kela.reference, customer: expect.objectContaining({ name: CUSTOMER.name }) })]);

    // Erasure, confirmed.
    await results.getByRole('button', { name: tr('fi', 'privacy:subjects.erase') }).click();
    await expectAccessible(page);
    await results.getByRole('button', { name: tr('fi', 'privacy:subjects.eraseConfirmButton') }).click();
    await page.getByRole('status').filter({ hasText: tr('fi', 'privacy:subjects.erased').split(':')[0]! }).waitFor();
    await expectAccessible(page);
    await shot(page, 'privacy-subjects-erased-fi');
    const row = async (id: string) => (await env.server.database.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
    expect(await row(kela.id)).toMatchObject({ customerName: null, customerPhone: null, customerEmail: null, note: null, status: 'cancelled', customerDataRemovedAt: expect.any(Date) });
    expect(await row(vero.id)).toMatchObject({ customerName: CUSTOMER.name, status: 'booked' });
    expect(problems).toEqual([]);
  });

  it('the Kela admin writes the record of processing; Kela’s expert reads it; both in Finnish and Swedish', async () => {
    const { page, problems } = await pageAs('admin@kela.demo');
    await page.goto('/admin/privacy/record');
    await page.getByRole('heading', { level: 1, name: tr('fi', 'privacy:record.title') }).waitFor();
    await expectAccessible(page);
    await page.getByLabel(tr('fi', 'privacy:record.fields.purposes')).fill('Etäpalvelun ajanvaraus ja asiakkaan palveleminen videoyhteydellä.');
    await page.getByLabel(tr('fi', 'privacy:record.fields.retentionDays')).fill('14');
    await page.getByRole('button', { name: tr('fi', 'privacy:record.save') }).click();
    await page.getByText(tr('fi', 'privacy:record.saved')).waitFor();
    const facts = page.getByRole('region', { name: tr('fi', 'privacy:record.enforcedHeading') });
    await facts.getByText(tr('fi', 'privacy:record.days_other').replace('{{count}}', '14')).waitFor();
    await expectAccessible(page);
    await shot(page, 'privacy-record-admin-fi');
    await switchLanguage(page, 'sv');
    await page.getByRole('heading', { level: 1, name: tr('sv', 'privacy:record.title') }).waitFor();
    await expectAccessible(page);
    await shot(page, 'privacy-record-admin-sv');
    expect(problems).toEqual([]);

    const expert = await pageAs('asiantuntija@kela.demo', 'sv', { width: 1024, height: 768 });
    await expert.page.goto('/expert');
    await expert.page.getByRole('link', { name: tr('sv', 'privacy:record.entry') }).click();
    await expert.page.getByRole('heading', { level: 1, name: tr('sv', 'privacy:record.title') }).waitFor();
    await expert.page.getByText('Etäpalvelun ajanvaraus ja asiakkaan palveleminen videoyhteydellä.').waitFor();
    expect(await expert.page.getByRole('button', { name: tr('sv', 'privacy:record.save') }).count()).toBe(0);
    await expectAccessible(expert.page);
    await shot(expert.page, 'privacy-record-expert-sv');
    expect(expert.problems).toEqual([]);
  });
});
