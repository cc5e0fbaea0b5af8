import type { z } from 'zod';
import type { Language } from '../../../shared/common.js';
import type { closureView, interpreterView, serviceView, workingHoursView } from '../../../shared/scheduling.js';
import type { closures, interpreters, services, workingExceptions, workingHours } from '../../db/schema/index.js';
import type { Slot } from './availability.js';
import { hhmm } from './time.js';

export const presentService = (s: typeof services.$inferSelect): z.infer<typeof serviceView> => ({
  id: s.id,
  agencyId: s.agencyId,
  name: s.name,
  durationMinutes: s.durationMinutes,
  languages: s.languages as Language[],
  interpretingPossible: s.interpretingPossible,
  active: s.active,
  onlineBooking: s.onlineBooking,
  onlineNoticeMinutes: s.onlineNoticeMinutes,
  onlineHorizonDays: s.onlineHorizonDays,
});

export const presentInterpreter = (i: typeof interpreters.$inferSelect): z.infer<typeof interpreterView> => ({
  id: i.id,
  name: i.name,
  provider: i.provider,
  languages: i.languages,
  active: i.active,
});

export const presentClosure = (c: typeof closures.$inferSelect): z.infer<typeof closureView> => ({
  id: c.id,
  servicePointId: c.servicePointId,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  reason: c.reason,
});

export const presentWorkingHours = (h: {
  weekly: (typeof workingHours.$inferSelect)[];
  exceptions: (typeof workingExceptions.$inferSelect)[];
}): z.infer<typeof workingHoursView> => ({
  weekly: h.weekly.map((w) => ({ weekday: w.weekday, starts: hhmm(w.starts), ends: hhmm(w.ends) })),
  exceptions: h.exceptions.map((e) => ({
    day: e.day,
    ...(e.starts ? { starts: hhmm(e.starts) } : {}),
    ...(e.ends ? { ends: hhmm(e.ends) } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
  })),
});

const offsetCache = new Map<string, string>();

/** The zone's UTC offset at that instant as ±HH:MM; cached per hour (offsets change only on the hour). */
function offsetAt(ms: number, tz: string): string {
  const key = `${tz}|${Math.floor(ms / 3_600_000)}`;
  let off = offsetCache.get(key);
  if (off === undefined) {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        .formatToParts(new Date(ms))
        .map((x) => [x.type, x.value]),
    );
    const minutes = Math.round((Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!) - Math.floor(ms / 60_000) * 60_000) / 60_000);
    const abs = Math.abs(minutes);
    off = `${minutes >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    offsetCache.set(key, off);
  }
  return off;
}

/** Instants with the zone's offset (e.g. 2026-12-01T09:00:00+02:00), as a person in Finland reads them. */
export function isoWithOffset(ms: number, tz: string): string {
  const off = offsetAt(ms, tz);
  const sign = off.startsWith('-') ? -1 : 1;
  const shifted = new Date(ms + sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6))) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${off}`;
}

export const presentSlot = (s: Slot, tz: string) => ({
  start: isoWithOffset(s.start, tz),
  end: isoWithOffset(s.end, tz),
  roomId: s.roomId,
  expertId: s.expertId,
  ...(s.interpreterId ? { interpreterId: s.interpreterId } : {}),
});
