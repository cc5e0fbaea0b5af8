import type { TFunction } from 'i18next';
import type { AgreementTask } from '../../../shared/agreements';
import type { Language } from '../../../shared/common';
import { formatDay } from '../../days';
import { LOCALES } from '../../i18n/languages';

// Days are shared by every screen (web/days.ts); re-exported for the agreement pages that import them from here.
export { formatDay, helsinkiDay } from '../../days';

/** An instant as its day and time in Helsinki. */
export function formatInstant(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(new Date(iso));
}

/** Cents as euros: "42,00 €" in fi and sv. */
export function formatEuro(cents: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Cents as the text of a form field, "42,00" (no currency sign: the label says €). */
export const centsToField = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** "42", "42,5", "42.50", "1 700" → cents; undefined when it is not an amount. */
export function fieldToCents(text: string): number | undefined {
  const s = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined;
  return Math.round(Number(s) * 100);
}

export const validity = (t: TFunction, from: string, until: string | null, lang: Language) =>
  until ? t('agreements:validity.range', { from: formatDay(from, lang), until: formatDay(until, lang) }) : t('agreements:validity.open', { from: formatDay(from, lang) });

export const taskLabel = (t: TFunction, task: AgreementTask) => t(`agreements:tasks.${task}`);
