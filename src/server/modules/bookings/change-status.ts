import type { BookingStatus } from '../../../shared/scheduling.js';
import type { Actor } from '../../auth/actor.js';
import { auditActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { assertCheckInWindow } from './check-in-window.js';
import { publishBookingChanged } from './events.js';
import { enqueueCustomerMessages } from './messages.js';
import { type BookingRow, bookingRepository } from './repository.js';

/**
 * `guard`: a further rule on the locked row (the customer's cut-off), checked before anything changes.
 * `checkInOpensMinutes`: checking in is refused outside its window (a meeting's admit moves on regardless).
 */
type StatusExtra = { cancelReason?: string; guard?: (current: BookingRow) => void; checkInOpensMinutes?: number };

/** booked → checked-in → in-meeting → completed | no-show | cancelled. */
const ALLOWED: Record<BookingStatus, BookingStatus[]> = {
  booked: ['checked-in', 'in-meeting', 'no-show', 'cancelled'],
  'checked-in': ['in-meeting', 'no-show', 'cancelled', 'booked'],
  'in-meeting': ['completed'],
  completed: [],
  'no-show': [],
  cancelled: [],
};


/**
 * A meeting that ends early (or a customer who did not come) frees the rest of the slot: the booking's end moves to
 * now, down to the minute (a walk-in taken now starts on that minute), so the room and the expert are free for a walk-in and the status board and the
 * calendar agree. Only ever shortened, so the exclusion constraints keep guaranteeing no double booking.
 */
function releaseMoment(current: BookingRow, to: BookingStatus): Date | undefined {
  if (to !== 'completed' && to !== 'no-show') return undefined;
  const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  if (end >= current.endsAt) return undefined;
  return end > current.startsAt ? end : new Date(current.startsAt.getTime() + 60_000);
}

export async function changeStatus(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
  to: BookingStatus,
  ip: string,
  extra: StatusExtra = {},
): Promise<BookingRow> {
  const options = { ...extra, checkInOpensMinutes: ctx.config.checkInOpensMinutes };
  const updated = await ctx.db.transaction((tx) => applyStatusChange(tx, actor, bookingId, to, ip, options));
  await publishBookingChanged(ctx, updated);
  return updated;
}

/**
 * The status change inside a caller's transaction (a meeting's admit or end changes its booking with it); the caller
 * publishes `booking.changed` after its commit.
 */
export async function applyStatusChange(
  tx: Db,
  actor: Actor,
  bookingId: string,
  to: BookingStatus,
  ip: string,
  extra: StatusExtra = {},
): Promise<BookingRow> {
  const current = await bookingRepository.forUpdate(tx, bookingId);
  if (!current) throw notFound('Booking');
  extra.guard?.(current);
  if (!ALLOWED[current.status].includes(to)) {
    throw new HttpProblem(409, 'booking.invalid_transition', 'Conflict', `A booking that is ${current.status} cannot become ${to}`);
  }
  if (to === 'no-show' && current.startsAt.getTime() > Date.now()) {
    throw new HttpProblem(409, 'booking.not_started', 'Conflict', 'A customer can be marked absent only after the start time');
  }
  if (to === 'checked-in' && extra.checkInOpensMinutes !== undefined) assertCheckInWindow(current, extra.checkInOpensMinutes);
  const cancelled = to === 'cancelled';
  const releasedAt = releaseMoment(current, to);
  const updated = await bookingRepository.update(tx, current.id, {
    status: to,
    ...(cancelled ? { cancelReason: extra.cancelReason ?? null, version: current.version + 1 } : {}),
    ...(releasedAt ? { endsAt: releasedAt } : {}),
  });
  const actorId = auditActor(actor).actorId ?? null;
  const eventActor = actor.kind === 'user' ? actorId : null;
  await bookingRepository.addEvent(tx, { bookingId: current.id, actorId: eventActor, kind: 'status', fromStatus: current.status, toStatus: to });
  if (releasedAt) {
    await bookingRepository.addEvent(tx, { bookingId: current.id, actorId: eventActor, kind: 'released', details: { scheduledEnd: current.endsAt.toISOString(), end: releasedAt.toISOString() } });
  }
  if (cancelled) {
    const tz = (await bookingRepository.timeZoneOf(tx, current.servicePointId))!;
    await enqueueCustomerMessages(tx, updated, 'cancellation', tz);
  }
  const action = cancelled ? 'booking.cancelled' : to === 'no-show' ? 'booking.no_show' : to === 'booked' ? 'booking.check_in_undone' : 'booking.status_changed';
  await recordAudit(tx, actor, { action, targetType: 'booking', targetId: current.id, organisationId: current.agencyId, details: { from: current.status, to } }, ip);
  return updated;
}
