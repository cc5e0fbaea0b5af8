import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { timeEntries, timeReportMonths, users } from '../../src/server/db/schema/index.js';
import { helsinkiClock } from '../helpers/clock.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment, watchProblems as watch } from './harness.js';
import { tr } from './ui.js';

const helsinkiToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
function previousMonth() {
  const first = new Date(`${helsinkiToday().slice(0, 7)}-01T12:00:00Z`);
  first.setUTCDate(0);
  return first.toISOString().slice(0, 7);
}

describe.skipIf(!browserAvailable)('time reports', () => {
  // The desk queues walk-ins only while the point is open: the server's clock is inside its hours, whatever the hour of the run.
  const env = suiteEnvironment({}, { now: helsinkiClock() });

  async function pageAs(email: string) {
    const page = await (await newContext(env.browser, env.server.url, 'fi')).newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const problems = watch(page);
    await signInAs(page, email);
    return { page, problems };
  }
  const expectAccessible = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

  it('the advisor accepts the day’s suggestions and adds a training hour; the point manager submits the month; VM approves it and downloads the report', async () => {
    // The advisor's day: two walk-ins queued at the desk (Vero and Kela), made through the API like the desk does.
    const advisor = await pageAs('neuvoja1@porvoo.demo');
    const { csrfToken } = (await (await advisor.page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const [point] = (await (await advisor.page.request.get('/api/service-points')).json()) as { id: string }[];
    const orgs = (await (await advisor.page.request.get('/api/organisations')).json()) as { id: string; shortName: { fi: string } }[];
    for (const short of ['Vero', 'Kela']) {
      const agency = orgs.find((o) => o.shortName.fi === short)!;
      const [service] = (await (await advisor.page.request.get(`/api/services?agencyId=${agency.id}`)).json()) as { id: string }[];
      const res = await advisor.page.request.post('/api/walk-ins', {
        headers: { 'x-csrf-token': csrfToken },
        data: { servicePointId: point!.id, agencyId: agency.id, serviceId: service!.id, customerName: 'Testi Asiakas', language: 'fi' },
      });
      expect(res.status()).toBe(201);
    }

    const page = advisor.page;
    await page.goto('/desk');
    await page.getByRole('link', { name: tr('fi', 'timeReports:desk.link') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'timeReports:desk.title') }).waitFor();
    const suggestions = page.getByRole('region', { name: tr('fi', 'timeReports:desk.suggestions') });
    await expect.poll(() => suggestions.getByRole('row').filter({ hasText: tr('fi', 'timeReports:what.walk-in') }).count()).toBe(2);
    await expectAccessible(page);
    await shot(page, 'time-desk-suggestions-fi');
    await suggestions.getByRole('button', { name: tr('fi', 'timeReports:desk.acceptAll') }).click();
    await suggestions.getByText(tr('fi', 'timeReports:desk.noSuggestions')).waitFor();

    const form = page.getByRole('region', { name: tr('fi', 'timeReports:desk.add') });
    await form.getByLabel(tr('fi', 'timeReports:fields.task')).selectOption({ label: tr('fi', 'timeReports:tasks.training') });
    await form.getByLabel(tr('fi', 'timeReports:fields.minutes')).fill('60');
    await form.getByLabel(tr('fi', 'timeReports:fields.noteOptional')).fill('Dokumenttikameran koulutus');
    await form.getByRole('button', { name: tr('fi', 'timeReports:desk.save') }).click();
    await form.getByText(tr('fi', 'timeReports:desk.saved')).waitFor();
    const week = page.getByRole('region', { name: tr('fi', 'timeReports:desk.entries') });
    await week.getByRole('row').filter({ hasText: 'Dokumenttikameran koulutus' }).waitFor();
    await expectAccessible(page);
    await shot(page, 'time-desk-week-fi');
    // The month view holds the same entry among the month's.
    await page.getByRole('button', { name: tr('fi', 'timeReports:desk.viewMonth') }).click();
    await page.getByText(tr('fi', 'timeReports:desk.month').replace('{{month}}', helsinkiToday().slice(0, 7))).waitFor();
    await week.getByRole('row').filter({ hasText: 'Dokumenttikameran koulutus' }).waitFor();
    await expectAccessible(page);

    const [me] = await env.server.database.db.select().from(users).where(eq(users.email, 'neuvoja1@porvoo.demo'));
    const todays = await env.server.database.db.select().from(timeEntries).where(and(eq(timeEntries.userId, me!.id), eq(timeEntries.date, helsinkiToday())));
    expect(todays.map((e) => [e.task, e.sourceKind, e.minutes]).sort()).toEqual([
      ['booking', 'walk-in', 10],
      ['booking', 'walk-in', 10],
      ['training', null, 60],
    ]);
    expect(advisor.problems).toEqual([]);

    // The point manager submits last month.
    const manager = await pageAs('esihenkilo@porvoo.demo');
    await manager.page.getByRole('link', { name: tr('fi', 'timeReports:month.link') }).click();
    await manager.page.getByRole('heading', { level: 1, name: tr('fi', 'timeReports:month.title') }).waitFor();
    expect(await manager.page.getByLabel(tr('fi', 'timeReports:fields.month')).inputValue()).toBe(previousMonth());
    await manager.page.getByText(tr('fi', 'timeReports:states.open'), { exact: true }).waitFor();
    await expectAccessible(manager.page);
    await shot(manager.page, 'time-month-manager-fi');
    await manager.page.getByRole('button', { name: tr('fi', 'timeReports:month.submit') }).click();
    await manager.page.getByText(tr('fi', 'timeReports:states.submitted'), { exact: true }).waitFor();
    await manager.page.goto('/reports/claims');
    await manager.page.getByRole('heading', { level: 1, name: tr('fi', 'timeReports:claims.title') }).waitFor();
    await manager.page.getByRole('heading', { level: 2, name: tr('fi', 'timeReports:claims.new') }).waitFor();
    await expectAccessible(manager.page);
    expect(manager.problems).toEqual([]);

    // VM approves it and downloads the reimbursement report.
    const vm = await pageAs('paakayttaja@vm.demo');
    await vm.page.goto('/reports');
    await vm.page.getByRole('link', { name: tr('fi', 'timeReports:month.link') }).click();
    await vm.page.getByText(tr('fi', 'timeReports:states.submitted'), { exact: true }).waitFor();
    await expectAccessible(vm.page);
    await vm.page.getByRole('button', { name: tr('fi', 'timeReports:month.approve') }).click();
    await vm.page.getByText(tr('fi', 'timeReports:states.approved'), { exact: true }).waitFor();
    const [month] = await env.server.database.db.select().from(timeReportMonths).where(and(eq(timeReportMonths.servicePointId, point!.id), eq(timeReportMonths.month, previousMonth())));
    expect(month!.status).toBe('approved');

    await vm.page.goto('/reports');
    await vm.page.getByRole('link', { name: tr('fi', 'timeReports:claims.link') }).click();
    const report = vm.page.getByRole('region', { name: tr('fi', 'timeReports:report.title') });
    await report.getByText(tr('fi', 'timeReports:report.reference')).waitFor();
    await expectAccessible(vm.page);
    await shot(vm.page, 'time-claims-vm-fi');
    const pdfLink = report.getByRole('link', { name: tr('fi', 'timeReports:report.pdfFi') });
    const [download] = await Promise.all([vm.page.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^ETP-[0-9A-F]{8}-\d{8}-\d{8}\.pdf$/);
    const pdf = await vm.page.request.get((await pdfLink.getAttribute('href'))!);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(vm.problems).toEqual([]);
  });
});
