import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export type Lang = 'fi' | 'sv' | 'en';
const ROOT = path.resolve('src/web/i18n');

function flatten(obj: unknown, prefix: string, out: Map<string, string>) {
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out.set(key, String(v));
  }
}

/** Every string of a language as `namespace:key.path` → text, read from the same files the app bundles. */
export function translations(lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(path.join(ROOT, lang)).filter((f) => f.endsWith('.json'))) {
    flatten(JSON.parse(readFileSync(path.join(ROOT, lang, file), 'utf8')), `${file.replace(/\.json$/, '')}:`, out);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole text node equal to the string, with any {{placeholder}} standing for some text. */
function matcher(value: string): (text: string) => boolean {
  if (!value.includes('{{')) return (text) => text === value;
  const re = new RegExp(`^${value.split(/\{\{\w+\}\}/).map(escape).join('.+')}$`, 's');
  return (text) => re.test(text);
}

/** Strings that are mostly placeholders ("{{role}}, {{place}}") would match any text: not checkable. */
const checkable = (value: string) => value.replace(/\{\{\w+\}\}/g, '').replace(/[^\p{L}]/gu, '').length >= 3;

/** The texts a person (or a screen reader) meets: visible text nodes plus aria-label, alt, title, placeholder. */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text && n.parentElement?.checkVisibility({ visibilityProperty: true })) out.push(text);
    }
    for (const el of document.body.querySelectorAll('[aria-label],[alt],[title],[placeholder]')) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      for (const a of ['aria-label', 'alt', 'title', 'placeholder']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Keys of `lang` whose string is on screen now. */
export function visibleKeys(texts: string[], strings: Map<string, string>): string[] {
  return [...strings].filter(([, v]) => checkable(v) && texts.some(matcher(v))).map(([k]) => k);
}

/**
 * After a switch from one language to another: for every string that was on screen before (and reads differently
 * in the new language), the old text is gone and the new one is there. Returns what is wrong, for a readable diff.
 */
export function switchProblems(keysBefore: string[], texts: string[], from: Map<string, string>, to: Map<string, string>): string[] {
  const problems: string[] = [];
  const targetValues = new Set(to.values());
  // Keys that share one source text (nav "Palvelupiste" and a heading) need only one of their translations shown.
  const bySource = new Map<string, string[]>();
  for (const key of keysBefore) {
    const source = from.get(key)!;
    if (to.get(key) === source) continue;
    bySource.set(source, [...(bySource.get(source) ?? []), key]);
  }
  for (const [source, keys] of bySource) {
    if (!targetValues.has(source) && texts.some(matcher(source))) problems.push(`still shown: ${keys.join(', ')} "${source}"`);
    if (!keys.some((k) => texts.some(matcher(to.get(k)!)))) problems.push(`missing: ${keys.join(', ')} "${keys.map((k) => to.get(k)).join('" / "')}"`);
  }
  return problems;
}
