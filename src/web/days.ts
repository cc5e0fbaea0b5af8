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

/** An instant's Helsinki wall-clock time as people write it (9.45 in fi, 09:45 in en). */
export function formatTime(at: Date | string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(new Date(at));
}

/** An instant's Helsinki day and time (6.12.2026 klo 9.45), for anything that may not be today. */
export function formatDayTime(at: Date | string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(new Date(at));
}
