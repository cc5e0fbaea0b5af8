import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAIRING_CODE } from '../../src/server/db/seed/demo.js';
import { calls, incidents, users } from '../../src/server/db/schema/index.js';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer, shot } from './harness.js';
import { tr } from './ui.js';

const TOKEN_KEY = 'etapiste.terminal.token';

async function expectAccessible(page: Page) {
  await shot(page, 'status-board-1');
  expect(await axeViolations(page)).toEqual([]);
}

describe.skipIf(!browserAvailable)('live status board', () => {
  let server: E2EServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let terminal: Page;

  async function pageAs(email: string, lang: 'fi' | 'sv' | 'en'): Promise<Page> {
    const context = await newContext(browser, server.url, lang);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await signInAs(page, email);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    // The kiosk's browser has a (fake) camera and microphone: its heartbeat says so.
    browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('advisors and coordinators see rooms, the kiosk’s heartbeat, calls and incidents change live', async () => {
    const advisor = await pageAs('neuvoja1@porvoo.demo', 'fi');
    await advisor.waitForURL('**/desk');
    await advisor.getByRole('link', { name: tr('fi', 'assistance:board.open') }).click();
    await advisor.waitForURL('**/desk/status');
    await advisor.getByRole('heading', { level: 1, name: 'Tilannekuva' }).waitFor();
    await advisor.getByText('Päivittyy reaaliajassa').waitFor();
    const room = advisor.getByTestId('room-state').filter({ hasText: 'Etäpalvelutila' });
    await room.getByText('Vapaa').waitFor();
    // The kiosk is not paired yet.
    await advisor.getByText('Ei asiakaspäätteitä.').waitFor();
    const kiosk = advisor.getByTestId('terminal-row').filter({ hasText: 'Asiakaspääte 1' });
    await expectAccessible(advisor);

    // The coordinator follows from the reports area.
    const coordinator = await pageAs('koordinaattori@vm.demo', 'en');
    await coordinator.waitForURL('**/reports');
    await coordinator.getByRole('link', { name: tr('en', 'assistance:board.open') }).click();
    await coordinator.waitForURL('**/reports/status');
    await coordinator.getByText('Updating live').waitFor();
    await expectAccessible(coordinator);

    // The kiosk is paired and starts its heartbeat: online, with camera and microphone, without a reload.
    const context = await newContext(browser, server.url, 'fi');
    contexts.push(context);
    const pair = await context.request.post('/api/terminal/pair', { data: { code: DEMO_PAIRING_CODE } });
    const { token } = (await pair.json()) as { token: string };
    await context.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [TOKEN_KEY, token]);
    terminal = await context.newPage();
    await terminal.goto('/terminal');
    await kiosk.getByText('Yhteydessä').waitFor();
    const cells = kiosk.getByRole('cell');
    await expect.poll(() => cells.allInnerTexts()).toEqual(['Yhteydessä', expect.stringMatching(/\d/), 'Kyllä', 'Kyllä', 'Puuttuu']);
    await coordinator.getByTestId('terminal-row').filter({ hasText: 'Asiakaspääte 1' }).getByText('Online').waitFor();

    // A call turns the room red on both boards, and lists the call.
    await terminal.getByRole('button', { name: tr('fi', 'assistance:terminal.call') }).click();
    await room.getByText('Avunpyyntö avoinna').waitFor();
    await coordinator.getByTestId('room-state').getByText('Call open').waitFor();
    await coordinator.getByRole('region', { name: 'Open calls' }).getByText(/waiting for an advisor/).waitFor();
    expect(await coordinator.getByTestId('escalation-alert').count()).toBe(0);
    await expectAccessible(coordinator);
    // Nobody answers in time: the sweep escalates it (set here in the row, as the sweep does). The coordinator's
    // reports pages carry it, also after a reload, with a way to the board.
    await server.database.db.update(calls).set({ escalatedAt: new Date() });
    await coordinator.reload();
    const escalation = coordinator.getByTestId('escalation-alert');
    await escalation.getByText('Call from the room: Remote service room').waitFor();
    await escalation.getByText(/^Nobody has answered since \d\d:\d\d\./).waitFor();
    await coordinator.getByRole('region', { name: 'Open calls' }).getByText('Escalated to the coordinator').waitFor();
    await expectAccessible(coordinator);

    // The advisor reports a disruption; a personal identity code is refused before anything is sent.
    await advisor.getByRole('button', { name: 'Ilmoita häiriöstä' }).click();
    await advisor.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
    await advisor.getByText('Valitse yksi.').waitFor();
    await advisor.getByRole('group', { name: 'Mikä ei toimi?' }).locator('label', { hasText: /^Kuva$/ }).click();
    await advisor.getByLabel(/^Lyhyt kuvaus/).fill('Asiakkaan 131052-308T kuva jäätyy');
    await advisor.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
    await advisor.getByText('Älä kirjoita henkilötunnusta.').waitFor();
    await expectAccessible(advisor);
    await advisor.getByLabel(/^Lyhyt kuvaus/).fill('Kuva jäätyy hetkittäin');
    await advisor.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
    await advisor.getByText('Häiriöilmoitus on tehty.').waitFor();
    await advisor.getByTestId('incident').getByText('Kuva jäätyy hetkittäin').waitFor();

    // The coordinator sees it at once, and resolves it; the advisor's board empties live.
    const incident = coordinator.getByTestId('incident');
    await incident.getByText('Kuva jäätyy hetkittäin').waitFor();
    await incident.getByText(/^Video · Remote service room/).waitFor();
    await expectAccessible(coordinator);
    await incident.getByRole('button', { name: /^Mark resolved/ }).click();
    await advisor.getByText('Ei avoimia häiriöitä.').waitFor();
    const [row] = await server.database.db.select().from(incidents);
    const [coord] = await server.database.db.select().from(users).where(eq(users.email, 'koordinaattori@vm.demo'));
    expect(row).toMatchObject({ category: 'video', status: 'resolved', description: 'Kuva jäätyy hetkittäin', resolvedBy: coord!.id });
    await expectAccessible(advisor);
  });
});
