import type { AppContext } from '../../context.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { type DayPlan, type Interval, type Slot, type SlotQuery, computeSlots } from './availability.js';
import { isDelegated } from '../agreements/delegation.js';
import { catalogueFor, instantAt } from './availability-catalogue.js';
import { answerCacheFor } from './answer-cache.js';
import { busyCacheFor } from './busy-cache.js';
import { holidayOn } from './holidays.js';
import { schedulingRepository } from './repository.js';
import { addDays, eachDate, weekdayOf } from './time.js';
import { readTogether } from '../../db/concurrent.js';

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

/**
 * Loads everything the slot computation needs for the range, and checks the request makes sense. All but busy time
 * comes from the instance's catalogue (availability-catalogue.ts), busy time from its busy cache (busy-cache.ts), so a
 * steady-state request sends no statement.
 */
export async function buildSlotQuery(ctx: AppContext, q: AvailabilityRequest, now = new Date()) {
  const { config } = ctx;
  const dates = eachDate(q.from, q.to);
  if (dates.length > MAX_RANGE_DAYS) throw invalid('availability.range_too_long', `Ask for at most ${MAX_RANGE_DAYS} days at a time`);
  const catalogue = catalogueFor(ctx);
  const [point, service, closures, agreements, staff, interpreting] = await readTogether(ctx.db, [
    () => catalogue.servicePoint(q.servicePointId),
    () => catalogue.service(q.serviceId),
    () => catalogue.closures(q.servicePointId),
    () => catalogue.agreements(q.servicePointId),
    () => catalogue.experts(q.agencyId, q.expertId),
    async () => (q.interpretingLanguage ? catalogue.interpreters(q.interpretingLanguage) : undefined),
  ]);
  if (!point || !point.active) throw notFound('Service point');
  if (!service || !service.active || service.agencyId !== q.agencyId) throw notFound('Service');
  if (q.interpretingLanguage && !service.interpretingPossible) throw invalid('service.no_interpreting', 'This service cannot be booked with interpreting');
  const experts = q.expertId ? staff.experts.filter((e) => e.id === q.expertId) : staff.experts;
  if (q.expertId && experts.length === 0) throw notFound('Expert');
  const interpreterIds = interpreting?.ids ?? [];
  const tz = point.timeZone;

  const busyQuery = {
    roomIds: point.rooms.map((r) => r.id),
    expertIds: experts.map((e) => e.id),
    interpreterIds,
    from: new Date(instantAt(q.from, '00:00', tz)),
    to: new Date(instantAt(addDays(q.to, 1), '00:00', tz)),
  };
  // Busy time from the instance's cache (busy-cache.ts) outside a transaction; a move leaves its own booking out, so
  // it asks the database.
  const cache = q.excludeBookingId ? undefined : busyCacheFor(ctx);
  const busyBy: Map<string, Interval[]> = q.ignoreBusy
    ? new Map()
    : cache
      ? await cache.busy(busyQuery)
      : new Map((await schedulingRepository.busy(ctx.db, { ...busyQuery, excludeBookingId: q.excludeBookingId })).map((b) => [b.holderId, b.busy]));

  // A day no agreement in force delegates booking for this agency at this point offers no time (laki 223/2007).
  const days: DayPlan[] = dates.map((date) => {
    const closed =
      holidayOn(date) || closures.some((c) => c.startsOn <= date && date <= c.endsOn) || !isDelegated(agreements, point.id, q.agencyId, 'booking', date);
    const weekday = weekdayOf(date);
    const open = closed
      ? []
      : point.openingHours.filter((h) => h.weekday === weekday).map((h) => ({ start: instantAt(date, h.opens, tz), end: instantAt(date, h.closes, tz) }));
    return { date, open };
  });

  const busyOf = (id: string): Interval[] => busyBy.get(id) ?? [];
  const expertWork = staff.working(tz).prepare(dates).byResource;
  const interpreterWork = interpreting?.working(tz).prepare(dates).byResource;
  const none = new Map<string, Interval[]>();

  const slotQuery: SlotQuery = {
    days,
    durationMs: service.durationMinutes * 60_000,
    stepMs: config.slotStepMinutes * 60_000,
    earliest: now.getTime() + config.bookingMinNoticeMinutes * 60_000,
    latest: now.getTime() + config.bookingHorizonDays * 86_400_000,
    rooms: point.rooms.map((r) => ({ id: r.id, working: none, busy: busyOf(r.id) })),
    experts: experts.map((e) => ({ id: e.id, working: expertWork.get(e.id) ?? none, busy: busyOf(e.id) })),
    interpreters: interpreterWork && interpreterIds.map((id) => ({ id, working: interpreterWork.get(id) ?? none, busy: busyOf(id) })),
  };
  // What the answer read busy time of (answer-cache.ts drops it when a booking of one of them changes in the range).
  const deps = { holders: new Set([...busyQuery.roomIds, ...busyQuery.expertIds, ...busyQuery.interpreterIds]), from: busyQuery.from.getTime(), to: busyQuery.to.getTime() };
  return { point, service, slotQuery, deps };
}

export async function findAvailability(ctx: AppContext, q: AvailabilityRequest, now = new Date()): Promise<{ slots: Slot[]; timeZone: string }> {
  const cache = q.excludeBookingId || q.ignoreBusy ? undefined : answerCacheFor(ctx);
  if (!cache) {
    const { point, slotQuery } = await buildSlotQuery(ctx, q, now);
    return { slots: computeSlots(slotQuery), timeZone: point.timeZone };
  }
  // The answer without the notice and horizon limits is cached (answer-cache.ts); they are applied for this `now`.
  const key = `${q.servicePointId}|${q.agencyId}|${q.serviceId}|${q.from}|${q.to}|${q.interpretingLanguage ?? ''}|${q.expertId ?? ''}`;
  const { slots, timeZone } = await cache.get(key, async () => {
    const { point, slotQuery, deps } = await buildSlotQuery(ctx, q, now);
    return { answer: { slots: computeSlots({ ...slotQuery, earliest: -Infinity, latest: Infinity }), timeZone: point.timeZone }, deps };
  });
  const earliest = now.getTime() + ctx.config.bookingMinNoticeMinutes * 60_000;
  const latest = now.getTime() + ctx.config.bookingHorizonDays * 86_400_000;
  return { slots: slots.filter((s) => s.start >= earliest && s.start <= latest), timeZone };
}
