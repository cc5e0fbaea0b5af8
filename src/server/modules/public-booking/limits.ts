import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { HttpProblem } from '../../http/problem.js';
import type { BookingRow } from '../bookings/repository.js';
import { publicBookingRepository as repo } from './repository.js';

const HOUR_MS = 3_600_000;

const tooMany = (code: string, detail: string, until: number, now: Date) => {
  const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  return new HttpProblem(429, code, 'Too many requests', detail, undefined, { 'retry-after': String(seconds) });
};

/**
 * The abuse limits of the public page, decided in the booking's own transaction (create-booking.ts calls it right
 * after the insert): at most `publicBookingPerAddressHour` bookings an hour from one client address, and at most
 * `publicBookingUpcomingPerContact` upcoming online bookings of one agency per phone number or e-mail address.
 * Advisory locks on the keys make two simultaneous requests count one after the other. Answered 429 + Retry-After.
 */
export async function enforceLimits(tx: Db, config: Config, booking: BookingRow, client: string, now: Date) {
  const contacts = [booking.customerPhone, booking.customerEmail].filter((c): c is string => !!c);
  await repo.lock(tx, [`public-booking:client:${client}`, ...contacts.map((c) => `public-booking:contact:${booking.agencyId}:${c}`)]);

  const made = await repo.madeFromClient(tx, client, new Date(now.getTime() - HOUR_MS));
  if (made.count >= config.publicBookingPerAddressHour) {
    throw tooMany('public_booking.address_limit', 'Too many bookings from this address; try again later', (made.oldest?.getTime() ?? now.getTime()) + HOUR_MS, now);
  }
  const upcoming = await repo.upcomingForContact(tx, { agencyId: booking.agencyId, phone: booking.customerPhone, email: booking.customerEmail, now, excludeId: booking.id });
  if (upcoming.length >= config.publicBookingUpcomingPerContact) {
    throw tooMany('public_booking.contact_limit', 'This phone number or e-mail address already has the most upcoming bookings with this agency', upcoming[0]!.startsAt.getTime(), now);
  }
}
