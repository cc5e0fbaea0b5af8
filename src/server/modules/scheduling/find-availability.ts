import type { AppContext } from '../../context.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { type DayPlan, type Interval, type Resource, type Slot, type SlotQuery, computeSlots } from './availability.js';
import { agreementsAtPoint, isDelegated } from '../agreements/delegation.js';
import { holidayOn } from './holidays.js';
import { schedulingRepository as repo, type ResourceKind } from './repository.js';
import { addDays, eachDate, hhmm, weekdayOf, zonedInstant } from './time.js';

export type AvailabilityRequest = {
  servicePointId: string;
  agencyId: string;
  serviceId: string;
  from: string;
  to: string;
  interpretingLanguage?: string;
  expertId?: string;
  /** When moving a booking, its own time does not count as busy. */
  excludeBookingId?: string;
  /** Ignore everyone's bookings: tells "outside hours" apart from "taken". */
  ignoreBusy?: boolean;
};

const MAX_RANGE_DAYS = 62;
const invalid = (code: string, detail: string) => new HttpProblem(422, code, 'Unprocessable content', detail);

/** Loads everything the slot computation needs for the range, and checks the request makes sense. */
export async function buildSlotQuery(ctx: AppContext, q: AvailabilityRequest, now = new Date()) {
  const { db, config } = ctx;
  if (eachDate(q.from, q.to).length > MAX_RANGE_DAYS) throw invalid('availability.range_too_long', `Ask for at most ${MAX_RANGE_DAYS} days at a time`);
  const [point, service] = await Promise.all([repo.servicePoint(db, q.servicePointId), repo.service(db, q.serviceId)]);
  if (!point || !point.active) throw notFound('Service point');
  if (!service || !service.active || service.agencyId !== q.agencyId) throw notFound('Service');
  if (q.interpretingLanguage && !service.interpretingPossible) throw invalid('service.no_interpreting', 'This service cannot be booked with interpreting');
  const tz = point.timeZone;
  const instants = new Map<string, number>();
  const at = (date: string, time: string) => {
    const key = `${date} ${time}`;
    let v = instants.get(key);
    if (v === undefined) instants.set(key, (v = zonedInstant(date, hhmm(time), tz).getTime()));
    return v;
  };

  const [closures, agreements] = await Promise.all([repo.closures(db, point.id, q.from, q.to), agreementsAtPoint(db, point.id)]);
  // A day no agreement in force delegates booking for this agency at this point offers no time (laki 223/2007).
  const days: DayPlan[] = eachDate(q.from, q.to).map((date) => {
    const closed =
      holidayOn(date) || closures.some((c) => c.startsOn <= date && date <= c.endsOn) || !isDelegated(agreements, point.id, q.agencyId, 'booking', date);
    const weekday = weekdayOf(date);
    const open = closed
      ? []
      : point.openingHours
          .filter((h) => h.weekday === weekday)
          .map((h) => ({ start: at(date, h.opens), end: at(date, h.closes) }));
    return { date, open };
  });

  const experts = await repo.experts(db, q.agencyId, q.expertId);
  if (q.expertId && experts.length === 0) throw notFound('Expert');
  const interpreterIds = q.interpretingLanguage ? (await repo.interpreters(db, q.interpretingLanguage)).map((i) => i.id) : [];
  const rangeStart = zonedInstant(q.from, '00:00', tz);
  const rangeEnd = zonedInstant(addDays(q.to, 1), '00:00', tz);
  const busyRows = q.ignoreBusy
    ? []
    : await repo.busy(db, {
        roomIds: point.rooms.map((r) => r.id),
        expertIds: experts.map((e) => e.id),
        interpreterIds,
        from: rangeStart,
        to: rangeEnd,
        excludeBookingId: q.excludeBookingId,
      });
  const busyBy = new Map(busyRows.map((b) => [b.holderId, b.busy]));
  const busyOf = (id: string): Interval[] => busyBy.get(id) ?? [];

  const working = async (kind: ResourceKind, ids: string[]) => {
    const [weekly, exceptions] = await Promise.all([repo.workingHours(db, kind, ids), repo.workingExceptions(db, kind, ids, q.from, q.to)]);
    const group = <T>(rows: T[], key: (r: T) => string) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
      return m;
    };
    const weeklyBy = group(weekly, (w) => `${w.resourceId}:${w.weekday}`);
    const exceptionsBy = group(exceptions, (e) => `${e.resourceId}:${e.day}`);
    const byResource = new Map<string, Map<string, Interval[]>>();
    for (const id of ids) {
      const map = new Map<string, Interval[]>();
      for (const { date, open } of days) {
        if (open.length === 0) continue;
        const ex = exceptionsBy.get(`${id}:${date}`);
        const rows = ex
          ? ex.filter((e) => e.starts && e.ends).map((e) => ({ starts: e.starts!, ends: e.ends! }))
          : (weeklyBy.get(`${id}:${weekdayOf(date)}`) ?? []);
        map.set(date, rows.map((r) => ({ start: at(date, r.starts), end: at(date, r.ends) })));
      }
      byResource.set(id, map);
    }
    return byResource;
  };
  const [expertWork, interpreterWork] = await Promise.all([working('expert', experts.map((e) => e.id)), working('interpreter', interpreterIds)]);

  const roomResources: Resource[] = point.rooms.map((r) => ({ id: r.id, working: new Map(), busy: busyOf(r.id) }));
  const expertResources: Resource[] = experts.map((e) => ({ id: e.id, working: expertWork.get(e.id)!, busy: busyOf(e.id) }));
  const interpreterResources: Resource[] | undefined = q.interpretingLanguage
    ? interpreterIds.map((id) => ({ id, working: interpreterWork.get(id)!, busy: busyOf(id) }))
    : undefined;

  const slotQuery: SlotQuery = {
    days,
    durationMs: service.durationMinutes * 60_000,
    stepMs: config.slotStepMinutes * 60_000,
    earliest: now.getTime() + config.bookingMinNoticeMinutes * 60_000,
    latest: now.getTime() + config.bookingHorizonDays * 86_400_000,
    rooms: roomResources,
    experts: expertResources,
    interpreters: interpreterResources,
  };
  return { point, service, slotQuery };
}

export async function findAvailability(ctx: AppContext, q: AvailabilityRequest, now = new Date()): Promise<{ slots: Slot[]; timeZone: string }> {
  const { point, slotQuery } = await buildSlotQuery(ctx, q, now);
  return { slots: computeSlots(slotQuery), timeZone: point.timeZone };
}
