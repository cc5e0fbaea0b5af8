import { HttpProblem } from '../../http/problem.js';

type Timed = { startsAt: Date; endsAt: Date };

/** A booking can be checked in from `opensMinutes` before its start until its end (CHECK_IN_OPENS_MINUTES). */
export function checkInWindow(booking: Timed, opensMinutes: number): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(booking.startsAt.getTime() - opensMinutes * 60_000), closesAt: booking.endsAt };
}

/**
 * The same rule at the desk and at the kiosk: a booking days ahead cannot be checked in by mistake. The answer names
 * the moment check-in opens, so the screen can say "from 9.45".
 */
export function assertCheckInWindow(booking: Timed, opensMinutes: number, now = Date.now(), codes = { early: 'booking.check_in_too_early', late: 'booking.check_in_closed' }) {
  const { opensAt, closesAt } = checkInWindow(booking, opensMinutes);
  if (now < opensAt.getTime()) {
    throw new HttpProblem(409, codes.early, 'Conflict', `Check-in opens ${opensMinutes} minutes before the booking`, undefined, {}, { opensAt: opensAt.toISOString(), minutes: String(opensMinutes) });
  }
  if (now > closesAt.getTime()) throw new HttpProblem(409, codes.late, 'Conflict', 'The booking has already ended');
}
