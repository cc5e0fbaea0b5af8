import type { TFunction } from 'i18next';
import { SIGN_AND_SAMI_LANGUAGES } from '../../../../shared/scheduling';

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * An interpreting language in the UI language: the sign and Sámi languages from our own translations (browsers
 * know them poorly), any other ISO 639 code from Intl.DisplayNames, the code itself as a last resort.
 */
export function interpretingLanguageName(t: TFunction, code: string, locale: string): string {
  if ((SIGN_AND_SAMI_LANGUAGES as readonly string[]).includes(code)) return t(`calendar:interpreting.languages.${code}`);
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Sign and Sámi languages first, then the spoken languages interpreters offer, by name. */
export function interpretingChoices(t: TFunction, offered: readonly string[], locale: string): { code: string; name: string }[] {
  const others = [...new Set(offered)].filter((c) => !(SIGN_AND_SAMI_LANGUAGES as readonly string[]).includes(c));
  const named = (codes: readonly string[]) => codes.map((code) => ({ code, name: interpretingLanguageName(t, code, locale) }));
  return [...named(SIGN_AND_SAMI_LANGUAGES), ...named(others).sort((a, b) => a.name.localeCompare(b.name, locale))];
}
