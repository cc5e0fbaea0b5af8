import type { LocalizedText } from '../../../../shared/common';
import type { Language } from '../../../../shared/common';

/** The text in the UI language (the app always has fi, sv and en; fall back to Finnish for safety). */
export function localized(text: LocalizedText | undefined, language: string): string {
  if (!text) return '';
  return text[language as Language] ?? text.fi;
}

export function formatDateTime(iso: string | undefined, language: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export const emptyLocalized = (): LocalizedText => ({ fi: '', sv: '', en: '' });
