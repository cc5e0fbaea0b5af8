import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../shared/common';
import { type Language, LOCALES, isLanguage } from './i18n/languages';

/** The UI language and its Intl locale. */
export function useLanguage(): { lang: Language; locale: string } {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'fi';
  return { lang, locale: LOCALES[lang] };
}

/** A name stored in fi, sv and en, in the wanted language. */
export const localized = (text: LocalizedText, lang: Language) => text[lang] || text.fi;

/** "maanantai" → "Maanantai": weekday names begin a table row. */
export const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
