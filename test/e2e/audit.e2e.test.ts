import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv, verifyExport } from '../helpers/audit-export.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import { tr } from './ui.js';
import type { Lang } from './translations.js';

const helsinkiToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
/** 2026-12-06 → 6.12.2026, as people type it. */
const typed = (ymd: string) => ymd.split('-').reverse().map(Number).join('.');

/** Console errors and refused or failed API calls on the page: there should be none. */
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

/** The page scrolls sideways only if something is wider than it; the table must scroll inside its own box. */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(!browserAvailable)('the auditor’s log', () => {
  const env = suiteEnvironment();

  async function auditorPage(lang: Lang, width = 1024, height = 768) {
    const page = await (await newContext(env.browser, env.server.url, lang)).newPage();
    await page.setViewportSize({ width, height });
    const problems = watch(page);
    await signInAs(page, 'tarkastaja@vm.demo');
    await page.waitForURL('**/reports');
    return { page, problems };
  }

  it('the auditor sees the chain verified, filters by person and period, sees names, pages back and exports the day', async () => {
    // The expert signs in (her own act, shown by name), and strangers fail to sign in: more events than a page holds.
    const expert = await env.browser.newContext({ baseURL: env.server.url });
    expect((await expert.request.post('/api/auth/login', { data: { email: 'asiantuntija@vero.demo', password: 'Etapiste-demo-2025' } })).ok()).toBe(true);
    await expert.close();
    const strangers = await env.browser.newContext({ baseURL: env.server.url });
    for (let i = 0; i < 55; i++) await strangers.request.post('/api/auth/login', { data: { email: `nobody${i}@example.test`, password: 'not-the-password' } });
    await strangers.close();

    const { page, problems } = await auditorPage('en');
    await page.getByText(/^Chain verified: the log is unchanged\./).waitFor();
    const shown = (n: number) => tr('en', 'reports:audit.shown_other').replace('{{count}}', String(n));
    await page.getByText(shown(50)).waitFor();
    await page.getByRole('button', { name: tr('en', 'reports:audit.loadMore') }).click();
    await expect.poll(async () => Number(/Showing (\d+)/.exec(await page.getByText(/^Showing \d+ events/).innerText())?.[1])).toBeGreaterThan(50);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

    // By person (picked by name) and today's period.
    const filters = page.getByRole('form', { name: tr('en', 'reports:audit.filters') });
    await filters.getByRole('button', { name: new RegExp(`${tr('en', 'reports:audit.person')}$`) }).click();
    await page.getByRole('option', { name: 'Veera Salo (Finnish Tax Administration)', exact: true }).click();
    await filters.getByRole('textbox', { name: new RegExp(`^${tr('en', 'reports:audit.from')}`) }).fill(typed(helsinkiToday()));
    await filters.getByRole('textbox', { name: new RegExp(`^${tr('en', 'reports:audit.to')}`) }).fill(typed(helsinkiToday()));
    await filters.getByRole('button', { name: tr('en', 'reports:audit.search') }).click();
    const log = page.getByRole('region', { name: tr('en', 'reports:audit.tableHint') });
    const signIn = log.getByRole('row').filter({ hasText: 'auth.login' });
    await signIn.first().waitFor();
    const cells = await signIn.first().getByRole('cell').allInnerTexts();
    expect(cells[1]).toContain(tr('en', 'reports:audit.groups.sign-in'));
    expect(cells[3]).toContain('Veera Salo');
    expect(cells[3]).not.toContain(tr('en', 'reports:audit.actorTypes.anonymous'));
    expect(cells[5]).toBe('Finnish Tax Administration');
    // Every row found is hers: no one else's events, and no bare ids where a name is known.
    const actors = await log.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(actors.length).toBeGreaterThan(0);
    for (const actor of actors) expect(actor).toContain('Veera Salo');
    expect(await axeViolations(page)).toEqual([]);

    // Export today as CSV: the hashes recompute from the file to its last hash.
    const exportBox = page.getByRole('region', { name: tr('en', 'reports:audit.export.heading') });
    await exportBox.getByRole('textbox', { name: new RegExp(`^${tr('en', 'reports:audit.from')}`) }).fill(typed(helsinkiToday()));
    await exportBox.getByRole('textbox', { name: new RegExp(`^${tr('en', 'reports:audit.to')}`) }).fill(typed(helsinkiToday()));
    const [download] = await Promise.all([page.waitForEvent('download'), exportBox.getByRole('link', { name: /^Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe(`audit-${helsinkiToday()}_${helsinkiToday()}.csv`);
    const rows = parseCsv((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''));
    expect(rows.length).toBeGreaterThan(55);
    expect(verifyExport(rows, String(rows[0]!.prevHash)).ok).toBe(true);
    expect(rows.some((r) => r.action === 'auth.login' && (r as Record<string, unknown>).actorName === 'Veera Salo')).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('fits the page in Finnish and Swedish at 1024×768 and 1920×1080, accessibly', async () => {
    for (const lang of ['fi', 'sv'] as const) {
      for (const [width, height] of [
        [1024, 768],
        [1920, 1080],
      ] as const) {
        const { page, problems } = await auditorPage(lang, width, height);
        await page.getByText(tr(lang, 'reports:audit.verify.ok').split(':')[0]!).waitFor();
        await page.getByRole('region', { name: tr(lang, 'reports:audit.tableHint') }).locator('tbody tr').first().waitFor();
        expect(await pageOverflow(page), `${lang} ${width}`).toBeLessThanOrEqual(0);
        await shot(page, `audit-${lang}-${width}`);
        if (width === 1024) expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
        await page.context().close();
      }
    }
  });
});
