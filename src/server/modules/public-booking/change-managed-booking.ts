import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import { applyStatusChange } from '../bookings/change-status.js';
import { publishBookingChanged } from '../bookings/events.js';
import { moveBooking } from '../bookings/move-booking.js';
import type { BookingRow } from '../bookings/repository.js';
import { onlineService } from './catalogue.js';
import { withNextTimes } from './create-public-booking.js';
import { publicBookingRepository as repo } from './repository.js';
import { changeableUntil, loadManaged } from './view-managed-booking.js';
import { assertInOnlineWindow } from './window.js';

/** Checked on the locked row, so a change cannot slip past the cut-off while another waits. */
const beforeCutoff = (ctx: AppContext, now: Date) => (current: BookingRow) => {
  if (current.status !== 'booked' || now >= changeableUntil(ctx, current)) {
    throw new HttpProblem(409, 'public_booking.cut_off', 'Conflict', 'The booking can no longer be changed online; call the service point');
  }
};

/** The customer moves their booking to another free time: the advisors' move, within the service's online window. */
export async function moveManagedBooking(ctx: AppContext, token: string, start: string, ip: string, now = new Date()) {
  const { booking, actor } = await loadManaged(ctx, token, now);
  beforeCutoff(ctx, now)(booking);
  const service = await onlineService(ctx, booking).catch(() => {
    throw new HttpProblem(409, 'public_booking.not_online', 'Conflict', 'The service is no longer booked online; call the service point');
  });
  assertInOnlineWindow(service, new Date(start), now);
  try {
    return await moveBooking(ctx, actor, booking, { start }, ip, beforeCutoff(ctx, now));
  } catch (error) {
    throw await withNextTimes(ctx, error, { ...booking, interpretingLanguage: booking.interpretingLanguage ?? undefined }, new Date(start));
  }
}

/** The customer cancels: the booking and its link end together; the customer is told as when staff cancel. */
export async function cancelManagedBooking(ctx: AppContext, token: string, ip: string, now = new Date()) {
  const { booking, actor } = await loadManaged(ctx, token, now);
  const cancelled = await ctx.db.transaction(async (tx) => {
    const row = await applyStatusChange(tx, actor, booking.id, 'cancelled', ip, { cancelReason: CUSTOMER_CANCELLED, guard: beforeCutoff(ctx, now) });
    await repo.revoke(tx, booking.id);
    return row;
  });
  await publishBookingChanged(ctx, cancelled);
  return cancelled;
}

/** The reason staff see: the customer cancelled with their link (no free text from the public page). */
/** The cancel reason of a customer's own cancellation (statistics count these as the customer's). */
export const CUSTOMER_CANCELLED = 'Asiakas perui verkossa · Kunden avbokade på webben · Cancelled online by the customer';
