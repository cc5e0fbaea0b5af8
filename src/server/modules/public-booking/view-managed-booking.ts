import type { Language } from '../../../shared/common.js';
import type { PublicBookingView } from '../../../shared/public-booking.js';
import type { CustomerActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import type { BookingRow } from '../bookings/repository.js';
import { customerMessageRepository } from '../notifications/repository.js';
import { presentPublicPoint } from './catalogue.js';
import { publicBookingRepository as repo } from './repository.js';
import { hashManageToken } from './tokens.js';

const LIVE = new Set<BookingRow['status']>(['booked', 'checked-in']);

/**
 * The booking behind a manage token, while the link lives: not revoked (cancelled), the booking not cancelled and
 * not over. Any string is hashed and looked up once in the unique index, so a wrong, malformed or dead token
 * costs the same and answers the same 404: nothing tells how close a guess came.
 */
export async function loadManaged(ctx: AppContext, token: string, now = new Date()) {
  const found = await repo.byTokenHash(ctx.db, hashManageToken(token));
  if (!found || !LIVE.has(found.booking.status) || found.booking.endsAt <= now) throw notFound('Booking');
  const actor: CustomerActor = { kind: 'customer', bookingId: found.booking.id };
  return { booking: found.booking, actor };
}

/** Moving and cancelling end `publicBookingCutoffMinutes` before the start. */
export const changeableUntil = (ctx: AppContext, b: Pick<BookingRow, 'startsAt'>) => new Date(b.startsAt.getTime() - ctx.config.publicBookingCutoffMinutes * 60_000);

export async function presentManaged(ctx: AppContext, b: BookingRow, now = new Date()): Promise<PublicBookingView> {
  const c = await customerMessageRepository.messageContext(ctx.db, b.id);
  const point = await repo.servicePoint(ctx.db, b.servicePointId);
  if (!c || !point) throw notFound('Booking');
  const until = changeableUntil(ctx, b);
  return {
    reference: b.reference,
    status: b.status,
    start: b.startsAt.toISOString(),
    end: b.endsAt.toISOString(),
    firstName: (b.customerName ?? '').trim().split(/\s+/)[0] ?? '',
    servicePointId: b.servicePointId,
    agencyId: b.agencyId,
    serviceId: b.serviceId,
    agencyName: c.agencyName,
    serviceName: c.serviceName,
    servicePoint: presentPublicPoint(point),
    language: b.language as Language,
    interpretingLanguage: b.interpretingLanguage ?? undefined,
    changeableUntil: until.toISOString(),
    changeable: b.status === 'booked' && now < until,
  };
}

/** The customer opens the manage link: the booking without contact details, and an audit row (a read of personal data). */
export async function viewManagedBooking(ctx: AppContext, token: string, ip: string): Promise<PublicBookingView> {
  const { booking, actor } = await loadManaged(ctx, token);
  await recordAudit(ctx.db, actor, { action: 'public_booking.viewed', targetType: 'booking', targetId: booking.id, organisationId: booking.agencyId }, ip);
  return presentManaged(ctx, booking);
}
