import type { CreateBookingRequest } from '../../../shared/scheduling.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { sqlState } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import { checkStart, chooseSlot } from './check-start.js';
import { conflictFromDatabase } from './conflicts.js';
import { enqueueCustomerMessages } from './messages.js';
import { publishBookingChanged } from './events.js';
import { KeyedQueue } from './keyed-queue.js';
import { newReference } from './reference.js';
import { type BookingRow, bookingRepository } from './repository.js';
import type { StartChoiceQuery } from './start-repository.js';

/**
 * Books a free slot. The requested start is validated alone, in SQL (check-start.ts): the room, the least-loaded
 * free expert (or the named one) and an interpreter for that instant, as the day's slot computation would pick them.
 * Contenders for the same room, expert or interpreter queue on advisory locks taken in one fixed order before the
 * INSERT, and within one process they queue per point and day before looking (keyed-queue.ts); the database's
 * exclusion constraints decide any race, answered 409, never 500.
 */
const MAX_ATTEMPTS = 5;
const queues = new WeakMap<AppContext['db'], KeyedQueue>();

export async function createBooking(ctx: AppContext, actor: UserActor, input: CreateBookingRequest, ip: string): Promise<BookingRow> {
  const { tz, query } = await checkStart(ctx, {
    servicePointId: input.servicePointId,
    agencyId: input.agencyId,
    serviceId: input.serviceId,
    start: new Date(input.start),
    language: input.language,
    interpretingLanguage: input.interpretingLanguage,
    expertId: input.expertId,
  });

  let queue = queues.get(ctx.db);
  if (!queue) queues.set(ctx.db, (queue = new KeyedQueue()));
  return queue.run(`${input.servicePointId} ${query.date}`, () => bookStart(ctx, actor, input, ip, tz, query));
}

async function bookStart(ctx: AppContext, actor: UserActor, input: CreateBookingRequest, ip: string, tz: string, query: StartChoiceQuery): Promise<BookingRow> {
  // Losing a race for one room or expert may still leave another free: look again, a few times at most. A look
  // after a lost race is cheap: with no room free, experts are not ranked, and the answer is a 409 at once.
  for (let attempt = 0; ; attempt++) {
    const slot = await chooseSlot(ctx, query);
    try {
      const created = await ctx.db.transaction(async (tx) => {
        await bookingRepository.lockHolders(tx, [slot.roomId, slot.expertId, slot.interpreterId]);
        const booking = await bookingRepository.insert(tx, {
          reference: newReference(),
          servicePointId: input.servicePointId,
          roomId: slot.roomId,
          agencyId: input.agencyId,
          serviceId: input.serviceId,
          expertId: slot.expertId,
          interpreterId: slot.interpreterId ?? null,
          interpretingLanguage: input.interpretingLanguage ?? null,
          startsAt: new Date(slot.start),
          endsAt: new Date(slot.end),
          channel: input.channel,
          customerName: input.customer.name,
          customerPhone: input.customer.phone ?? null,
          customerEmail: input.customer.email ?? null,
          language: input.language,
          note: input.note ?? null,
          createdBy: actor.userId,
        });
        await bookingRepository.addEvent(tx, { bookingId: booking.id, actorId: actor.userId, kind: 'created', toStart: booking.startsAt, toStatus: booking.status });
        await enqueueCustomerMessages(tx, booking, 'confirmation', tz);
        await recordAudit(tx, actor, { action: 'booking.created', targetType: 'booking', targetId: booking.id, organisationId: booking.agencyId, details: { channel: booking.channel } }, ip);
        return booking;
      });
      await publishBookingChanged(ctx, created);
      return created;
    } catch (error) {
      const conflict = conflictFromDatabase(error);
      if (conflict && attempt >= MAX_ATTEMPTS) throw conflict;
      // A reference collision (one in ~10^8 per pair) is retried with a new reference, a lost race with a new look.
      if (conflict || (sqlState(error) === '23505' && attempt < MAX_ATTEMPTS)) continue;
      throw error;
    }
  }
}
