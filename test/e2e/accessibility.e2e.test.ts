import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAIRING_CODE } from '../../src/server/db/seed/demo.js';
import { accessibilityFeedback } from '../../src/server/db/schema/index.js';
import { type TestSmtp, startTestSmtp } from '../helpers/messaging.js';
import { axeViolations, browserAvailable, newContext, signInAs, suiteEnvironment } from './harness.js';
import { tr, switchLanguage } from './ui.js';

/** Console errors and refused API calls: none, also for a visitor who is not signed in. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() === 403 || (r.url().includes('/api/') && r.status() >= 500)) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    if (r.status() === 401) problems.push(`401 ${r.url()}`);
  });
  return problems;
}

/** Screenshots at 1024×768 and 1920×1080, only with E2E_SCREENSHOTS set. */
async function shots(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
}

const MESSAGE = 'Knappen för att skicka formuläret läses inte upp av skärmläsaren.';
const SENDER = 'kund@example.fi';

describe.skipIf(!browserAvailable)('accessibility statement and feedback (306/2019)', () => {
  const env = suiteEnvironment();
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    env.server.config.smtpUrl = smtp.url;
  });
  afterAll(() => smtp?.close());

  it('a person with no account finds the statement from the sign-in page, reads it in Swedish and sends feedback', async () => {
    const context = await newContext(env.browser, env.server.url, 'fi');
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto('/login');
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('link', { name: tr('fi', 'common:footer.accessibility') }).waitFor();
    await switchLanguage(page, 'sv');
    await footer.getByRole('link', { name: tr('sv', 'common:footer.accessibility') }).click();
    await page.waitForURL(/\/tillganglighet\?page=%2Flogin$/);
    await page.getByRole('heading', { level: 1, name: tr('sv', 'accessibility:statement.title') }).waitFor();
    // The title shows before the statement's text has arrived: each part is waited for (and fails when it never shows).
    for (const key of ['conformanceHeading', 'shortcomingsHeading', 'feedbackHeading', 'supervisionHeading', 'assessmentHeading']) {
      await page.getByRole('heading', { level: 2, name: tr('sv', `accessibility:statement.${key}`) }).waitFor({ timeout: 15_000 });
    }
    await page.getByText(tr('sv', 'accessibility:statement.conformance.partial')).waitFor({ timeout: 15_000 });
    await page.getByText(/webbtillganglighet@traficom\.fi/).waitFor({ timeout: 15_000 });
    await page.getByText(tr('sv', 'accessibility:statement.reviewedOn')).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'statement-sv');

    // A personal identity code is refused before anything is sent; the server refuses it too (integration tests).
    const message = page.getByLabel(tr('sv', 'accessibility:feedback.message'));
    await message.fill('Min personbeteckning är 131052-308T');
    await page.getByRole('button', { name: tr('sv', 'accessibility:feedback.send') }).click();
    await page.getByText(tr('sv', 'accessibility:validation.personalId'), { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await message.fill(MESSAGE);
    await page.getByLabel(tr('sv', 'accessibility:feedback.email')).fill(SENDER);
    expect(await page.getByLabel(tr('sv', 'accessibility:feedback.page')).inputValue()).toBe('/login');
    await page.getByRole('button', { name: tr('sv', 'accessibility:feedback.send') }).click();
    await page.getByRole('status').filter({ hasText: 'Tack!' }).waitFor();
    expect(await message.inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);

    const [row] = await env.server.database.db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.message, MESSAGE));
    expect(row).toMatchObject({ email: SENDER, page: '/login', language: 'sv', status: 'new' });

    // The other addresses give the same statement in their language; choosing a language moves to its address.
    await switchLanguage(page, 'en');
    await page.waitForURL(/\/accessibility$/);
    await page.getByRole('heading', { level: 1, name: tr('en', 'accessibility:statement.title') }).waitFor();
    await page.goto('/saavutettavuus');
    await page.getByRole('heading', { level: 1, name: tr('fi', 'accessibility:statement.title') }).waitFor();
    expect(await page.getByText(/saavutettavuus@traficom\.fi/).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'statement-fi');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the coordinator sees the feedback in the inbox and answers it by e-mail from the app', async () => {
    const context = await newContext(env.browser, env.server.url, 'fi');
    const page = await context.newPage();
    const problems = watch(page);
    await signInAs(page, 'koordinaattori@vm.demo');
    await page.goto('/reports');
    await page.getByRole('link', { name: tr('fi', 'accessibility:inbox.link') }).first().click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'accessibility:inbox.title') }).waitFor();
    const card = page.getByRole('article').filter({ hasText: MESSAGE });
    await card.waitFor();
    expect(await card.getByText(SENDER, { exact: true }).isVisible()).toBe(true);
    expect(await card.getByText('/login', { exact: true }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'inbox-fi');

    await card.getByRole('textbox', { name: tr('fi', 'accessibility:inbox.answer') }).fill('Kiitos, korjaamme painikkeen nimen tammikuussa.');
    await card.getByRole('button', { name: tr('fi', 'accessibility:inbox.sendAnswer') }).click();
    const answered = page.getByRole('article').filter({ hasText: MESSAGE });
    await answered.getByText(/Vastattu sähköpostilla/).waitFor();
    await expect.poll(() => smtp.to(SENDER).length).toBe(1);
    const mail = smtp.to(SENDER)[0]!;
    expect(mail.parsed.subject).toBe('Etäpiste: Svar på din respons om tillgänglighet');
    expect(mail.parsed.text).toContain('Kiitos, korjaamme painikkeen nimen tammikuussa.');
    expect(mail.parsed.text).toContain(`${env.server.url}/tillganglighet`);
    expect(await axeViolations(page)).toEqual([]);

    await answered.getByRole('button', { name: tr('fi', 'accessibility:inbox.close') }).click();
    await page.getByRole('heading', { level: 2, name: `${tr('fi', 'accessibility:inbox.closed')} (1)` }).waitFor();
    const [row] = await env.server.database.db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.message, MESSAGE));
    expect(row).toMatchObject({ status: 'closed', answer: 'Kiitos, korjaamme painikkeen nimen tammikuussa.' });
    await switchLanguage(page, 'sv');
    await page.getByRole('heading', { level: 1, name: tr('sv', 'accessibility:inbox.title') }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'inbox-sv');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the main admin edits the Swedish statement; the new version is public and the earlier one stays in the history', async () => {
    const context = await newContext(env.browser, env.server.url, 'fi');
    const page = await context.newPage();
    const problems = watch(page);
    await signInAs(page, 'paakayttaja@vm.demo');
    await page.goto('/admin');
    await page.getByRole('main').getByRole('link', { name: tr('fi', 'accessibility:editor.nav') }).click();
    await page.waitForURL(/\/admin\/accessibility\/fi$/);
    await page.getByRole('heading', { level: 1, name: tr('fi', 'accessibility:editor.title') }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 2, name: /Svenska/ }).waitFor();
    await page.getByLabel(tr('fi', 'accessibility:editor.reviewedOn')).fill('15.1.2027');
    await page.getByRole('button', { name: tr('fi', 'accessibility:editor.addShortcoming') }).click();
    await page.getByRole('button', { name: tr('fi', 'accessibility:editor.save') }).click();
    // The new shortcoming has no description yet: nothing is saved until it has one.
    await page.getByText(tr('fi', 'accessibility:editor.fixErrors')).waitFor();
    await page.getByRole('group', { name: tr('fi', 'accessibility:editor.shortcoming').replace('{{n}}', '4') }).getByLabel(tr('fi', 'accessibility:editor.description')).fill('Diagrammen i rapporterna saknar textalternativ.');
    await page.getByRole('button', { name: tr('fi', 'accessibility:editor.save') }).click();
    await page.getByText(tr('fi', 'accessibility:editor.saved').replace('{{version}}', '1')).waitFor();
    await page.getByText(/Versio 1: tallennettu .*Päivi Virtanen/).waitFor();
    await page.getByText(tr('fi', 'accessibility:editor.builtIn')).click();
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'editor-fi');
    await switchLanguage(page, 'sv');
    await page.getByRole('heading', { level: 1, name: tr('sv', 'accessibility:editor.title') }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'editor-sv');

    const visitor = await (await newContext(env.browser, env.server.url, 'sv')).newPage();
    await visitor.goto('/tillganglighet');
    await visitor.getByText('Diagrammen i rapporterna saknar textalternativ.').waitFor();
    expect(await visitor.getByText('15.1.2027').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the kiosk’s idle screen links to the statement in its language, and the statement leads back', async () => {
    const paired = await fetch(`${env.server.url}/api/terminal/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: DEMO_PAIRING_CODE }) });
    const { token } = (await paired.json()) as { token: string };
    const context = await newContext(env.browser, env.server.url, 'fi');
    await context.addInitScript((t) => localStorage.setItem('etapiste.terminal.token', t), token);
    const page = await context.newPage();
    await page.goto('/terminal');
    await page.getByRole('heading', { level: 1, name: 'Porvoo-info' }).waitFor();
    await shots(page, 'kiosk-idle');
    await page.getByRole('link', { name: tr('fi', 'terminal:idle.accessibility') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'accessibility:statement.title') }).waitFor();
    expect(await page.getByLabel(tr('fi', 'accessibility:feedback.page')).inputValue()).toBe('/terminal');
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'statement-from-kiosk');
    await page.getByRole('link', { name: tr('fi', 'accessibility:statement.back') }).click();
    await page.getByRole('heading', { level: 1, name: 'Porvoo-info' }).waitFor();
    await context.close();
  });
});
