import Holidays from 'date-holidays';

/**
 * Days a Finnish public service point is closed: the public holidays from date-holidays (New Year's Day,
 * Epiphany, Good Friday, Easter, Easter Monday, May Day, Ascension, Whitsun, Midsummer Day, All Saints' Day,
 * Independence Day, Christmas, Boxing Day) plus Christmas Eve and Midsummer Eve, which date-holidays marks as
 * bank holidays but on which government offices are closed.
 */
const EXTRA_CLOSED = new Set(['jouluaatto', 'juhannusaatto']);
const byYear = new Map<number, Map<string, string>>();
const fi = new Holidays('FI');

function closedDays(year: number): Map<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of fi.getHolidays(year, 'fi')) {
      if (h.type === 'public' || EXTRA_CLOSED.has(h.name.toLowerCase())) days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, days);
  }
  return days;
}

/** The holiday's Finnish name when the service point is closed on that date, else undefined. */
export function holidayOn(date: string): string | undefined {
  return closedDays(Number(date.slice(0, 4))).get(date);
}
