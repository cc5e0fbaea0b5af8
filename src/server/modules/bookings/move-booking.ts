import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { computeSlots } from '../scheduling/availability.js';
import { assertTaskDelegated } from '../agreements/delegation.js';
import { buildSlotQuery } from '../scheduling/find-availability.js';
import { localDate } from '../scheduling/time.js';
import { conflictFromDatabase, explainUnavailable } from './conflicts.js';
import { publishBookingChanged } from './events.js';
import { enqueueCustomerMessages } from './messages.js';
import { type BookingRow, bookingRepository } from './repository.js';

/**
 * Moves a booking to a new start. The same expert is kept when free (or the one asked for); otherwise any free
 * expert of the agency takes it. The old time is kept in the booking's history and the customer is told.
 */
export async function moveBooking(
  ctx: AppContext,
  actor: Actor,
  booking: BookingRow,
  input: { start: string; expertId?: string },
  ip: string,
  /** A further rule on the locked row (the customer's cut-off), checked before anything changes. */
  guard?: (current: BookingRow) => void,
): Promise<BookingRow> {
  const tz = (await bookingRepository.timeZoneOf(ctx.db, booking.servicePointId))!;
  const start = new Date(input.start);
  try {
    const { moved, before } = await ctx.db.transaction(async (tx) => {
      const current = await bookingRepository.forUpdate(tx, booking.id);
      if (!current) throw notFound('Booking');
      if (current.status !== 'booked') {
        throw new HttpProblem(409, 'booking.not_movable', 'Conflict', `A booking that is ${current.status} cannot be moved`);
      }
      guard?.(current);
      const date = localDate(start, tz);
      await assertTaskDelegated(tx, { servicePointId: current.servicePointId, agencyId: current.agencyId, task: 'booking', date });
      const base = {
        servicePointId: current.servicePointId,
        agencyId: current.agencyId,
        serviceId: current.serviceId,
        from: date,
        to: date,
        interpretingLanguage: current.interpretingLanguage ?? undefined,
        excludeBookingId: current.id,
      };
      const txCtx = { ...ctx, db: tx };
      let { slotQuery } = await buildSlotQuery(txCtx, { ...base, expertId: input.expertId ?? current.expertId });
      let slot = computeSlots(slotQuery).find((s) => s.start === start.getTime());
      if (!slot && !input.expertId) {
        ({ slotQuery } = await buildSlotQuery(txCtx, base));
        slot = computeSlots(slotQuery).find((s) => s.start === start.getTime());
      }
      if (!slot) throw explainUnavailable(slotQuery, start.getTime());
      // The same lock order as creating a booking, so a move and a create never deadlock in the constraints' indexes.
      await bookingRepository.lockHolders(tx, [slot.roomId, slot.expertId, slot.interpreterId]);
      const moved = await bookingRepository.update(tx, current.id, {
        startsAt: new Date(slot.start),
        endsAt: new Date(slot.end),
        roomId: slot.roomId,
        expertId: slot.expertId,
        interpreterId: slot.interpreterId ?? null,
        version: current.version + 1,
      });
      await bookingRepository.addEvent(tx, { bookingId: current.id, actorId: actor.kind === 'user' ? actor.userId : null, kind: 'moved', fromStart: current.startsAt, toStart: moved.startsAt });
      await enqueueCustomerMessages(tx, moved, 'change', tz);
      await recordAudit(tx, actor, { action: 'booking.moved', targetType: 'booking', targetId: current.id, organisationId: current.agencyId }, ip);
      return { moved, before: current };
    });
    await publishBookingChanged(ctx, moved, before);
    return moved;
  } catch (error) {
    throw conflictFromDatabase(error) ?? error;
  }
}
