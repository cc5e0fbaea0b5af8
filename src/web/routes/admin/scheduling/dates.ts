import { helsinkiDay } from '../../../days';
/** Dates as people type them in Finland (13.3.2026, the design system's date input) and as the API has them (2026-03-13). */

const pad = (n: number) => String(n).padStart(2, '0');

/** "13.3.2026" → "2026-03-13"; undefined when it is not a real date. */
export function parseDate(text: string): string | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** "2026-03-13" → "13.3.2026", the form the date input shows. */
export function toDateText(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

/** "2026-03-13" → "Fri 13.3.2026" in the UI language; the date is a calendar day, so no time zone applies. */
export function formatDay(ymd: string, locale: string, weekday: 'short' | 'long' = 'short'): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { weekday, day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** Today in Helsinki as YYYY-MM-DD: the points' calendar, whatever zone the browser is in. */
export function todayYmd(now = new Date()): string {
  return helsinkiDay(now);
}
