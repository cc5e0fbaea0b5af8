import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, shot, signInAs, startServer } from './harness.js';
import { calls } from '../../src/server/db/schema/index.js';
import { meetingWorld, terminalToken } from './meeting-support.js';
import type { Lang } from './translations.js';
import { tr } from './ui.js';

const KEY = 'etapiste.desk.alertSound';

describe.skipIf(!browserAvailable)('the desk says when its alert sound is off and turns it on with one button', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    // Chromium's default: no sound before the person has clicked the page.
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function desk(lang: Lang): Promise<Page> {
    const context = await newContext(browser, server.url, lang);
    await context.grantPermissions(['notifications']);
    // Count the chime's tones as they are made while the sound runs (the browser's API observed, not replaced).
    await context.addInitScript(() => {
      const w = window as unknown as { audible: number };
      w.audible = 0;
      const create = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        if (this.state === 'running') w.audible++;
        return create.call(this);
      };
    });
    const page = await context.newPage();
    // Playwright's own look-ups count as a click on the page (user activation): none until the desk has loaded.
    const loaded = deskLoaded(page);
    await signInAs(page, 'neuvoja1@porvoo.demo');
    await loaded;
    return page;
  }

  /** The desk's alerts have read their calls: the alert sound has been set up, with no click on the page yet. */
  const deskLoaded = (page: Page) => page.waitForResponse((r) => r.url().includes('/api/calls?'));

  for (const lang of ['fi', 'sv'] as const) {
    it(`${lang}: off until enabled, then a call chimes; remembered, and after a reload any click turns it back on`, async () => {
      const page = await desk(lang);
      const enable = page.getByRole('button', { name: tr(lang, 'assistance:sound.enable') });
      await page.getByText(tr(lang, 'assistance:sound.off')).waitFor();
      await enable.waitFor();
      await shot(page, `desk-sound-off-${lang}`);
      expect(await axeViolations(page)).toEqual([]);

      await enable.click();
      await page.getByText(tr(lang, 'assistance:sound.on')).waitFor();
      expect(await enable.count()).toBe(0);
      expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe('on');

      // A call from the room's kiosk (the earlier test's closed first): the desk chimes out loud now.
      await server.database.db.update(calls).set({ status: 'closed', closedAt: new Date() });
      const world = await meetingWorld(server);
      const token = await terminalToken(server, world.roomId);
      const call = await fetch(`${server.url}/api/terminal/call`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(call.ok).toBe(true);
      await expect.poll(() => page.evaluate(() => (window as unknown as { audible: number }).audible)).toBe(2);

      // After a reload the browser blocks sound again: the desk says so, and the first click anywhere ends it.
      const reloaded = deskLoaded(page);
      await page.reload();
      await reloaded;
      await page.getByText(tr(lang, 'assistance:sound.offUntilClick')).waitFor();
      await page.locator('h1').first().click();
      await page.getByText(tr(lang, 'assistance:sound.on')).waitFor();
      expect(await enable.count()).toBe(0);
      await page.context().close();
    });
  }
});
