import { sqlState } from '../../db/client.js';
import { HttpProblem } from '../../http/problem.js';
import { type SlotQuery, computeSlots, isFree } from '../scheduling/availability.js';

const taken = (code: string, detail: string) => new HttpProblem(409, code, 'Conflict', detail);

export const roomTaken = () => taken('booking.room_taken', 'The room is already booked at that time');
export const expertTaken = () => taken('booking.expert_taken', 'No expert is free at that time');
export const interpreterTaken = () => taken('booking.interpreter_taken', 'No interpreter is free at that time');

/**
 * A lost race as a 409: an exclusion-constraint violation names what is taken; a deadlock between two inserts
 * checking each other's uncommitted rows (PostgreSQL resolves it by aborting one) is simply "try again".
 */
export function conflictFromDatabase(error: unknown): HttpProblem | undefined {
  const state = sqlState(error);
  if (state === '40P01' || state === '40001') {
    return taken('booking.concurrent_change', 'The calendar changed at the same moment; try again');
  }
  if (state !== '23P01') return undefined;
  const e = error as { constraint?: string; cause?: { constraint?: string } };
  const constraint = e.cause?.constraint ?? e.constraint ?? '';
  if (constraint.includes('expert')) return expertTaken();
  if (constraint.includes('interpreter')) return interpreterTaken();
  return roomTaken();
}

/** Why the requested start is not a free slot: outside the bookable window or hours (422), or taken (409). */
export function explainUnavailable(q: SlotQuery, start: number): HttpProblem {
  if (start < q.earliest) return new HttpProblem(422, 'booking.too_soon', 'Unprocessable content', 'The start is sooner than the minimum notice allows');
  if (start > q.latest) return new HttpProblem(422, 'booking.beyond_horizon', 'Unprocessable content', 'The start is further ahead than bookings are taken');
  const clear = <T extends { busy: unknown[] }>(rs: T[]) => rs.map((r) => ({ ...r, busy: [] }));
  const ideal = computeSlots({ ...q, rooms: clear(q.rooms), experts: clear(q.experts), interpreters: q.interpreters && clear(q.interpreters) });
  if (!ideal.some((s) => s.start === start)) {
    return new HttpProblem(422, 'booking.outside_hours', 'Unprocessable content', 'No one serves at that time: outside opening or working hours, or closed that day');
  }
  const end = start + q.durationMs;
  if (!q.rooms.some((r) => isFree(r.busy, start, end))) return roomTaken();
  if (!q.experts.some((r) => isFree(r.busy, start, end))) return expertTaken();
  return interpreterTaken();
}
