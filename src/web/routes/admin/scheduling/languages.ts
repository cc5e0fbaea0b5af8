import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { SIGN_AND_SAMI_LANGUAGES } from '../../../../shared/scheduling';
import { LANGUAGES } from '../../../i18n/languages';
import { capitalize } from '../../../localized';

export { SIGN_AND_SAMI_LANGUAGES };
/** The UI and service languages: Finnish, Swedish and English. */
export const SERVICE_LANGUAGES = LANGUAGES;
/** Spoken languages most often interpreted in Finnish public services, offered as checkboxes. */
export const SPOKEN_LANGUAGES = ['ar', 'so', 'ru', 'uk', 'fa', 'prs', 'ku', 'et', 'ti', 'ps', 'tr', 'sq', 'vi', 'th', 'zh', 'es', 'fr', 'de', 'en', 'sv', 'fi'] as const;

/** ISO 639 code: two or three lower-case letters, as the API accepts. */
export const isLanguageCode = (code: string) => /^[a-z]{2,3}$/.test(code);

/** A language's name in the UI language: from scheduling.json, else from the browser, else the code itself. */
export function languageName(t: TFunction, code: string): string {
  if (i18n.exists(`scheduling:languages.${code}`)) return t(`scheduling:languages.${code}`);
  try {
    const name = new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code);
    if (name && name !== code) return name;
  } catch {
    // An unknown code: show it as such.
  }
  return code;
}

export const languageLabel = (t: TFunction, code: string) => capitalize(languageName(t, code));

export const languageList = (t: TFunction, codes: readonly string[]) => codes.map((c) => languageName(t, c)).join(', ');

/** "ru, ar , uk" → ['ru', 'ar', 'uk'] and the pieces that are not language codes. */
export function parseCodes(text: string): { codes: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return { codes: [...new Set(parts.filter(isLanguageCode))], invalid: parts.filter((p) => !isLanguageCode(p)) };
}
