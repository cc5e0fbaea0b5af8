import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, newContext, signInAs, suiteEnvironment } from './harness.js';

/** One demo account per role (README "Demo accounts"). */
const ROLES = [
  ['main admin', 'paakayttaja@vm.demo'],
  ['coordinator', 'koordinaattori@vm.demo'],
  ['auditor', 'tarkastaja@vm.demo'],
  ['advisor', 'neuvoja1@porvoo.demo'],
  ['point manager', 'esihenkilo@porvoo.demo'],
  ['expert', 'asiantuntija@vero.demo'],
  ['agency booker', 'varaaja@kela.demo'],
  ['agency admin', 'admin@kela.demo'],
] as const;

/** Enough to reach every area's pages from its front page and menus, bounded so the suite stays quick. */
const MAX_PAGES = 30;
/**
 * A page has settled when its first queries are answered: the network has been quiet for 500 ms (Playwright's
 * 'networkidle'; open WebSockets do not count). A poll that starts at once (the booker's "Today's meetings" asked at
 * once, then every 15 s) is among those first queries.
 */
const settled = (page: Page) => page.waitForLoadState('networkidle');

/** The app's own links on the page: same origin, not the API, not a download, not signing out. */
async function appLinks(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && !u.pathname.startsWith('/api/') && !/\.(pdf|csv|xlsx|ics)$/.test(u.pathname))
    .map((u) => u.pathname + u.search);
}

/**
 * Each role sees only the links and queries its policy allows: signed in as each demo role, the test follows every
 * link the app offers (breadth first from the front page) and fails on any 401/403 answer or console error.
 */
describe.skipIf(!browserAvailable)('every role only meets what it may use', () => {
  const env = suiteEnvironment();

  it.each(ROLES)('%s (%s): no forbidden answer and no console error on any offered page', async (_role, email) => {
    const context = await newContext(env.browser, env.server.url, 'fi');
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      const problems: string[] = [];
      let at = '/';
      page.on('response', (r) => {
        if ((r.status() === 403 || r.status() === 401) && r.url().includes('/api/') && !r.url().endsWith('/api/auth/me')) problems.push(`${r.status()} ${new URL(r.url()).pathname} on ${at}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console on ${at}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error on ${at}: ${e.message}`));
      await signInAs(page, email);
      // Signing in changes the route in the page, which is not a navigation: load the landing page afresh so that
      // 'networkidle' waits for its own first queries.
      await page.goto(page.url());
      await settled(page);
      const origin = new URL(env.server.url).origin;
      const seen = new Set<string>([new URL(page.url()).pathname]);
      const queue = await appLinks(page, origin);
      let visited = 0;
      while (queue.length > 0 && visited < MAX_PAGES) {
        const next = queue.shift()!;
        const path = next.split('?')[0]!;
        if (seen.has(path)) continue;
        seen.add(path);
        at = next;
        visited++;
        await page.goto(next);
        await settled(page);
        queue.push(...(await appLinks(page, origin)));
      }
      expect(visited, `${email} reached no page`).toBeGreaterThan(1);
      expect(problems, [...seen].join(' ')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
