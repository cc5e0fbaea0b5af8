import type { AppContext } from '../../context.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { assertDelegatedIn } from '../agreements/delegation.js';
import type { Interval, Slot } from '../scheduling/availability.js';
import { catalogueFor } from '../scheduling/availability-catalogue.js';
import { holidayOn } from '../scheduling/holidays.js';
import { hhmm, localDate, localTime, weekdayOf, zonedInstant } from '../scheduling/time.js';
import { expertTaken, interpreterTaken, roomTaken } from './conflicts.js';
import { type StartChoiceQuery, startRepository } from './start-repository.js';

export type StartRequest = {
  servicePointId: string;
  agencyId: string;
  serviceId: string;
  start: Date;
  language: string;
  interpretingLanguage?: string;
  expertId?: string;
};

const unprocessable = (code: string, detail: string) => new HttpProblem(422, code, 'Unprocessable content', detail);
export const outsideHours = () => unprocessable('booking.outside_hours', 'No one serves at that time: outside opening or working hours, or closed that day');

/**
 * Everything about one requested start that does not depend on who is booked: the point and service exist and
 * match, the language is offered, the start is within notice and horizon, on the slot grid of an opening window of
 * a day the point is open. The same rules as the day's slot computation (`availability.ts`), for one instant.
 */
export async function checkStart(ctx: AppContext, r: StartRequest, now = new Date()) {
  const { db, config } = ctx;
  // What does not change between bookings comes from the instance's catalogue, as for availability (no round trip
  // once warm; dropped on every admin write that changes it).
  const catalogue = catalogueFor(ctx);
  const [point, service, closures, agreements] = await Promise.all([
    catalogue.servicePoint(r.servicePointId),
    catalogue.service(r.serviceId),
    catalogue.closures(r.servicePointId),
    catalogue.agreements(r.servicePointId),
  ]);
  if (!point) throw notFound('Service point');
  // The point may serve the agency only for what an agreement in force that day delegates to it.
  await assertDelegatedIn(db, agreements, { servicePointId: r.servicePointId, agencyId: r.agencyId, task: 'booking', date: localDate(r.start, point.timeZone) });
  if (!point.active) throw notFound('Service point');
  if (!service || !service.active || service.agencyId !== r.agencyId) throw notFound('Service');
  if (r.interpretingLanguage && !service.interpretingPossible) throw unprocessable('service.no_interpreting', 'This service cannot be booked with interpreting');
  if (!service.languages.includes(r.language)) throw unprocessable('booking.language_not_offered', 'The service is not offered in that language');

  const tz = point.timeZone;
  const start = r.start.getTime();
  const durationMs = service.durationMinutes * 60_000;
  const stepMs = config.slotStepMinutes * 60_000;
  if (start < now.getTime() + config.bookingMinNoticeMinutes * 60_000) throw unprocessable('booking.too_soon', 'The start is sooner than the minimum notice allows');
  if (start > now.getTime() + config.bookingHorizonDays * 86_400_000) throw unprocessable('booking.beyond_horizon', 'The start is further ahead than bookings are taken');

  const date = localDate(r.start, tz);
  const weekday = weekdayOf(date);
  const closed = holidayOn(date) || closures.some((c) => c.startsOn <= date && date <= c.endsOn);
  const open: Interval[] = closed
    ? []
    : point.openingHours
        .filter((h) => h.weekday === weekday)
        .map((h) => ({ start: zonedInstant(date, hhmm(h.opens), tz).getTime(), end: zonedInstant(date, hhmm(h.closes), tz).getTime() }));
  const onGrid = open.some((w) => start >= w.start && (start - w.start) % stepMs === 0 && start + durationMs <= w.end);
  if (!onGrid || point.rooms.length === 0) throw outsideHours();

  const end = new Date(start + durationMs);
  const query: StartChoiceQuery = {
    agencyId: r.agencyId,
    expertId: r.expertId,
    interpretingLanguage: r.interpretingLanguage,
    roomIds: point.rooms.map((room) => room.id),
    date,
    weekday,
    tz,
    start: r.start,
    end,
    localStart: localTime(r.start, tz),
    localEnd: localDate(end, tz) === date ? localTime(end, tz) : '24:00',
    span: { start: new Date(open[0]!.start), end: new Date(open[open.length - 1]!.end) },
  };
  return { tz, query };
}

/**
 * The room, expert and interpreter for the start as they are now, or why there are none: outside working hours
 * (422) before taken (409), as the slot computation explains a missing slot.
 */
export async function chooseSlot(ctx: AppContext, q: StartChoiceQuery): Promise<Slot> {
  const c = await startRepository.choose(ctx.db, q);
  if (q.expertId && c.experts === 0) throw notFound('Expert');
  if (!c.expertWorks || (q.interpretingLanguage && !c.interpreterWorks)) throw outsideHours();
  if (!c.roomId) throw roomTaken();
  if (!c.expertId) throw expertTaken();
  if (q.interpretingLanguage && !c.interpreterId) throw interpreterTaken();
  return {
    start: q.start.getTime(),
    end: q.end.getTime(),
    roomId: c.roomId,
    expertId: c.expertId,
    ...(c.interpreterId ? { interpreterId: c.interpreterId } : {}),
  };
}
