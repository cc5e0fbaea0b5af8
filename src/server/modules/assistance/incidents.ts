import type { z } from 'zod';
import type { IncidentView, incidentInput, incidentsQuery } from '../../../shared/assistance.js';
import { type Actor, type UserActor, orgsWithRole } from '../../auth/actor.js';
import { authorize, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { conflict, forbidden, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { bookingRepository } from '../bookings/repository.js';
import { directoryRepository } from '../directory/repository.js';
import { incidentRepository } from './checks-repository.js';
import { assistanceEvents } from './events.js';
import { loadIncident } from './load.js';
import { presentIncident } from './present.js';

/**
 * An advisor or the meeting's expert reports a disruption in a room, optionally tied to a meeting (then the
 * booking's agency sees it too, and the meeting's outcome can refer to it by id).
 */
export async function reportIncident(ctx: AppContext, actor: UserActor, input: z.infer<typeof incidentInput>, ip?: string): Promise<IncidentView> {
  const room = await directoryRepository.roomById(ctx.db, input.roomId);
  if (!room) throw notFound('Room');
  let agencyId: string | undefined;
  if (input.bookingId) {
    const booking = await bookingRepository.byId(ctx.db, input.bookingId);
    if (!booking || !can(actor, 'booking:read', { servicePointId: booking.servicePointId, organisationId: booking.agencyId })) throw notFound('Booking');
    if (booking.roomId !== room.id) throw invalid('incident.booking_elsewhere', 'The booking is in another room');
    agencyId = booking.agencyId;
  }
  authorize(actor, 'incident:report', { servicePointId: room.servicePointId, organisationId: agencyId });
  const id = await ctx.db.transaction(async (tx) => {
    const row = await incidentRepository.insert(tx, {
      servicePointId: room.servicePointId,
      roomId: room.id,
      bookingId: input.bookingId ?? null,
      agencyId: agencyId ?? null,
      category: input.category,
      description: input.description || null,
      reportedBy: actor.userId,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'incident.reported', targetType: 'incident', targetId: row.id, organisationId: agencyId, details: { category: input.category, roomId: room.id, bookingId: input.bookingId } },
      ip,
    );
    return row.id;
  });
  const record = (await incidentRepository.byId(ctx.db, id))!;
  await assistanceEvents.incidentChanged(ctx, record.incident);
  return presentIncident(record);
}

export async function resolveIncident(ctx: AppContext, actor: UserActor, id: string, ip?: string): Promise<IncidentView> {
  const { incident } = await loadIncident(ctx, actor, id);
  authorize(actor, 'incident:resolve', { servicePointId: incident.servicePointId, organisationId: incident.agencyId ?? undefined, userId: incident.reportedBy });
  const resolved = await ctx.db.transaction(async (tx) => {
    const row = await incidentRepository.resolve(tx, id, actor.userId, new Date());
    if (row) await recordAudit(tx, actor, { action: 'incident.resolved', targetType: 'incident', targetId: id, organisationId: incident.agencyId ?? undefined }, ip);
    return row;
  });
  if (!resolved) throw conflict('incident.resolved', 'The incident is already resolved');
  const record = (await incidentRepository.byId(ctx.db, id))!;
  await assistanceEvents.incidentChanged(ctx, record.incident);
  return presentIncident(record);
}

/** The point's incidents for its advisors and coordinators; an expert sees its agency's meetings' and its own. */
export async function listIncidents(ctx: AppContext, actor: Actor, q: z.infer<typeof incidentsQuery>): Promise<IncidentView[]> {
  let visibleTo: { agencyIds: string[]; userId: string } | undefined;
  if (!can(actor, 'incident:read', { servicePointId: q.servicePointId })) {
    const agencyIds = orgsWithRole(actor, 'expert');
    if (actor.kind !== 'user' || agencyIds.length === 0) throw forbidden();
    visibleTo = { agencyIds, userId: actor.userId };
  }
  return (await incidentRepository.list(ctx.db, { servicePointId: q.servicePointId, status: q.status, visibleTo })).map(presentIncident);
}
