import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bookings, organisations, roleAssignments, rooms, services, users, shortNameIs } from '../../src/server/db/schema/index.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment, watchProblems as watch } from './harness.js';
import { tr } from './ui.js';

describe.skipIf(!browserAvailable)('statistics', () => {
  const env = suiteEnvironment();

  /** Bookings of the pilot at Porvoo-info: 6 for Kela (one a no-show) and 7 for Vero in October 2025, every second day at 10:00. */
  async function pilotBookings() {
    const db = env.server.database.db;
    const [room] = await db.select().from(rooms).limit(1);
    for (const [short, count] of [['Kela', 6], ['Vero', 7]] as const) {
      const [agency] = await db.select().from(organisations).where(shortNameIs(short));
      const [service] = await db.select().from(services).where(eq(services.agencyId, agency!.id)).limit(1);
      const [expert] = await db.select({ id: users.id }).from(users).innerJoin(roleAssignments, eq(roleAssignments.userId, users.id)).where(eq(roleAssignments.organisationId, agency!.id)).limit(1);
      for (let i = 0; i < count; i++) {
        const start = new Date(Date.UTC(2025, 9, 6 + 2 * i, short === 'Kela' ? 7 : 9));
        await db.insert(bookings).values({
          reference: `E2E${short}${i}`,
          servicePointId: room!.servicePointId,
          roomId: room!.id,
          agencyId: agency!.id,
          serviceId: service!.id,
          expertId: expert!.id,
          startsAt: start,
          endsAt: new Date(start.getTime() + 30 * 60_000),
          status: short === 'Kela' && i === 0 ? 'no-show' : 'completed',
          channel: i % 2 ? 'agency-phone' : 'on-site',
          customerName: 'Asiakas',
          language: 'fi',
        });
      }
    }
  }

  async function pageAs(email: string, lang: 'fi' | 'sv' = 'fi', width = 1920, height = 1080) {
    const page = await (await newContext(env.browser, env.server.url, lang)).newPage();
    await page.setViewportSize({ width, height });
    const problems = watch(page);
    await signInAs(page, email);
    return { page, problems };
  }
  const bookingsTable = (page: Page, lang: 'fi' | 'sv') =>
    page.getByRole('table', { name: tr(lang, 'statistics:charts.tableOf').replace('{{what}}', tr(lang, 'statistics:groups.bookings')) });

  it('the coordinator filters the pilot period and sees the charts with their tables, in fi and sv', async () => {
    await pilotBookings();
    const { page, problems } = await pageAs('koordinaattori@vm.demo');
    await page.goto('/reports');
    await page.getByRole('link', { name: tr('fi', 'statistics:link') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'statistics:title') }).waitFor();
    const period = page.getByLabel(tr('fi', 'statistics:filters.period'), { exact: true });
    await period.selectOption({ label: tr('fi', 'statistics:filters.presets.thisMonth') });
    await period.selectOption({ label: tr('fi', 'statistics:filters.presets.pilot') });
    expect(await page.getByLabel(tr('fi', 'statistics:filters.from'), { exact: true }).inputValue()).toBe('2025-09-01');
    expect(await page.getByLabel(tr('fi', 'statistics:filters.to'), { exact: true }).inputValue()).toBe('2026-02-27');
    await page.getByRole('button', { name: tr('fi', 'statistics:filters.show') }).click();

    const table = bookingsTable(page, 'fi');
    await table.waitFor();
    const kela = table.getByRole('row').filter({ hasText: 'Kela' });
    await expect.poll(() => kela.getByRole('cell').first().textContent()).toBe('6');
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Verohallinto' }).getByRole('cell').first().textContent()).toBe('7');
    // Each chart is a figure beside its table; the weekly series and the heat map are there too.
    await page.getByRole('figure', { name: tr('fi', 'statistics:charts.chartOf').replace('{{what}}', tr('fi', 'statistics:charts.weekly')) }).waitFor();
    await page.getByRole('figure', { name: tr('fi', 'statistics:charts.chartOf').replace('{{what}}', tr('fi', 'statistics:groups.bookings')) }).waitFor();
    await page.getByRole('table', { name: tr('fi', 'statistics:charts.tableOf').replace('{{what}}', tr('fi', 'statistics:charts.heatmap')) }).waitFor();
    // Meetings of one agency in a week are 1–4 people: suppressed in the table.
    await expect.poll(() => page.getByRole('table', { name: tr('fi', 'statistics:charts.tableOf').replace('{{what}}', tr('fi', 'statistics:charts.weekly')) }).getByText('< 5').count()).toBeGreaterThan(0);
    // Kela's 5 meetings would tell its 1 no-show (6 bookings − 0 cancelled − 5): hidden with it, as the server decides.
    const meetingsTable = page.getByRole('table', { name: tr('fi', 'statistics:charts.tableOf').replace('{{what}}', tr('fi', 'statistics:groups.meetings')) });
    await expect.poll(() => meetingsTable.getByRole('row').filter({ hasText: 'Kela' }).getByRole('cell').allTextContents()).toEqual(['< 5', '< 5', '0', '0']);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'statistics-coordinator-fi-1920');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot(page, 'statistics-coordinator-fi-1024');
    const csv = await page.request.get(await page.getByRole('link', { name: tr('fi', 'statistics:export.csv') }).getAttribute('href').then((h) => h!));
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Kela');
    expect(problems).toEqual([]);

    const sv = await pageAs('koordinaattori@vm.demo', 'sv', 1024, 768);
    await sv.page.goto('/reports/statistics');
    await bookingsTable(sv.page, 'sv').getByRole('row').filter({ hasText: 'FPA' }).waitFor();
    expect(await axeViolations(sv.page)).toEqual([]);
    await shot(sv.page, 'statistics-coordinator-sv-1024');
    await sv.page.setViewportSize({ width: 1920, height: 1080 });
    await shot(sv.page, 'statistics-coordinator-sv-1920');
    expect(sv.problems).toEqual([]);
  });

  it('a Kela expert reaches the statistics from the reports area and sees only Kela, in fi and sv', async () => {
    const { page, problems } = await pageAs('asiantuntija@kela.demo', 'fi', 1024, 768);
    await page.getByRole('link', { name: tr('fi', 'common:nav.reports') }).click();
    await page.getByRole('link', { name: tr('fi', 'statistics:link') }).click();
    await page.getByText(tr('fi', 'statistics:scopeAgency')).waitFor();
    const table = bookingsTable(page, 'fi');
    await table.getByRole('row').filter({ hasText: 'Kela' }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Verohallinto' }).count()).toBe(0);
    const agencies = await page.getByLabel(tr('fi', 'statistics:filters.agency'), { exact: true }).locator('option').allTextContents();
    expect(agencies).toEqual([tr('fi', 'statistics:filters.all'), 'Kela']);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'statistics-kela-expert-fi-1024');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'statistics-kela-expert-fi-1920');
    expect(problems).toEqual([]);

    const sv = await pageAs('asiantuntija@kela.demo', 'sv', 1920, 1080);
    await sv.page.goto('/reports/statistics');
    await sv.page.getByText(tr('sv', 'statistics:scopeAgency')).waitFor();
    await bookingsTable(sv.page, 'sv').getByRole('row').filter({ hasText: 'FPA' }).waitFor();
    expect(await axeViolations(sv.page)).toEqual([]);
    await shot(sv.page, 'statistics-kela-expert-sv-1920');
    await sv.page.setViewportSize({ width: 1024, height: 768 });
    await shot(sv.page, 'statistics-kela-expert-sv-1024');
    expect(sv.problems).toEqual([]);
  });
});
