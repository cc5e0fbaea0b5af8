import type { Page } from 'playwright-core';

/** WCAG 1.4.10 Reflow: at 320 CSS px wide nothing makes the page itself scroll sideways. */
export const NARROW = { width: 320, height: 800 };

/** The WCAG 1.4.12 text-spacing bookmarklet's override. */
export const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/**
 * Null when the page does not scroll sideways (document.scrollingElement.scrollWidth ≤ innerWidth); otherwise its
 * width and the elements reaching past the viewport that no scrolling box contains: what makes the page scroll.
 */
export async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth <= window.innerWidth) return null;
    const width = root.clientWidth;
    const reaching: string[] = [];
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 0.5 || r.width === 0) continue;
      const name = `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')}→${Math.round(r.right)}`;
      reaching.push(name);
      let p = el.parentElement;
      let clipped = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') clipped = true;
        p = p.parentElement;
      }
      if (!clipped) culprits.push(name);
    }
    // Something positioned inside a scrolling box but contained outside it is listed under `reaching`.
    return { scrollWidth: root.scrollWidth, culprits: culprits.slice(0, 6), reaching: reaching.slice(-6) };
  });
}

/** Data and fonts have arrived: the network has been quiet for a moment (live connections keep it from ever idling). */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
}

/**
 * A string is a path; [list, pattern] opens the list and follows its first link whose address matches (an edit or
 * detail page with seeded data).
 */
export type Target = string | [string, RegExp];

/** Opens a page (or the first matching link of a list) and waits until its data has arrived. */
export async function open(page: Page, target: Target): Promise<string> {
  const [list, pattern] = typeof target === 'string' ? [target, undefined] : target;
  await page.goto(list);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await settle(page);
  if (!pattern) return list;
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${list}: ${hrefs.join(' ')}`);
  await page.goto(href);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await settle(page);
  return href;
}

/**
 * With the text-spacing override on, the text fields (with a value) whose text no longer fits: their content is
 * wider than the box, so the end of the value is cut from view. Named by their label.
 */
export async function clippedFields(page: Page): Promise<string[]> {
  await page.addStyleTag({ content: TEXT_SPACING });
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement>('input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file])'))
      .filter((el) => el.offsetParent !== null && el.value !== '' && el.scrollWidth > el.clientWidth)
      .map((el) => `${el.labels?.[0]?.textContent?.trim() || el.getAttribute('aria-label') || el.name}: "${el.value}" ${el.scrollWidth} > ${el.clientWidth}`),
  );
}
