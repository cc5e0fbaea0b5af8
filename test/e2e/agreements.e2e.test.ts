import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, shot, signInAs, startServer } from './harness.js';
import type { Lang } from './translations.js';
import { tr } from './ui.js';

const KELA = 'Kansaneläkelaitos';
const VERO = 'Verohallinto';
/** The demo world's agreement in force today (2.3.2026–31.12.2027); the pilot before it has ended. */
const IN_FORCE = 'Sopimus yhteispalvelusta – etäpalvelu, Porvoo-info 2026–2027';

/** Console errors and refused API calls on the pages a test visits: there should be none. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
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
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function pageAs(email: string, lang: Lang = 'fi') {
    const page = await (await newContext(browser, server.url, lang)).newPage();
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
    const organisations = (await (await page.request.get('/api/organisations')).json()) as { id: string; shortName: string }[];
    const points = (await (await page.request.get('/api/service-points')).json()) as { id: string }[];
    const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const refused = await page.request.post('/api/documents', {
      headers: { 'x-csrf-token': csrfToken },
      data: { kind: 'application', walkIn: { servicePointId: points[0]!.id, agencyId: organisations.find((o) => o.shortName === 'Kela')!.id, customerName: 'Aino Asiakas' } },
    });
    expect(refused.status()).toBe(422);
    const problem = (await refused.json()) as { code: string; params?: Record<string, string> };
    expect(problem.code).toBe('agreement.task_not_delegated');
    expect(problem.params).toMatchObject({ task: 'document-reception' });
    expect(problems).toEqual([]);
  });

  it('the point manager reads the agreements in reports, without forms', async () => {
    const { page, problems } = await pageAs('esihenkilo@porvoo.demo');
    await page.waitForURL(/\/reports/);
    await page.getByRole('link', { name: tr('fi', 'agreements:reports.link') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'agreements:list.title') }).waitFor();
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
});
