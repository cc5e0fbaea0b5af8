import type { BookingView, BusyView } from '../../../shared/scheduling.js';
import type { Language } from '../../../shared/common.js';
import type { BookingRow } from './repository.js';

export function presentBooking(b: BookingRow): BookingView {
  return {
    id: b.id,
    reference: b.reference,
    status: b.status,
    start: b.startsAt.toISOString(),
    end: b.endsAt.toISOString(),
    servicePointId: b.servicePointId,
    roomId: b.roomId,
    agencyId: b.agencyId,
    serviceId: b.serviceId,
    expertId: b.expertId,
    interpreterId: b.interpreterId ?? undefined,
    interpretingLanguage: b.interpretingLanguage ?? undefined,
    channel: b.channel,
    walkIn: b.walkIn,
    customer: { name: b.customerName, phone: b.customerPhone ?? undefined, email: b.customerEmail ?? undefined },
    language: b.language as Language,
    note: b.note ?? undefined,
    cancelReason: b.cancelReason ?? undefined,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

/** What another agency sees of a booking in the shared room: the time is taken, nothing more. */
export function presentBusy(b: BookingRow): BusyView {
  return { id: b.id, busy: true, start: b.startsAt.toISOString(), end: b.endsAt.toISOString(), roomId: b.roomId, servicePointId: b.servicePointId };
}
