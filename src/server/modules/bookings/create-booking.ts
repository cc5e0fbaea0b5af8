import { randomUUID } from 'node:crypto';
import type { BOOKING_CHANNELS, CreateBookingRequest } from '../../../shared/scheduling.js';
import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../context.js';
import { sqlState } from '../../db/client.js';
import { auditEvent } from '../audit/record.js';
import type { Slot } from '../scheduling/availability.js';
import { checkStart, chooseSlot } from './check-start.js';
import { conflictFromDatabase } from './conflicts.js';
import { customerMessageRows } from './messages.js';
import { bookingChangedEvent, publishBookingChanged } from './events.js';
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
/**
 * The last refusal of a look at the calendar in a point's day: contenders that were already waiting when that look
 * began, asking for the very same start, get the same answer without looking again (their requests overlapped it,
 * so that answer is as true for them), which turns a 100-way race into one booking and one look.
 */
type DayState = { refused?: { choice: string; askedAt: number; error: unknown } };
const queues = new WeakMap<AppContext['db'], KeyedQueue<DayState>>();

/** A booking to make: a staff request, or the customer's own (`online`) from the public page. */
export type NewBookingInput = Omit<CreateBookingRequest, 'channel'> & { channel: (typeof BOOKING_CHANNELS)[number] };
/**
 * Runs in the booking's transaction right after its statement: the public page's
 * limits and manage link (modules/public-booking) are decided with the row, so they commit or roll back with it.
 */
export type WithBooking = (tx: Db, booking: BookingRow) => Promise<void>;

export async function createBooking(ctx: AppContext, actor: Actor, input: NewBookingInput, ip: string, withBooking?: WithBooking): Promise<BookingRow> {
  const { tz, query } = await checkStart(ctx, {
    servicePointId: input.servicePointId,
    agencyId: input.agencyId,
    serviceId: input.serviceId,
    start: new Date(input.start),
    language: input.language,
    interpretingLanguage: input.interpretingLanguage,
    expertId: input.expertId,
  });

  const arrivedAt = performance.now();
  const choice = JSON.stringify(query);
  let queue = queues.get(ctx.db);
  if (!queue) queues.set(ctx.db, (queue = new KeyedQueue<DayState>(() => ({}))));
  return queue.run(`${input.servicePointId} ${query.date}`, (day) => {
    if (day.refused && day.refused.choice === choice && arrivedAt < day.refused.askedAt) throw day.refused.error;
    return bookStart(ctx, actor, input, ip, tz, query, withBooking, async () => {
      const askedAt = performance.now();
      try {
        return await chooseSlot(ctx, query);
      } catch (error) {
        day.refused = { choice, askedAt, error };
        throw error;
      }
    });
  });
}

async function bookStart(
  ctx: AppContext,
  actor: Actor,
  input: NewBookingInput,
  ip: string,
  tz: string,
  query: StartChoiceQuery,
  withBooking: WithBooking | undefined,
  look: () => Promise<Slot>,
): Promise<BookingRow> {
  // Losing a race for one room or expert may still leave another free: look again, a few times at most. A look
  // after a lost race is cheap: with no room free, experts are not ranked, and the answer is a 409 at once.
  for (let attempt = 0; ; attempt++) {
    const slot = await look();
    try {
      const id = randomUUID();
      const userId = actor.kind === 'user' ? actor.userId : null;
      const booking = {
        id,
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
        createdBy: userId,
      };
      // The booking with its event, messages, audit row and realtime NOTIFY in one statement (insertCreated).
      const announced = ctx.bus.announce?.(bookingChangedEvent(booking));
      const write = (db: Db) =>
        bookingRepository.insertCreated(db, {
          booking,
          holders: [slot.roomId, slot.expertId, slot.interpreterId],
          actorId: userId,
          messages: customerMessageRows({ ...booking, version: 1 }, 'confirmation', tz),
          audit: auditEvent(actor.kind === 'customer' ? { ...actor, bookingId: id } : actor, { action: 'booking.created', targetType: 'booking', targetId: id, organisationId: booking.agencyId, details: { channel: booking.channel } }, ip),
          notify: announced,
        });
      // A caller's own writes (the public page's limits and manage link) share the booking's transaction.
      const created = withBooking
        ? await ctx.db.transaction(async (tx) => {
            const row = await write(tx);
            await withBooking(tx, row);
            return row;
          })
        : await write(ctx.db);
      if (announced) announced.deliver();
      else await publishBookingChanged(ctx, created);
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
