import type { Db } from '../../db/client.js';
import { holidayOn } from '../scheduling/holidays.js';
import { addDays, localDate, weekdayOf, zonedInstant } from '../scheduling/time.js';
import { type BookingRow, bookingRepository } from './repository.js';

export type MessageKind = 'confirmation' | 'change' | 'cancellation' | 'reminder';
const REMINDER_TIME = '10:00';

/** 10:00 on the last working day before the meeting (weekends and holidays skipped), in the point's zone. */
export function reminderTime(start: Date, tz: string): Date {
  let day = addDays(localDate(start, tz), -1);
  while (weekdayOf(day) > 5 || holidayOn(day)) day = addDays(day, -1);
  return zonedInstant(day, REMINDER_TIME, tz);
}

/**
 * Writes the customer's messages about this version of the booking into the outbox, in the caller's transaction:
 * one per channel the customer gave (email, SMS), plus the reminder when there is still time for one.
 */
export async function enqueueCustomerMessages(db: Db, booking: BookingRow, kind: Exclude<MessageKind, 'reminder'>, tz: string, now = new Date()) {
  await bookingRepository.enqueueMessages(db, customerMessageRows(booking, kind, tz, now));
}

export type CustomerMessageRow = { bookingId: string; kind: MessageKind; channel: string; bookingVersion: number; sendAfter: Date };

/** The outbox rows for a version of a booking (what enqueueCustomerMessages writes; a new booking writes them itself). */
export function customerMessageRows(
  booking: Pick<BookingRow, 'id' | 'customerEmail' | 'customerPhone' | 'version' | 'startsAt'>,
  kind: Exclude<MessageKind, 'reminder'>,
  tz: string,
  now = new Date(),
): CustomerMessageRow[] {
  const channels = [...(booking.customerEmail ? ['email'] : []), ...(booking.customerPhone ? ['sms'] : [])];
  const rows: CustomerMessageRow[] = channels.map((channel) => ({ bookingId: booking.id, kind, channel, bookingVersion: booking.version, sendAfter: now }));
  if (kind !== 'cancellation') {
    const remindAt = reminderTime(booking.startsAt, tz);
    if (remindAt > now) for (const channel of channels) rows.push({ bookingId: booking.id, kind: 'reminder', channel, bookingVersion: booking.version, sendAfter: remindAt });
  }
  return rows;
}
