import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EServer, axeViolations, browserAvailable, newContext, shot, startServer } from './harness.js';
import { meetings } from '../../src/server/db/schema/index.js';
import { type MeetingWorld, bookingNow, clearRoom, launchParticipant, meetingWorld, openStaff, staffHeaders, terminalToken } from './meeting-support.js';
import type { Lang } from './translations.js';
import { tr } from './ui.js';

/** Landscape kiosks from the smallest to full HD, and the same screens turned upright. */
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 768, height: 1024 },
  { width: 1080, height: 1920 },
];

/**
 * What does not fit: the page scrolls, or a visible element lies (partly) outside the viewport, or a button or
 * field is smaller than a 44 × 44 px touch target. Measured in the browser, element by element.
 */
function misfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const root = document.documentElement;
    if (root.scrollHeight > vh + 1 || root.scrollWidth > vw + 1) out.push(`page scrolls: ${root.scrollWidth}×${root.scrollHeight}`);
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.visually-hidden')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) out.push(`outside: ${name(el)} ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
      if ((el.tagName === 'BUTTON' || el.tagName === 'INPUT') && (r.width < 44 || r.height < 44)) out.push(`small: ${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
}

describe.skipIf(!browserAvailable)('every kiosk screen fits the screen, with the call button in view', () => {
  let server: E2EServer;
  let world: MeetingWorld;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    world = await meetingWorld(server);
    browser = await launchParticipant({ twoCameras: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Measures the screen at every size (and keeps a screenshot of the landscape ones); returns what did not fit. */
  async function measure(page: Page, lang: Lang, screen: string, callButton = true): Promise<string[]> {
    const problems: string[] = [];
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // Layout settles in the next frames after a resize (videos take their size from their stream).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const at = `${lang} ${screen} ${size.width}×${size.height}`;
      for (const p of await misfits(page)) problems.push(`${at}: ${p}`);
      if (callButton) {
        const call = page.getByRole('button', { name: tr(lang, 'assistance:terminal.call') });
        if (!(await call.isVisible())) problems.push(`${at}: no call button`);
      }
      if (size.width > size.height) await shot(page, `terminal-${screen}-${lang}-${size.width}x${size.height}`);
    }
    return problems;
  }

  /** A fresh room: no booking left from an earlier test, no earlier meeting waiting for its feedback. */
  async function freshRoom() {
    await clearRoom(server, world.roomId);
    await server.database.db.update(meetings).set({ feedbackGiven: true });
  }

  async function kiosk(lang: Lang, token?: string): Promise<Page> {
    const context = await newContext(browser, server.url, 'fi');
    await context.addInitScript(
      ([value]) => {
        if (value) localStorage.setItem('etapiste.terminal.token', value);
        localStorage.setItem('etapiste.terminal.documentCamera', 'fake_device_2');
      },
      [token ?? ''],
    );
    const page = await context.newPage();
    await page.goto('/terminal');
    if (lang !== 'fi') await page.getByRole('button', { name: lang === 'sv' ? 'Svenska' : 'English' }).click();
    return page;
  }

  for (const lang of ['fi', 'sv'] as const) {
    it(`${lang}: pairing, welcome, check-in, waiting, lobby, meeting, feedback and thanks`, async () => {
      const problems: string[] = [];
      const unpaired = await kiosk(lang);
      await unpaired.getByRole('heading', { level: 1, name: tr(lang, 'terminal:pairing.heading') }).waitFor();
      problems.push(...(await measure(unpaired, lang, 'pairing', false)));
      await unpaired.getByRole('button', { name: tr(lang, 'terminal:pairing.submit') }).click();
      await unpaired.getByText(tr(lang, 'terminal:pairing.incomplete')).waitFor();
      problems.push(...(await measure(unpaired, lang, 'pairing-error', false)));
      await unpaired.context().close();

      await freshRoom();
      const booking = await bookingNow(server, world);
      const page = await kiosk(lang, await terminalToken(server, world.roomId));
      await page.getByRole('button', { name: tr(lang, 'terminal:idle.checkIn') }).waitFor();
      problems.push(...(await measure(page, lang, 'idle')));

      await page.getByRole('button', { name: tr(lang, 'terminal:idle.checkIn') }).click();
      await page.getByRole('button', { name: tr(lang, 'terminal:checkIn.submit') }).click();
      await page.getByText(tr(lang, 'terminal:checkIn.tooShort')).waitFor();
      problems.push(...(await measure(page, lang, 'check-in')));
      await page.getByLabel(tr(lang, 'terminal:checkIn.reference')).fill(booking.reference);
      await page.getByRole('button', { name: tr(lang, 'terminal:checkIn.submit') }).click();

      await page.getByRole('heading', { level: 1, name: tr(lang, 'terminal:waiting.heading') }).waitFor();
      await page.locator('.terminal-device video').first().waitFor();
      problems.push(...(await measure(page, lang, 'waiting')));

      const expert = await openStaff(browser, server, 'asiantuntija@vero.demo', '/expert');
      const opened = await expert.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(expert) });
      const meetingId = ((await opened.json()) as { id: string }).id;
      await page.locator('.terminal-status[data-phase="lobby"]').waitFor();
      problems.push(...(await measure(page, lang, 'lobby')));

      expect((await expert.request.post(`/api/meetings/${meetingId}/admit`, { headers: staffHeaders(expert) })).status()).toBe(200);
      await page.getByRole('heading', { name: tr(lang, 'terminal:meeting.heading') }).waitFor({ state: 'attached' });
      problems.push(...(await measure(page, lang, 'meeting')));

      const end = await expert.request.post(`/api/meetings/${meetingId}/end`, { headers: staffHeaders(expert), data: { outcome: 'completed' } });
      expect(end.status()).toBe(200);
      await expert.context().close();
      await page.getByRole('heading', { name: tr(lang, 'terminal:feedback.question') }).waitFor();
      problems.push(...(await measure(page, lang, 'feedback')));
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: tr(lang, 'terminal:feedback.score4'), exact: true }).click();
      await page.getByRole('heading', { name: tr(lang, 'terminal:feedback.thanks') }).waitFor();
      problems.push(...(await measure(page, lang, 'thanks')));
      await page.context().close();
      expect(problems).toEqual([]);
    });
  }

  it('thanks the customer for the answer (remember your documents), then returns to the welcome screen', async () => {
    await freshRoom();
    const booking = await bookingNow(server, world);
    const page = await kiosk('fi', await terminalToken(server, world.roomId));
    await page.setViewportSize({ width: 1280, height: 800 });

    // After "check in" the keyboard is at the reference field.
    await page.getByRole('button', { name: tr('fi', 'terminal:idle.checkIn') }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('checkin-reference');
    await page.keyboard.type(booking.reference);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: tr('fi', 'terminal:waiting.heading') }).waitFor();

    const expert = await openStaff(browser, server, 'asiantuntija@vero.demo', '/expert');
    const meetingId = ((await (await expert.request.post(`/api/bookings/${booking.id}/meeting`, { headers: staffHeaders(expert) })).json()) as { id: string }).id;
    await expert.request.post(`/api/meetings/${meetingId}/admit`, { headers: staffHeaders(expert) });
    await page.getByRole('heading', { name: tr('fi', 'terminal:meeting.heading') }).waitFor({ state: 'attached' });
    await expert.request.post(`/api/meetings/${meetingId}/end`, { headers: staffHeaders(expert), data: { outcome: 'completed' } });
    await expert.context().close();

    // The kiosk learns that the answer was stored (its session no longer offers the question) and still thanks…
    const answered = page.waitForResponse(
      async (r) => r.url().endsWith('/api/terminal/session') && ((await r.json()) as { feedbackFor: string | null }).feedbackFor === null,
    );
    await page.getByRole('button', { name: tr('fi', 'terminal:feedback.score5'), exact: true }).click();
    await page.getByRole('heading', { name: tr('fi', 'terminal:feedback.thanks') }).waitFor();
    await answered;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.getByRole('heading', { name: tr('fi', 'terminal:feedback.thanks') }).isVisible()).toBe(true);
    expect(await page.getByText(tr('fi', 'terminal:feedback.goodbye')).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // …then the welcome screen, with nothing of the customer left.
    await page.getByText(tr('fi', 'terminal:idle.welcome')).waitFor({ timeout: 15_000 });
    await page.context().close();
  });
});
