import type { Language } from './common.js';

/**
 * Dates and times in official-letter style, in a given time zone (Helsinki by default), for customer e-mails,
 * SMS, receipts and staff mails: fi "ma 7.12.2026 klo 9.30", sv "mån 7.12.2026 kl. 9.30", en "Mon 7 Dec 2026 at 09:30".
 * Never UTC or ISO in a message. Weekday abbreviations are fixed here rather than taken from ICU, whose short forms
 * differ between Node versions.
 */
const WEEKDAYS: Record<Language, string[]> = {
  fi: ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'],
  sv: ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const AT: Record<Language, string> = { fi: 'klo', sv: 'kl.', en: 'at' };
const ISO_WEEKDAY: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

export const HELSINKI = 'Europe/Helsinki';

/** The wall-clock parts of an instant in a time zone. */
function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { weekday: ISO_WEEKDAY[parts.weekday!]!, year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: parts.minute! };
}

const toDate = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at);

/** "ma 7.12.2026" / "mån 7.12.2026" / "Mon 7 Dec 2026". */
export function officialDate(at: Date | string, lang: Language, timeZone = HELSINKI, withWeekday = true): string {
  const w = wallClock(toDate(at), timeZone);
  const date = lang === 'en' ? `${w.day} ${MONTHS_EN[w.month - 1]} ${w.year}` : `${w.day}.${w.month}.${w.year}`;
  return withWeekday ? `${WEEKDAYS[lang][w.weekday]} ${date}` : date;
}

/** "9.30" in fi and sv (no leading zero), "09:30" in en. */
export function officialTime(at: Date | string, lang: Language, timeZone = HELSINKI): string {
  const w = wallClock(toDate(at), timeZone);
  return lang === 'en' ? `${String(w.hour).padStart(2, '0')}:${w.minute}` : `${w.hour}.${w.minute}`;
}

/** "ma 7.12.2026 klo 9.30" / "mån 7.12.2026 kl. 9.30" / "Mon 7 Dec 2026 at 09:30". */
export function officialDateTime(at: Date | string, lang: Language, timeZone = HELSINKI, withWeekday = true): string {
  return `${officialDate(at, lang, timeZone, withWeekday)} ${AT[lang]} ${officialTime(at, lang, timeZone)}`;
}
