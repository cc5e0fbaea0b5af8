import type { z } from 'zod';
import type { walkInInput } from '../../../shared/scheduling.js';
import type { UserActor } from '../../auth/actor.js';
import { type AppContext, nowOf } from '../../context.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { assertTaskDelegated } from '../agreements/delegation.js';
import { today } from '../agreements/terms.js';
import { recordAudit } from '../audit/record.js';
import { pointOpenAt } from '../scheduling/point-open.js';
import { schedulingRepository } from '../scheduling/repository.js';
import { conflictFromDatabase } from './conflicts.js';
import { publishBookingChanged } from './events.js';
import { newReference } from './reference.js';
import { bookingRepository } from './repository.js';

/**
 * The advisor queues a customer who came without a booking, for an agency that serves walk-ins, while the point is
 * open: outside its hours, on a public holiday or a closure day nobody would take them, so the answer says when it
 * next opens.
 */
export async function queueWalkIn(ctx: AppContext, actor: UserActor, input: z.infer<typeof walkInInput>, ip: string) {
  const [service, point] = await Promise.all([schedulingRepository.service(ctx.db, input.serviceId), schedulingRepository.servicePoint(ctx.db, input.servicePointId)]);
  if (!point) throw notFound('Service point');
  if (!service || !service.active || service.agencyId !== input.agencyId) throw notFound('Service');
  const open = await pointOpenAt(ctx, point, nowOf(ctx));
  if (!open.open) {
    const params = open.opensAt ? { opensAt: open.opensAt.toISOString() } : undefined;
    const detail = open.opensAt ? `The service point is closed now; it opens at ${open.opensAt.toISOString()}` : 'The service point is closed now and has no opening hours ahead';
    throw new HttpProblem(409, open.opensAt ? 'walk_in.point_closed' : 'walk_in.point_closed_ahead', 'Conflict', detail, undefined, {}, params);
  }
  await assertTaskDelegated(ctx.db, { servicePointId: input.servicePointId, agencyId: input.agencyId, task: 'booking', date: today() });
  const queued = await ctx.db.transaction(async (tx) => {
    const row = await bookingRepository.insertWalkIn(tx, { ...input, interpretingLanguage: input.interpretingLanguage ?? null, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'walk_in.queued', targetType: 'walk_in', targetId: row.id, organisationId: row.agencyId }, ip);
    return row;
  });
  await ctx.bus.publish({ type: 'walk_in.changed', id: queued.id, servicePointId: queued.servicePointId, agencyId: queued.agencyId });
  return queued;
}

/**
 * An expert takes the next walk-in: the meeting starts now, for the service's duration, in a free room of the
 * point. The room's calendar then shows the time as taken; a room or expert busy now is a 409.
 */
export async function takeWalkIn(ctx: AppContext, actor: UserActor, walkInId: string, ip: string) {
  try {
    const booking = await ctx.db.transaction(async (tx) => {
      const walkIn = await bookingRepository.walkInForUpdate(tx, walkInId);
      if (!walkIn) throw notFound('Walk-in');
      if (walkIn.status !== 'waiting') throw new HttpProblem(409, 'walk_in.taken', 'Conflict', 'Another expert has already taken this customer');
      const point = await schedulingRepository.servicePoint(tx, walkIn.servicePointId);
      const service = await schedulingRepository.service(tx, walkIn.serviceId);
      const start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      const end = new Date(start.getTime() + service!.durationMinutes * 60_000);
      const busy = await schedulingRepository.busy(tx, { roomIds: point!.rooms.map((r) => r.id), expertIds: [], interpreterIds: [], from: start, to: end });
      const room = point!.rooms.find((r) => !busy.some((b) => b.holderId === r.id));
      if (!room) throw roomBusyUntil(busy, start);
      await bookingRepository.lockHolders(tx, [room.id, actor.userId]);
      const booking = await bookingRepository.insert(tx, {
        reference: newReference(),
        servicePointId: walkIn.servicePointId,
        roomId: room.id,
        agencyId: walkIn.agencyId,
        serviceId: walkIn.serviceId,
        expertId: actor.userId,
        interpretingLanguage: walkIn.interpretingLanguage,
        startsAt: start,
        endsAt: end,
        channel: 'on-site',
        walkIn: true,
        customerName: walkIn.customerName,
        language: walkIn.language,
        status: 'checked-in',
        createdBy: actor.userId,
      });
      await bookingRepository.updateWalkIn(tx, walkIn.id, { status: 'taken', bookingId: booking.id, takenAt: new Date() });
      await bookingRepository.addEvent(tx, { bookingId: booking.id, actorId: actor.userId, kind: 'created', toStart: start, toStatus: 'checked-in', details: { walkIn: walkIn.id } });
      await recordAudit(tx, actor, { action: 'walk_in.taken', targetType: 'booking', targetId: booking.id, organisationId: booking.agencyId }, ip);
      return booking;
    });
    await ctx.bus.publish({ type: 'walk_in.changed', servicePointId: booking.servicePointId, agencyId: booking.agencyId });
    await publishBookingChanged(ctx, booking);
    return booking;
  } catch (error) {
    const conflict = conflictFromDatabase(error);
    // The expert has a booking now: a walk-in cannot "choose another time", so the answer says what to do instead.
    if (conflict?.code === 'booking.expert_taken') throw new HttpProblem(409, 'walk_in.expert_busy', 'Conflict', 'You have another booking now; take the customer after it');
    throw conflict ?? error;
  }
}

/**
 * Every room is taken for the service's duration: say from when the first room is free (the end of its last booking
 * that overlaps), so the advisor can tell the customer how long to wait or book them a time instead.
 */
function roomBusyUntil(busy: { holderId: string; busy: { start: number; end: number }[] }[], start: Date): HttpProblem {
  const ends = busy.map((b) => Math.max(...b.busy.map((s) => s.end)));
  const until = new Date(Math.max(start.getTime(), Math.min(...ends)));
  return new HttpProblem(409, 'walk_in.room_busy', 'Conflict', 'The room is in use now', undefined, {}, { freeAt: until.toISOString() });
}

export async function cancelWalkIn(ctx: AppContext, actor: UserActor, walkInId: string, ip: string) {
  const cancelled = await ctx.db.transaction(async (tx) => {
    const walkIn = await bookingRepository.walkInForUpdate(tx, walkInId);
    if (!walkIn) throw notFound('Walk-in');
    if (walkIn.status !== 'waiting') throw new HttpProblem(409, 'walk_in.taken', 'Conflict', 'The customer is no longer waiting');
    const row = await bookingRepository.updateWalkIn(tx, walkIn.id, { status: 'cancelled' });
    await recordAudit(tx, actor, { action: 'walk_in.cancelled', targetType: 'walk_in', targetId: walkIn.id, organisationId: walkIn.agencyId }, ip);
    return row;
  });
  await ctx.bus.publish({ type: 'walk_in.changed', id: cancelled.id, servicePointId: cancelled.servicePointId, agencyId: cancelled.agencyId });
  return cancelled;
}
