import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './harness.js';
import { type Lang, translations } from './translations.js';

export const T = { fi: translations('fi'), sv: translations('sv'), en: translations('en') };
export const tr = (lang: Lang, key: string) => {
  const value = T[lang].get(key);
  if (value === undefined) throw new Error(`no translation ${lang} ${key}`);
  return value;
};

/** Signs in through the real form on /login, in the page's current language. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD, lang: Lang = 'fi') {
  await page.goto('/login');
  await page.getByLabel(tr(lang, 'login:email')).fill(email);
  await page.getByLabel(tr(lang, 'login:password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: tr(lang, 'login:submit') }).click();
}

/** Picks a language from the header's language menu and waits for the page to say it is in that language. */
export async function switchLanguage(page: Page, to: Lang) {
  await page.locator('header').getByRole('button', { name: /^(FI|SV|EN) – (Kieli|Språk|Language):/ }).click();
  await page.getByRole('menuitem', { name: tr(to, `common:language.${to}`) }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(to);
}

/** The links of the main navigation, in order. */
export function navLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: /Päävalikko|Huvudmeny|Main menu/ }).getByRole('link').allInnerTexts();
}
