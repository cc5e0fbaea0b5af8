import { existsSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import { type Config, testConfig } from '../../src/server/config.js';
import { type Database, openPglite } from '../../src/server/db/client.js';
import { afterAll, beforeAll } from 'vitest';
import { pgliteTemplate } from '../pglite-template.js';
import { seedDemo } from '../../src/server/db/seed/demo.js';
import { webRoot } from '../../src/server/http/web.js';
import { type Jobs, startJobs } from '../../src/server/jobs/boss.js';
import { InProcessBus } from '../../src/server/realtime/bus.js';

export const DEMO_PASSWORD = 'Etapiste-demo-2025';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** In CI a missing browser fails the run; on a developer machine the browser suites are skipped. */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: browser tests are required in CI`);
if (!existsSync(path.join(webRoot, 'index.html'))) throw new Error('dist/web is missing: run npm run build before the e2e tests');

export type E2EServer = { url: string; app: FastifyInstance; database: Database; config: Config; stop(): Promise<void> };

export type ServerOptions = {
  /** Start the background jobs (customer messages) as `main.ts start` does; off by default to keep suites fast. */
  jobs?: boolean;
  /** The wall clock business rules judge "now" by (e.g. `helsinkiClock()` in test/helpers/clock.ts); default the real time. */
  now?: () => Date;
};

/** The real server with the built web app on a fresh embedded database seeded with the demo world. */
export async function startServer(overrides: Partial<Config> = {}, options: ServerOptions = {}): Promise<E2EServer> {
  const database = await openPglite(undefined, { loadDataDir: pgliteTemplate() });
  await database.migrate();
  // Every browser of the suites signs in from 127.0.0.1: no per-address limits between them (per e-mail ones stay).
  const config = testConfig({ serveWeb: true, demoPassword: DEMO_PASSWORD, loginRatePerMinute: 1000, loginAddressFreeFailures: 10_000, ...overrides });
  await seedDemo(database.db, config.demoPassword);
  const bus = new InProcessBus();
  const app = await buildApp({ config, database, bus, now: options.now });
  await app.listen({ port: 0, host: '127.0.0.1' });
  let jobs: Jobs | undefined;
  if (options.jobs) {
    jobs = await startJobs({ db: database.db, database, config, bus }, { log: pino({ level: 'error' }), pollingIntervalSeconds: 0.5 });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  config.publicUrl = url;
  return {
    url,
    app,
    database,
    config,
    stop: async () => {
      await jobs?.stop();
      await app.close();
      await database.close();
    },
  };
}

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** One Chromium process; give each video participant its own so fake cameras differ. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...BASE_ARGS, ...extraArgs] });
}

/** A fresh context (own cookies and storage) with the given UI language preselected; `timezoneId` for a device elsewhere. */
export async function newContext(browser: Browser, baseURL: string, language: 'fi' | 'sv' | 'en' = 'fi', timezoneId?: string): Promise<BrowserContext> {
  // ignoreHTTPSErrors: the production suite serves through nginx with a self-signed certificate.
  const locale = language === 'sv' ? 'sv-FI' : language === 'en' ? 'en-GB' : 'fi-FI';
  const context = await browser.newContext({ baseURL, ignoreHTTPSErrors: true, locale, ...(timezoneId ? { timezoneId } : {}) });
  await context.addInitScript((lang) => {
    if (!localStorage.getItem('etapiste.language')) localStorage.setItem('etapiste.language', lang);
  }, language);
  return context;
}

/** Signs in through the API (the page's context keeps the cookie), then opens the app's front page. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { email, password } });
  if (!res.ok()) throw new Error(`sign-in of ${email} failed: ${res.status()} ${await res.text()}`);
  await page.goto('/');
}

/**
 * axe-core WCAG 2.1 A/AA: returns the violations so the test can show them when it fails. Adds axe's experimental
 * `label-content-name-mismatch` (2.5.3 Label in Name: the visible text starts the accessible name).
 */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/**
 * With E2E_SCREENSHOTS=<folder> set, saves a full-page screenshot there (for reviewing screens and for docs);
 * otherwise does nothing. Not an assertion: tests check what users see through roles and text.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/**
 * The server and one browser for a suite: started before its first test, stopped after its last. A suite reads
 * `env.server` and `env.browser` inside its tests (they exist once `beforeAll` has run).
 */
export function suiteEnvironment(overrides: Partial<Config> = {}, options: ServerOptions = {}) {
  const env = {} as { server: E2EServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer(overrides, options);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Console errors and refused or failed API calls on the pages a test visits: there should be none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.url().includes('/api/') && (r.status() === 403 || r.status() >= 500)) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return problems;
}
