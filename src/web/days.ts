import type { Language } from '../shared/common';
import { LOCALES } from './i18n/languages';

/** A Helsinki calendar day `YYYY-MM-DD` as people write it (27.2.2026 in fi and sv). */
export function formatDay(ymd: string | null | undefined, lang: Language): string {
  if (!ymd) return '';
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ymd}T12:00:00Z`));
}

/** The day of an instant in Helsinki, `YYYY-MM-DD`. */
export function helsinkiDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
