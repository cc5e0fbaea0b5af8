import type { Language, LocalizedText } from './common.js';

/**
 * A name stored per language (fi, sv, en), in the wanted language, falling back to Finnish when that language's
 * text is empty or the language is not one of the three (server texts; the web app has `localized` in web/localized.ts).
 */
export function localizedOr(text: Partial<LocalizedText> | null | undefined, lang: string): string {
  if (!text) return '';
  return text[lang as Language] || text.fi || '';
}
