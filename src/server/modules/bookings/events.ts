import type { AppContext } from '../../context.js';
import { busyChangePayload } from '../scheduling/busy-change.js';
import type { BookingRow } from './repository.js';

type Changed = Pick<BookingRow, 'id' | 'servicePointId' | 'agencyId'> & Partial<Pick<BookingRow, 'roomId' | 'expertId' | 'interpreterId' | 'startsAt'>>;

/**
 * Tells open calendars (and the message dispatcher) that a booking changed; published after the commit. With the
 * booking's holders and start (and, for a move, those it had `before`) the availability caches drop only what it
 * touched (scheduling/busy-change.ts); without them they drop everything.
 */
export function publishBookingChanged(ctx: AppContext, b: Changed, before?: Changed) {
  return ctx.bus.publish(bookingChangedEvent(b, before));
}

export const bookingChangedEvent = (b: Changed, before?: Changed) => {
  const payload = busyChangePayload(b, before);
  return { type: 'booking.changed', id: b.id, servicePointId: b.servicePointId, agencyId: b.agencyId, ...(payload ? { payload } : {}) } as const;
};
