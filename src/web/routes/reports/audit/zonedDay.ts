/** The log's day boundaries are Helsinki days, whatever zone the auditor's browser is in. */
export const AUDIT_TIME_ZONE = 'Europe/Helsinki';

/** "+02:00" or "+03:00": the zone's UTC offset around noon of the given day. */
function offsetOn(ymd: string, timeZone: string): string {
  const noon = new Date(`${ymd}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{2}:\d{2})?/.exec(name ?? '');
  return match?.[1] ?? '+00:00';
}

/** The first or last instant of a calendar day in the zone, as ISO 8601 with offset. */
export function dayBoundary(ymd: string, edge: 'start' | 'end', timeZone = AUDIT_TIME_ZONE): string {
  return `${ymd}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}${offsetOn(ymd, timeZone)}`;
}

/** A date picked in the browser (local midnight) as YYYY-MM-DD. */
export function ymdOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
