import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAIRING_CODE } from '../../src/server/db/seed/demo.js';
import { calls, identityChecks, incidents, users } from '../../src/server/db/schema/index.js';
import { demoBooking } from './demo-bookings.js';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer, shot } from './harness.js';
import { tr } from './ui.js';

const TOKEN_KEY = 'etapiste.terminal.token';
const ROOM = 'Etäpalvelutila';

async function expectAccessible(page: Page) {
  await shot(page, 'assistance-1');
  expect(await axeViolations(page)).toEqual([]);
}

/** suomifi draws a radio button over its label: a person (and the test) clicks the label. */
async function pick(group: Locator, option: string) {
  await group.locator('label', { hasText: new RegExp(`^${option}$`) }).click();
}

describe.skipIf(!browserAvailable)('assistance in the room', () => {
  let server: E2EServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let terminal: Page;
  let advisor1: Page;
  let advisor2: Page;

  async function pageAs(email: string, lang: 'fi' | 'sv' | 'en', opts: { listen?: boolean } = {}): Promise<Page> {
    const context = await newContext(browser, server.url, lang);
    contexts.push(context);
    if (opts.listen) {
      // Count the chime's tones and the notifications the page shows (the browser's APIs, observed, not replaced).
      await context.grantPermissions(['notifications']);
      await context.addInitScript(() => {
        const w = window as unknown as { tones: number; notes: string[] };
        w.tones = 0;
        w.notes = [];
        const create = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function (this: AudioContext) {
          w.tones++;
          return create.call(this);
        };
        const Native = window.Notification;
        window.Notification = class extends Native {
          constructor(title: string, options?: NotificationOptions) {
            super(title, options);
            w.notes.push(title);
          }
        } as typeof Notification;
      });
    }
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await signInAs(page, email);
    return page;
  }

  const db = () => server.database.db;
  const userId = async (email: string) => (await db().select().from(users).where(eq(users.email, email)))[0]!.id;

  /** A booking of the agency in the demo room, `startMinutes` from now, as the desk would have made it. */
  const bookingFor = (shortName: string, expertEmail: string, startMinutes: number, status: 'booked' | 'checked-in') =>
    demoBooking(db(), shortName, expertEmail, startMinutes, status);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
    // The room's kiosk, paired with the demo code as the main admin's instructions say.
    const context = await newContext(browser, server.url, 'fi');
    contexts.push(context);
    const pair = await context.request.post('/api/terminal/pair', { data: { code: DEMO_PAIRING_CODE } });
    expect(pair.status()).toBe(200);
    const { token } = (await pair.json()) as { token: string };
    await context.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [TOKEN_KEY, token]);
    terminal = await context.newPage();
    await terminal.goto('/terminal');
    await terminal.getByRole('heading', { level: 1, name: 'Porvoo-info' }).waitFor();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('the kiosk calls, every desk alerts at once, the first advisor takes it and the kiosk says an advisor is coming', async () => {
    advisor1 = await pageAs('neuvoja1@porvoo.demo', 'fi', { listen: true });
    await advisor1.waitForURL('**/desk');
    // Any desk page carries the alerts: the first advisor sits in the calendar.
    await advisor1.goto('/desk/calendar');
    await advisor1.getByText('Päivittyy reaaliajassa').waitFor();
    advisor2 = await pageAs('neuvoja2@porvoo.demo', 'en');
    await advisor2.waitForURL('**/desk');
    // Notifications are asked for only from a button, never on load.
    // (It offers sound and notifications, or only notifications where the browser already lets the page play sound.)
    await advisor2.getByRole('button', { name: new RegExp(`^(${tr('en', 'assistance:sound.enable')}|${tr('en', 'assistance:sound.enableNotifications')})$`) }).waitFor();
    expect(await advisor1.getByTestId('call-alert').count()).toBe(0);

    const callButton = terminal.getByRole('button', { name: tr('fi', 'assistance:terminal.call') });
    const box = (await callButton.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(88);
    expect(box.width).toBeGreaterThanOrEqual(300);
    await callButton.click();
    await terminal.getByText(tr('fi', 'assistance:terminal.called')).waitFor();

    // Both desks show it without a reload; a reloaded desk still shows the unanswered call (read from the API).
    const alert1 = advisor1.getByTestId('call-alert');
    await alert1.getByText(`Avunpyyntö huoneesta: ${ROOM}`).waitFor();
    await alert1.getByText(tr('fi', 'assistance:call.source.terminal')).waitFor();
    // It chimed (two tones) and showed a desktop notification; permission was granted, so no button asks for it.
    await expect.poll(() => advisor1.evaluate(() => (window as unknown as { tones: number }).tones)).toBe(2);
    expect(await advisor1.evaluate(() => (window as unknown as { notes: string[] }).notes)).toEqual([`Avunpyyntö huoneesta: ${ROOM}`]);
    expect(await advisor1.getByRole('button', { name: tr('fi', 'assistance:sound.enable') }).count()).toBe(0);
    expect(await advisor1.getByRole('button', { name: tr('fi', 'assistance:sound.enableNotifications') }).count()).toBe(0);
    await advisor2.getByTestId('call-alert').getByText('Call from the room: Remote service room').waitFor();
    // Nobody answered in time: the sweep escalated it (set here in the row, as the sweep does).
    await db().update(calls).set({ escalatedAt: new Date() });
    await advisor2.reload();
    await advisor2.getByTestId('call-alert').getByText('Call from the room: Remote service room').waitFor();
    await advisor2.getByTestId('call-alert').getByText('Escalated to the coordinator').waitFor();
    await expectAccessible(advisor2);
    await expectAccessible(advisor1);

    await alert1.getByRole('button', { name: 'Tulen' }).click();
    await alert1.getByText(/^Olet tulossa/).waitFor();
    await terminal.getByText('Palveluneuvoja on tulossa: Anna').waitFor();
    await advisor2.getByTestId('call-alert').getByText(/^Anna Lindholm is on the way/).waitFor();
    expect(await advisor2.getByTestId('call-alert').getByRole('button', { name: "I'm coming" }).count()).toBe(0);
    await expectAccessible(terminal);
    await expectAccessible(advisor2);
    const [row] = await db().select().from(calls);
    expect(row).toMatchObject({ status: 'acknowledged', source: 'terminal', acknowledgedBy: await userId('neuvoja1@porvoo.demo') });

    // Done: the call closes everywhere, and the kiosk offers the button again.
    await alert1.getByRole('button', { name: `Valmis, sulje avunpyyntö: ${ROOM}` }).click();
    await expect.poll(() => advisor2.getByTestId('call-alert').count()).toBe(0);
    await expect.poll(() => advisor1.getByTestId('call-alert').count()).toBe(0);
    await terminal.getByRole('button', { name: tr('fi', 'assistance:terminal.call') }).waitFor();
    expect((await db().select().from(calls))[0]!.status).toBe('closed');
  });

  it('the main admin registers a call button (token once), a press alerts the desk, a revoked token is refused', async () => {
    const admin = await pageAs('paakayttaja@vm.demo', 'fi');
    await admin.getByRole('link', { name: 'Kutsupainikkeet' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Kutsupainikkeet' }).waitFor();
    // The demo seed's button is listed; its token was never shown.
    await admin.getByTestId('button-row').filter({ hasText: 'Kutsupainike 1' }).waitFor();
    await expectAccessible(admin);

    await admin.getByRole('button', { name: 'Rekisteröi painike' }).click();
    await admin.getByText('Tämä tieto tarvitaan.').waitFor();
    await admin.getByLabel(`Uusi kutsupainike huoneeseen ${ROOM}: nimi`).fill('Kutsunappi ovella');
    await admin.getByRole('button', { name: 'Rekisteröi painike' }).click();
    const token = await admin.getByTestId('button-token').inputValue();
    expect(token.length).toBeGreaterThan(30);
    await admin.getByTestId('button-row').filter({ hasText: 'Kutsunappi ovella' }).waitFor();
    await expectAccessible(admin);
    const buttonId = (await admin.getByText(/\/api\/buttons\/[0-9a-f-]{36}\/press/).innerText()).match(/buttons\/([0-9a-f-]{36})\//)![1]!;

    const press = () => fetch(`${server.url}/api/buttons/${buttonId}/press`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect((await press()).status).toBe(201);
    const alert = advisor1.getByTestId('call-alert');
    await alert.getByText(tr('fi', 'assistance:call.source.button')).waitFor();
    await alert.getByRole('button', { name: 'Tulen' }).click();
    await alert.getByRole('button', { name: `Valmis, sulje avunpyyntö: ${ROOM}` }).click();
    await expect.poll(() => alert.count()).toBe(0);

    await admin.getByRole('button', { name: 'Poista käytöstä Kutsunappi ovella' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Poista käytöstä' }).click();
    await admin.getByTestId('button-row').filter({ hasText: 'Kutsunappi ovella' }).getByText('Poistettu käytöstä').waitFor();
    expect((await press()).status).toBe(401);

  });

  it('the expert asks for identity verification, the advisor records it, the expert sees the result live with the advisor’s name', async () => {
    const booking = await bookingFor('Vero', 'asiantuntija@vero.demo', -5, 'checked-in');
    const expert = await pageAs('asiantuntija@vero.demo', 'en');
    await expert.goto(`/expert/bookings/${booking.id}`);
    const panel = expert.getByRole('region', { name: 'Identity verification' });
    await panel.getByText(/^Not requested/).waitFor();
    await expectAccessible(expert);
    await panel.getByRole('button', { name: 'Verify identity' }).click();
    await panel.getByText(/^Requested at \d\d:\d\d\. Waiting for an advisor\./).waitFor();

    await advisor1.goto('/desk');
    const alert = advisor1.getByTestId('identity-check-alert');
    await alert.getByText(`Henkilöllisyyden varmennuspyyntö: ${ROOM}`).waitFor();
    await alert.getByText('Pyytäjä: Veera Salo', { exact: false }).waitFor();
    // The alert names the agency, the day and the time of the appointment (Helsinki time, as people write it).
    const start = new Intl.DateTimeFormat('fi-FI', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(booking.startsAt);
    const date = new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Helsinki' }).format(booking.startsAt);
    await alert.getByText(`Verohallinto: tapaaminen ${date} klo ${start}–`, { exact: false }).waitFor();
    await alert.getByText(`Asiakas Maija Meikäläinen, varaus ${booking.reference}`, { exact: false }).waitFor();
    await advisor2.getByTestId('identity-check-alert').waitFor();
    await alert.getByRole('button', { name: 'Tulen' }).click();
    await panel.getByText(/^Anna Lindholm is on the way to the room/).waitFor();
    await advisor2.getByTestId('identity-check-alert').getByText(/^Anna Lindholm is on the way/).waitFor();

    // The strict form: three choices, no text field anywhere.
    const form = alert.getByRole('form', { name: 'Kirjaa tulos' });
    expect(await form.locator('input[type=text], textarea').count()).toBe(0);
    await form.getByRole('button', { name: 'Tallenna tulos' }).click();
    await form.getByText('Valitse yksi.').waitFor();
    await expectAccessible(advisor1);
    await pick(form.getByRole('group', { name: /^Varmennettiinko henkilöllisyys/ }), 'Kyllä, varmennettu');
    await pick(form.getByRole('group', { name: /^Henkilöllisyystodistus/ }), 'Passi');
    await pick(form.getByRole('group', { name: /^Vastasiko kuva asiakasta/ }), 'Ei');
    await form.getByRole('button', { name: 'Tallenna tulos' }).click();
    await form.getByText(/^Varmennettu henkilöllisyys edellyttää/).waitFor();
    await pick(form.getByRole('group', { name: /^Vastasiko kuva asiakasta/ }), 'Kyllä');
    await form.getByRole('button', { name: 'Tallenna tulos' }).click();
    await expect.poll(() => alert.count()).toBe(0);

    await panel.getByText('Identity verified').waitFor();
    await panel.getByText(/^Checked by Anna Lindholm, /).waitFor();
    await panel.getByText('Passport · photo matched').waitFor();
    await expectAccessible(expert);
    const [check] = await db().select().from(identityChecks).where(eq(identityChecks.bookingId, booking.id));
    expect(check).toMatchObject({ status: 'completed', verified: true, documentType: 'passport', photoMatched: true, completedBy: await userId('neuvoja1@porvoo.demo') });

    // The expert reports a disruption in the meeting.
    await expert.getByRole('button', { name: 'Report a disruption' }).click();
    await pick(expert.getByRole('group', { name: 'What is disrupted?' }), 'Audio');
    await expert.getByLabel(/^Short description/).fill('Customer hears an echo');
    await expert.getByRole('button', { name: 'Send the report' }).click();
    await expert.getByText('The disruption has been reported.', { exact: false }).waitFor();
    const [incident] = await db().select().from(incidents).where(and(eq(incidents.bookingId, booking.id), eq(incidents.category, 'audio')));
    expect(incident).toMatchObject({ status: 'open', description: 'Customer hears an echo', reportedBy: await userId('asiantuntija@vero.demo') });
  });

  it('an agency whose agreement does not delegate identity verification to the point is told so', async () => {
    const booking = await bookingFor('DVV', 'asiantuntija@dvv.demo', 90, 'checked-in');
    const expert = await pageAs('asiantuntija@dvv.demo', 'en');
    await expert.goto(`/expert/bookings/${booking.id}`);
    const panel = expert.getByRole('region', { name: 'Identity verification' });
    await panel.getByRole('button', { name: 'Verify identity' }).click();
    // The agreement in force decides: the refusal names the agency, the task and the day.
    const refusal = panel.getByRole('alert').getByText(/has not delegated this task/);
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Digital and Population Data Services Agency');
    expect(await panel.getByRole('button', { name: 'Verify identity' }).count()).toBe(0);
    await expectAccessible(expert);
    expect(await db().select().from(identityChecks).where(eq(identityChecks.bookingId, booking.id))).toEqual([]);
  });
});
