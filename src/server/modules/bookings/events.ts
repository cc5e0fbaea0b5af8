import type { AppContext } from '../../context.js';
import type { BookingRow } from './repository.js';

/** Tells open calendars (and the message dispatcher) that a booking changed; published after the commit. */
export function publishBookingChanged(ctx: AppContext, b: Pick<BookingRow, 'id' | 'servicePointId' | 'agencyId'>) {
  return ctx.bus.publish(bookingChangedEvent(b));
}

export const bookingChangedEvent = (b: Pick<BookingRow, 'id' | 'servicePointId' | 'agencyId'>) =>
  ({ type: 'booking.changed', id: b.id, servicePointId: b.servicePointId, agencyId: b.agencyId }) as const;
