import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import { navLinks } from './ui.js';

/** WCAG 1.4.10 Reflow: at 320 CSS px wide nothing makes the page itself scroll sideways. */
const NARROW = { width: 320, height: 800 };

/** One sign-in of each demo role (README) and the pages of its main navigation. */
const ROLES = [
  'neuvoja1@porvoo.demo',
  'esihenkilo@porvoo.demo',
  'asiantuntija@vero.demo',
  'varaaja@kela.demo',
  'admin@kela.demo',
  'paakayttaja@vm.demo',
  'koordinaattori@vm.demo',
  'tarkastaja@vm.demo',
];

/** The elements wider than the viewport that are not inside a scrolling container: what makes the page scroll. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right <= root.clientWidth + 0.5 || r.width === 0) continue;
      let p = el.parentElement;
      let clipped = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') clipped = true;
        p = p.parentElement;
      }
      if (!clipped) culprits.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')}→${Math.round(r.right)}`);
    }
    return { scrollWidth: root.scrollWidth, culprits: culprits.slice(0, 6) };
  });
}

describe.skipIf(!browserAvailable)('reflow at 320 CSS px (WCAG 1.4.10)', () => {
  const env = suiteEnvironment();

  it('no page of any role scrolls sideways', async () => {
    const report: Record<string, unknown> = {};
    for (const email of ROLES) {
      const context = await newContext(env.browser, env.server.url, 'fi');
      const page = await context.newPage();
      await page.setViewportSize(NARROW);
      await signInAs(page, email);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const paths = new Set<string>();
      const links = page.getByRole('navigation', { name: /Päävalikko|Huvudmeny|Main menu/ }).getByRole('link');
      await links.first().waitFor().catch(() => undefined);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) paths.add(href);
      paths.add('/account');
      for (const path of paths) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const result = await overflow(page);
        report[`${email} ${path}`] = result ?? 'ok';
        await shot(page, `reflow-${email.split('@')[0]}-${path.replaceAll('/', '_')}`);
      }
      await context.close();
    }
    console.log(JSON.stringify(report, null, 1));
  });
});
