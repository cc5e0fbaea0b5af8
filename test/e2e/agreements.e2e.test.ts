import { and, eq, isNull } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agreementDuties } from '../../src/server/db/schema/index.js';
import { PNG_1PX, makePdf } from '../helpers/documents.js';
import { demoBooking } from './demo-bookings.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import type { Lang } from './translations.js';
import { tr } from './ui.js';

const KELA = 'Kela';
const VERO = 'Verohallinto';
/** The demo world's agreement in force today (2.3.2026–31.12.2027); the pilot before it has ended. */
const IN_FORCE = 'Sopimus yhteispalvelusta – etäpalvelu, Porvoo-info 2026–2027';

/** Console errors and refused API calls on the pages a test visits: there should be none. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    // A refusal the test provokes on purpose (422) is logged by the browser too; anything else is a problem.
    if (m.type() === 'error' && !/status of 422/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() === 403 || (r.url().includes('/api/') && r.status() >= 500)) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return problems;
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Screenshots for review at the two common desktop sizes (only with E2E_SCREENSHOTS set). */
async function shots(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.skipIf(!browserAvailable)('joint-service agreements', () => {
  const env = suiteEnvironment();

  async function pageAs(email: string, lang: Lang = 'fi') {
    const page = await (await newContext(env.browser, env.server.url, lang)).newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const problems = watch(page);
    await signInAs(page, email);
    return { page, problems };
  }

  it('the main admin amends the agreement in force so that Kela no longer delegates document reception; version 1 stays readable', async () => {
    const { page, problems } = await pageAs('paakayttaja@vm.demo');
    await page.goto('/admin/agreements');
    await page.getByRole('heading', { level: 1, name: tr('fi', 'agreements:list.title') }).waitFor();
    const row = page.getByTestId('agreement-row').filter({ hasText: IN_FORCE });
    await row.waitFor();
    expect(await row.getByText(tr('fi', 'agreements:state.in-force')).isVisible()).toBe(true);
    expect(await page.getByTestId('agreement-row').filter({ hasText: tr('fi', 'agreements:state.ended') }).count()).toBe(1);
    await expectAccessible(page);
    await shots(page, 'agreements-list-fi');

    await row.getByRole('link', { name: IN_FORCE }).click();
    await page.getByRole('heading', { level: 1, name: IN_FORCE }).waitFor();
    const kelaParty = page.getByTestId('party-row').filter({ hasText: KELA });
    expect(await kelaParty.innerText()).toContain(tr('fi', 'agreements:tasks.document-reception'));
    await expectAccessible(page);
    await shots(page, 'agreements-detail-fi');

    // The amendment form starts from the newest version's terms.
    await page.getByRole('link', { name: tr('fi', 'agreements:detail.amend') }).click();
    await page.getByRole('heading', { level: 1, name: `${tr('fi', 'agreements:amend.title')}: ${IN_FORCE}` }).waitFor();
    const kelaTasks = page.locator('.agr-principal').filter({ hasText: KELA });
    const kelaDocuments = kelaTasks.getByLabel(tr('fi', 'agreements:tasks.document-reception'));
    expect(await kelaDocuments.isChecked()).toBe(true);
    expect(await page.getByLabel(tr('fi', 'agreements:form.title')).inputValue()).toBe(IN_FORCE);
    await expectAccessible(page);
    await kelaDocuments.uncheck();
    await page.getByLabel(tr('fi', 'agreements:amend.description')).fill('Kela ottaa asiakirjat vastaan itse.');
    await shot(page, 'agreements-amend-fi');
    await page.getByRole('button', { name: tr('fi', 'agreements:amend.save') }).click();

    // Back on the agreement: version 2 is current, Kela no longer receives documents, version 1 is still readable.
    await page.getByRole('heading', { level: 1, name: IN_FORCE }).waitFor();
    const versions = page.getByTestId('agreement-version');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.nth(0).innerText()).toContain(`${tr('fi', 'agreements:versions.item').replace('{{version}}', '2')} (${tr('fi', 'agreements:versions.current')})`);
    expect(await versions.nth(0).innerText()).toContain('Kela ottaa asiakirjat vastaan itse.');
    expect(await kelaParty.innerText()).not.toContain(tr('fi', 'agreements:tasks.document-reception'));
    const version1 = versions.nth(1);
    await version1.getByText(tr('fi', 'agreements:versions.show').replace('{{version}}', '1')).click();
    const kelaThen = version1.getByRole('row').filter({ hasText: KELA });
    await kelaThen.waitFor();
    expect(await kelaThen.innerText()).toContain(tr('fi', 'agreements:tasks.document-reception'));
    const amended = page.getByTestId('history-row').filter({ hasText: tr('fi', 'agreements:history.actions.amended') });
    expect(await amended.innerText()).toContain(`${KELA} – ${tr('fi', 'agreements:tasksInText.document-reception')}`);
    await expectAccessible(page);
    await shots(page, 'agreements-detail-amended-fi');

    // The signed agreement: a PNG is refused in words, the PDF is attached and can be downloaded.
    const file = page.getByLabel(tr('fi', 'agreements:document.file'));
    await file.setInputFiles({ name: 'sopimus.png', mimeType: 'image/png', buffer: PNG_1PX });
    await page.getByRole('button', { name: tr('fi', 'agreements:document.upload') }).click();
    await page.getByText(tr('fi', 'agreements:errors.agreement.document_not_pdf')).waitFor();
    const pdf = await makePdf(1, { label: 'Sopimus' });
    await file.setInputFiles({ name: 'sopimus-2026.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: tr('fi', 'agreements:document.upload') }).click();
    await page.getByText(tr('fi', 'agreements:document.uploaded')).waitFor();
    const download = page.getByRole('link', { name: tr('fi', 'agreements:document.download').replace('{{filename}}', 'sopimus-2026.pdf') });
    const stored = await page.request.get((await download.getAttribute('href'))!);
    expect([stored.status(), stored.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect((await stored.body()).equals(pdf)).toBe(true);

    // The same pages in Swedish.
    await page.evaluate(() => localStorage.setItem('etapiste.language', 'sv'));
    await page.goto('/admin/agreements');
    await page.getByRole('heading', { level: 1, name: tr('sv', 'agreements:list.title') }).waitFor();
    await shots(page, 'agreements-list-sv');
    await page.getByRole('link', { name: IN_FORCE }).click();
    await page.getByRole('heading', { level: 2, name: tr('sv', 'agreements:versions.heading') }).waitFor();
    await expectAccessible(page);
    await shots(page, 'agreements-detail-sv');
    expect(problems).toEqual([]);
  });

  it('the advisor no longer receives documents for Kela: the handover form does not offer it, the API refuses, the desk panel says so', async () => {
    const { page, problems } = await pageAs('neuvoja1@porvoo.demo');
    const panel = page.getByRole('region', { name: tr('fi', 'agreements:desk.heading') });
    await panel.getByTestId('delegation-row').first().waitFor();
    const cells = async (agency: string) => panel.getByTestId('delegation-row').filter({ hasText: agency }).getByRole('cell').allInnerTexts();
    const [yes, no] = [tr('fi', 'agreements:desk.yes'), tr('fi', 'agreements:desk.no')];
    // Columns: identity verification, booking, document reception, valid until.
    expect((await cells(KELA)).slice(0, 3)).toEqual([yes, yes, no]);
    expect((await cells(VERO)).slice(0, 3)).toEqual([yes, yes, yes]);
    await expectAccessible(page);
    await shots(page, 'agreements-desk-fi');

    await page.getByRole('link', { name: tr('fi', 'documents:entry') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'documents:desk.title') }).waitFor();
    await page.getByLabel(tr('fi', 'documents:new.walkIn')).check();
    const agency = page.getByLabel(tr('fi', 'documents:new.agency'));
    await expect.poll(() => agency.locator('option').allInnerTexts()).toContain(VERO);
    expect(await agency.locator('option').allInnerTexts()).not.toContain(KELA);
    await expectAccessible(page);

    // The server has the last word: a Kela walk-in handover is refused with the agreement's reason.
    const organisations = (await (await page.request.get('/api/organisations')).json()) as { id: string; shortName: { fi: string } }[];
    const points = (await (await page.request.get('/api/service-points')).json()) as { id: string }[];
    const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const refused = await page.request.post('/api/documents', {
      headers: { 'x-csrf-token': csrfToken },
      data: { kind: 'application', walkIn: { servicePointId: points[0]!.id, agencyId: organisations.find((o) => o.shortName.fi === 'Kela')!.id, customerName: 'Aino Asiakas' } },
    });
    expect(refused.status()).toBe(422);
    const problem = (await refused.json()) as { code: string; params?: Record<string, string> };
    expect(problem.code).toBe('agreement.task_not_delegated');
    expect(problem.params).toMatchObject({ task: 'document-reception' });
    expect(problems).toEqual([]);
  });

  it('an overdue duty is flagged to the point manager in reports and to the main admin in administration, who records it done', async () => {
    // The amendment's AVI registration was due a month after it; move its due date into the past.
    const db = env.server.database.db;
    const [duty] = await db
      .select()
      .from(agreementDuties)
      .where(and(eq(agreementDuties.kind, 'avi-registration'), eq(agreementDuties.version, 2), isNull(agreementDuties.doneOn)));
    await db.update(agreementDuties).set({ dueOn: '2026-01-05' }).where(eq(agreementDuties.id, duty!.id));
    const notice = tr('fi', 'agreements:list.overdueNotice_one').replace('{{count}}', '1');

    const manager = await pageAs('esihenkilo@porvoo.demo');
    await manager.page.waitForURL(/\/reports/);
    await manager.page.getByText(tr('fi', 'agreements:list.overdueNoticeRead_one').replace('{{count}}', '1')).waitFor();
    await expectAccessible(manager.page);
    await shots(manager.page, 'agreements-reports-overdue-fi');
    expect(manager.problems).toEqual([]);

    const { page, problems } = await pageAs('paakayttaja@vm.demo');
    const tab = page.getByRole('navigation', { name: tr('fi', 'admin:nav.label') }).getByRole('link', { name: tr('fi', 'agreements:nav'), exact: false });
    await expect.poll(() => tab.innerText()).toContain(tr('fi', 'agreements:navOverdue').replace('{{count}}', '1'));
    await tab.click();
    await page.getByText(notice).waitFor();
    await expectAccessible(page);
    await shots(page, 'agreements-list-overdue-fi');
    await page.getByRole('link', { name: IN_FORCE }).click();
    const row = page.getByTestId('duty-row').filter({ hasText: tr('fi', 'agreements:duties.overdue') });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    const kind = tr('fi', 'agreements:duties.kind.avi-registration');
    await row.getByRole('button', { name: tr('fi', 'agreements:duties.formLegend').replace('{{duty}}', kind) }).click();
    await row.getByLabel(tr('fi', 'agreements:duties.note')).fill('Diaarinumero ESAVI/123/2026');
    await expectAccessible(page);
    await row.getByRole('button', { name: tr('fi', 'agreements:duties.save') }).click();
    await page.getByTestId('duty-row').filter({ hasText: 'Diaarinumero ESAVI/123/2026' }).waitFor();
    expect(await page.getByTestId('duty-row').filter({ hasText: tr('fi', 'agreements:duties.overdue') }).count()).toBe(0);
    await expect.poll(() => tab.innerText()).toBe(tr('fi', 'agreements:nav'));
    expect(problems).toEqual([]);
  });

  it('the point manager reads the agreements in reports, without forms', async () => {
    const { page, problems } = await pageAs('esihenkilo@porvoo.demo');
    await page.waitForURL(/\/reports/);
    await page.getByRole('link', { name: tr('fi', 'agreements:reports.link') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'agreements:list.title') }).waitFor();
    await page.getByTestId('agreement-row').first().waitFor();
    expect(await page.getByTestId('agreement-row').count()).toBe(2);
    expect(await page.getByRole('link', { name: tr('fi', 'agreements:list.create') }).count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole('link', { name: IN_FORCE }).click();
    await page.getByRole('heading', { level: 2, name: tr('fi', 'agreements:duties.heading') }).waitFor();
    expect(await page.getByRole('link', { name: tr('fi', 'agreements:detail.amend') }).count()).toBe(0);
    const markDone = new RegExp(`^${tr('fi', 'agreements:duties.formLegend').replace('{{duty}}', '')}`);
    expect(await page.getByRole('button', { name: markDone }).count()).toBe(0);
    await expectAccessible(page);
    await shots(page, 'agreements-reports-detail-fi');
    expect(problems).toEqual([]);
  });

  /** A Kela booking at Porvoo-info `days` from now (straight into the database: the point is closed on some days). */
  /** A Kela booking in the demo room `days` and `minutes` from now, as the desk would have made it. */
  const kelaBooking = (days: number, minutes = 60) =>
    demoBooking(env.server.database.db, 'Kela', 'asiantuntija@kela.demo', days * 24 * 60 + minutes, 'booked', 'Kalle Kelalainen');

  it('a refusal names agency, task and date in words; after a termination the desk lists the bookings to re-arrange', async () => {
    // Kela no longer delegates document reception (first test): a handover for today's Kela customer is refused in words.
    const today = await kelaBooking(0, 5);
    const advisor = await pageAs('neuvoja1@porvoo.demo');
    await advisor.page.goto('/desk/documents');
    const choose = advisor.page.getByLabel(tr('fi', 'documents:new.chooseBooking'));
    await expect.poll(() => choose.locator('option').allInnerTexts()).toContainEqual(expect.stringContaining('Kalle Kelalainen'));
    await choose.selectOption({ label: (await choose.locator('option').allInnerTexts()).find((o) => o.includes('Kalle Kelalainen'))! });
    await advisor.page.getByRole('button', { name: tr('fi', 'documents:new.submit') }).click();
    const day = new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki' }).format(new Date());
    const message = tr('fi', 'agreements:errors.agreement.task_not_delegated')
      .replace('{{agency}}', KELA)
      .replace('{{task}}', tr('fi', 'agreements:tasksInText.document-reception'))
      .replace('{{date}}', day);
    await advisor.page.getByRole('alert').filter({ hasText: message }).waitFor();

    // Porvoo terminates with Kela for neglect: only that relation ends, Vero and DVV go on.
    const later = await kelaBooking(3);
    const { page, problems } = await pageAs('paakayttaja@vm.demo');
    await page.goto('/admin/agreements');
    await page.getByRole('link', { name: IN_FORCE }).click();
    await page.getByRole('link', { name: tr('fi', 'agreements:detail.terminate') }).click();
    await page.getByRole('heading', { level: 1, name: `${tr('fi', 'agreements:terminate.title')}: ${IN_FORCE}` }).waitFor();
    await page.getByLabel(tr('fi', 'agreements:terminate.terminating')).selectOption({ label: 'Porvoon kaupunki' });
    await page.getByLabel(tr('fi', 'agreements:terminate.neglecting')).selectOption({ label: KELA });
    await page.getByLabel(tr('fi', 'agreements:terminate.reason')).fill('Toistuvat laiminlyönnit (§14).');
    await expectAccessible(page);
    await shot(page, 'agreements-terminate-fi');
    await page.getByRole('button', { name: tr('fi', 'agreements:terminate.save') }).click();
    await page.getByRole('heading', { level: 2, name: tr('fi', 'agreements:terminations.heading') }).waitFor();
    expect(await page.getByTestId('party-row').filter({ hasText: KELA }).innerText()).toContain('Toistuvat laiminlyönnit (§14).');
    expect(await page.getByTestId('party-row').filter({ hasText: VERO }).innerText()).toContain(tr('fi', 'agreements:detail.participating'));
    expect(await page.getByText(tr('fi', 'agreements:state.in-force'), { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await shots(page, 'agreements-terminated-fi');
    expect(problems).toEqual([]);

    // The desk: Kela is gone from today's agreements, and its bookings are listed to re-arrange.
    await advisor.page.goto('/desk');
    const notice = advisor.page.getByTestId('bookings-to-rearrange');
    await notice.getByText(later.reference).waitFor();
    expect(await notice.innerText()).toContain(today.reference);
    const panel = advisor.page.getByRole('region', { name: tr('fi', 'agreements:desk.heading') });
    await panel.getByTestId('delegation-row').filter({ hasText: VERO }).waitFor();
    expect(await panel.getByTestId('delegation-row').filter({ hasText: KELA }).count()).toBe(0);
    await expectAccessible(advisor.page);
    await shots(advisor.page, 'agreements-desk-rearrange-fi');
    // Each one opens in the calendar, where it is moved or cancelled.
    await notice.getByRole('link', { name: later.reference }).click();
    await advisor.page.waitForURL(new RegExp(`/desk/calendar/booking/${later.id}`));
    await advisor.page.getByText('Kalle Kelalainen').first().waitFor();
    expect(advisor.problems).toEqual([]);
  });

  it('the main admin records a new agreement; it is a draft until it takes effect', async () => {
    const { page, problems } = await pageAs('paakayttaja@vm.demo');
    await page.goto('/admin/agreements');
    await page.getByRole('link', { name: tr('fi', 'agreements:list.create') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'agreements:form.newTitle') }).waitFor();
    // Nothing filled in: the form says what is missing and sends nothing.
    await page.getByRole('button', { name: tr('fi', 'agreements:form.save') }).click();
    await page.getByRole('alert').filter({ hasText: tr('fi', 'agreements:form.invalid') }).waitFor();
    expect(await page.getByLabel(tr('fi', 'agreements:form.capRent')).inputValue()).toBe('1700,00');

    const title = 'Sopimus yhteispalvelusta – Porvoo-info 2028';
    await page.getByLabel(tr('fi', 'agreements:form.title')).fill(title);
    await page.getByLabel(tr('fi', 'agreements:form.contractor')).selectOption({ label: 'Porvoon kaupunki' });
    await page.getByLabel('Porvoo-info').check();
    await page.getByLabel(tr('fi', 'agreements:form.isParty').replace('{{name}}', VERO)).check();
    await page.getByLabel(tr('fi', 'agreements:form.payer')).selectOption({ label: 'Valtiovarainministeriö' });
    await page.getByLabel(tr('fi', 'agreements:form.validFrom')).fill('2028-01-01');
    await page.getByLabel(tr('fi', 'agreements:form.hourlyRate')).fill('45,50');
    await expectAccessible(page);
    await shot(page, 'agreements-new-fi');
    await page.getByRole('button', { name: tr('fi', 'agreements:form.save') }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByText(tr('fi', 'agreements:state.draft'), { exact: true }).isVisible()).toBe(true);
    const euros = (n: number) => new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' }).format(n);
    const terms = await page.getByRole('region', { name: tr('fi', 'agreements:detail.terms') }).innerText();
    for (const text of [euros(45.5), euros(1000), euros(1700), euros(2500), tr('fi', 'agreements:validity.open').replace('{{from}}', '1.1.2028')]) expect(terms).toContain(text);
    const vero = await page.getByTestId('party-row').filter({ hasText: VERO }).innerText();
    for (const task of ['identity-verification', 'booking', 'document-reception']) expect(vero).toContain(tr('fi', `agreements:tasks.${task}`));
    expect(await page.getByTestId('party-row').filter({ hasText: KELA }).count()).toBe(0);
    // The contractor's duties arise from the agreement.
    expect(await page.getByTestId('duty-row').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
