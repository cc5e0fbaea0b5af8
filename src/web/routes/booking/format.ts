import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/common';
import { ApiError } from '../../api';

/** Times as the customer reads them, in the service point's zone. */
export const formatDay = (iso: string, locale: string, tz: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: tz, weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date(iso));
export const formatTime = (iso: string, locale: string, tz: string) => new Intl.DateTimeFormat(locale, { timeZone: tz, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
export const formatWhen = (iso: string, locale: string, tz: string) => `${formatDay(iso, locale, tz)} ${formatTime(iso, locale, tz)}`;
export const localDay = (iso: string, tz: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: tz });

/** The message for a failed call, from the problem's stable code, in this page's words (then the common ones). */
export function bookingError(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'unknown';
  return t(`publicBooking:errors.${code}`, { defaultValue: t(`common:errors.${code}`, { defaultValue: t('publicBooking:errors.unknown') }) });
}

/** After a lost race the server names the next free times (comma-separated ISO instants). */
export const nextTimesOf = (error: unknown): string[] => (error instanceof ApiError && error.problem.params?.nextTimes ? error.problem.params.nextTimes.split(',').filter(Boolean) : []);

export const interpretingName = (t: TFunction, code: string, lang: Language) => {
  const known = t(`publicBooking:interpretingLanguages.${code}`, { defaultValue: '' });
  if (known) return known;
  try {
    return new Intl.DisplayNames(lang, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};
