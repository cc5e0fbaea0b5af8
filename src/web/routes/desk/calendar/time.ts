/**
 * Calendar days and wall-clock times in the service point's zone (Europe/Helsinki), computed with Intl: never the
 * browser's own zone, so an advisor's laptop set to another zone still sees Porvoo's day. Days are YYYY-MM-DD.
 */
export type Ymd = string;

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partsOf(ms: number, timeZone: string) {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partFormatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

const pad = (n: number) => String(n).padStart(2, '0');
const toMs = (at: Date | string | number) => (at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at);

/** The day and the minutes since midnight of an instant, as a clock in the zone shows them. */
export function zonedParts(at: Date | string | number, timeZone: string): { date: Ymd; minutes: number } {
  const p = partsOf(toMs(at), timeZone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, minutes: p.hour * 60 + p.minute };
}

export const todayIn = (timeZone: string, now: Date = new Date()): Ymd => zonedParts(now, timeZone).date;

const utcNoon = (ymd: Ymd) => Date.parse(`${ymd}T12:00:00Z`);

export function addDays(ymd: Ymd, days: number): Ymd {
  return new Date(utcNoon(ymd) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(ymd: Ymd): number {
  const d = new Date(utcNoon(ymd)).getUTCDay();
  return d === 0 ? 7 : d;
}

export const mondayOf = (ymd: Ymd): Ymd => addDays(ymd, 1 - isoWeekday(ymd));

/** Monday to Friday of the week the day is in. */
export const workWeek = (ymd: Ymd): Ymd[] => [0, 1, 2, 3, 4].map((i) => addDays(mondayOf(ymd), i));

/** ISO 8601 week number. */
export function isoWeek(ymd: Ymd): number {
  const thursday = addDays(ymd, 4 - isoWeekday(ymd));
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  return Math.floor((utcNoon(thursday) - utcNoon(jan1)) / (7 * 86_400_000)) + 1;
}

export const isYmd = (value: unknown): value is Ymd => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utcNoon(value));

/** The instant at which the zone's clocks show `minutes` after midnight of the day (DST handled per day). */
export function zonedInstant(ymd: Ymd, minutes: number, timeZone: string): Date {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  const offsetAt = (ms: number) => {
    const p = partsOf(ms, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
  };
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return new Date(second);
}

/** [start, end) of whole days in the zone, as ISO instants for the API. */
export function dayRange(from: Ymd, to: Ymd, timeZone: string): { from: string; to: string } {
  return { from: zonedInstant(from, 0, timeZone).toISOString(), to: zonedInstant(addDays(to, 1), 0, timeZone).toISOString() };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return f;
}

/** "9.15" (fi), "09:15" (en-GB): a clock time in the zone. */
export const formatTime = (at: Date | string | number, locale: string, timeZone: string) =>
  formatter(locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(toMs(at));

export const formatTimeRange = (start: string, end: string, locale: string, timeZone: string) =>
  `${formatTime(start, locale, timeZone)}–${formatTime(end, locale, timeZone)}`;

/** "tiistai 14.10.2025", "tisdag 14.10.2025", "Tuesday, 14 October 2025" (Intl would join Finnish as "tiistaina"). */
export const formatDayLong = (ymd: Ymd, locale: string) =>
  locale.startsWith('en')
    ? formatter(locale, 'UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(utcNoon(ymd))
    : `${formatter(locale, 'UTC', { weekday: 'long' }).format(utcNoon(ymd))} ${formatDate(ymd, locale)}`;

/** "ti 14.10." in the UI language. */
export const formatDayShort = (ymd: Ymd, locale: string) => formatter(locale, 'UTC', { weekday: 'short', day: 'numeric', month: 'numeric' }).format(utcNoon(ymd));

/** "14.10.2025". */
export const formatDate = (ymd: Ymd, locale: string) => formatter(locale, 'UTC', { day: 'numeric', month: 'numeric', year: 'numeric' }).format(utcNoon(ymd));

/** Day and time of an instant in the zone: "ti 14.10. 9.15". */
export const formatDayTime = (at: string, locale: string, timeZone: string) =>
  `${formatDayShort(zonedParts(at, timeZone).date, locale)} ${formatTime(at, locale, timeZone)}`;

/** Date and time of an instant (for history entries): "14.10.2025 9.15". */
export const formatStamp = (at: string, locale: string, timeZone: string) =>
  formatter(locale, timeZone, { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(toMs(at));
