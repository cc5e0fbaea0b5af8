/**
 * Business time: rules are wall-clock times in the service point's zone (Europe/Helsinki), computed per day, so a
 * DST change never shifts a slot. Instants are Dates (UTC); local dates are 'YYYY-MM-DD' strings.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/**
 * The wall-clock fields of recent instants, by zone and epoch ms: formatToParts was a good part of a booking's Node
 * CPU, and the same starts, opening times and midnights recur from request to request. Bounded; emptied when full.
 */
const partsCache = new Map<string, Readonly<Record<string, string>>>();
const PARTS_CACHE_MAX = 8192;

function parts(instant: Date, tz: string): Readonly<Record<string, string>> {
  const key = `${tz} ${instant.getTime()}`;
  let p = partsCache.get(key);
  if (!p) {
    const fields: Record<string, string> = {};
    for (const { type, value } of formatter(tz).formatToParts(instant)) fields[type] = value;
    if (partsCache.size >= PARTS_CACHE_MAX) partsCache.clear();
    partsCache.set(key, (p = Object.freeze(fields)));
  }
  return p;
}

/** Offset of the zone from UTC at that instant, in milliseconds. */
function offsetAt(instant: Date, tz: string): number {
  const p = parts(instant, tz);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock in `tz` shows `date` `time` (HH:MM). */
export function zonedInstant(date: string, time: string, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetAt(new Date(wall), tz);
  // Re-check with the offset at the guessed instant (differs only next to a DST change).
  guess = wall - offsetAt(new Date(guess), tz);
  return new Date(guess);
}

export function localDate(instant: Date, tz: string): string {
  const p = parts(instant, tz);
  return `${p.year}-${p.month}-${p.day}`;
}

export function localTime(instant: Date, tz: string): string {
  const p = parts(instant, tz);
  return `${p.hour}:${p.minute}`;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function eachDate(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 'HH:MM:SS' from a PostgreSQL time column → 'HH:MM'. */
export const hhmm = (t: string) => t.slice(0, 5);
