import type { LocalizedText } from '../../../../shared/common';
import type { Language } from '../../../../shared/common';
import { formatDayTime } from '../../../days';
import { isLanguage } from '../../../i18n/languages';

/** The text in the UI language (the app always has fi, sv and en; fall back to Finnish for safety). */
export function localized(text: LocalizedText | undefined, language: string): string {
  if (!text) return '';
  return text[language as Language] ?? text.fi;
}

/** Helsinki time in the UI language's format (6.12.2026 klo 9.45; 06/12/2026, 09:45 in en), not the device's zone. */
export function formatDateTime(iso: string | undefined, language: string): string {
  if (!iso) return '';
  return formatDayTime(iso, isLanguage(language) ? language : 'fi');
}

export const emptyLocalized = (): LocalizedText => ({ fi: '', sv: '', en: '' });
