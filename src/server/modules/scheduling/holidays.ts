import Holidays from 'date-holidays';
import type { LocalizedText as Localized } from '../../../shared/common.js';

/**
 * Days a Finnish public service point is closed: the public holidays from date-holidays (New Year's Day,
 * Epiphany, Good Friday, Easter, Easter Monday, May Day, Ascension, Whitsun, Midsummer Day, All Saints' Day,
 * Independence Day, Christmas, Boxing Day) plus Christmas Eve and Midsummer Eve, which date-holidays marks as
 * bank holidays but on which government offices are closed.
 */
const EXTRA_CLOSED = new Set(['jouluaatto', 'juhannusaatto']);
const byYear = new Map<number, Map<string, Localized>>();
const fi = new Holidays('FI');

function closedDays(year: number): Map<string, Localized> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    const names = (lang: string) => new Map(fi.getHolidays(year, lang).map((h) => [`${h.date.slice(0, 10)}/${h.rule}`, h.name]));
    const [sv, en] = [names('sv'), names('en')];
    for (const h of fi.getHolidays(year, 'fi')) {
      if (h.type !== 'public' && !EXTRA_CLOSED.has(h.name.toLowerCase())) continue;
      const key = `${h.date.slice(0, 10)}/${h.rule}`;
      // As written mid-sentence in each language: "Suljettu: itsenäisyyspäivä", "Stängt: självständighetsdagen".
      const name = h.name.toLocaleLowerCase('fi');
      days.set(h.date.slice(0, 10), { fi: name, sv: sv.get(key) ?? name, en: en.get(key) ?? name });
    }
    byYear.set(year, days);
  }
  return days;
}

/** The holiday's Finnish name when the service point is closed on that date, else undefined. */
export function holidayOn(date: string): string | undefined {
  return closedDays(Number(date.slice(0, 4))).get(date)?.fi;
}

/** The holiday's name in fi, sv and en when the service point is closed on that date, else undefined. */
export function holidayNamesOn(date: string): Localized | undefined {
  return closedDays(Number(date.slice(0, 4))).get(date);
}
