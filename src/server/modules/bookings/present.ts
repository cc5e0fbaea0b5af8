import type { z } from 'zod';
import type { BookingView, BusyView, bookingEventView, walkInView } from '../../../shared/scheduling.js';
import type { Language } from '../../../shared/common.js';
import type { bookingEvents, walkIns } from '../../db/schema/index.js';
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
    // A booking whose customer data was removed keeps its statistics; the name reads as empty (`customerDataRemoved`).
    customer: { name: b.customerName ?? '', phone: b.customerPhone ?? undefined, email: b.customerEmail ?? undefined },
    language: b.language as Language,
    note: b.note ?? undefined,
    cancelReason: b.cancelReason ?? undefined,
    customerDataRemoved: b.customerDataRemovedAt ? true : undefined,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

/** What another agency sees of a booking in the shared room: the time is taken, nothing more. */
export function presentBusy(b: BookingRow): BusyView {
  return { id: b.id, busy: true, start: b.startsAt.toISOString(), end: b.endsAt.toISOString(), roomId: b.roomId, servicePointId: b.servicePointId };
}

export function presentHistory(e: typeof bookingEvents.$inferSelect): z.infer<typeof bookingEventView> {
  return {
    at: e.at.toISOString(),
    kind: e.kind,
    fromStart: e.fromStart?.toISOString(),
    toStart: e.toStart?.toISOString(),
    fromStatus: e.fromStatus ?? undefined,
    toStatus: e.toStatus ?? undefined,
    end: e.kind === 'released' && typeof e.details.end === 'string' ? e.details.end : undefined,
  };
}

export function presentWalkIn(w: typeof walkIns.$inferSelect): z.infer<typeof walkInView> {
  return {
    id: w.id,
    servicePointId: w.servicePointId,
    agencyId: w.agencyId,
    serviceId: w.serviceId,
    customerName: w.customerName ?? '',
    language: w.language as Language,
    interpretingLanguage: w.interpretingLanguage ?? undefined,
    status: w.status as 'waiting' | 'taken' | 'cancelled',
    bookingId: w.bookingId ?? undefined,
    createdAt: w.createdAt.toISOString(),
  };
}
