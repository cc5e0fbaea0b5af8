import { and, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookingEvents, bookings, calls, documentHandovers, identityChecks, walkIns } from '../../db/schema/index.js';
import type { SourceRef, SuggestionSource, TimeTask } from '../../../shared/time-reports.js';

/** Something an advisor did that the system saw, from which a time entry is suggested. */
export type Activity = {
  ref: SourceRef;
  userId: string;
  servicePointId: string;
  agencyId: string | null;
  task: TimeTask;
  what: string;
  start: Date;
  /** When the events give an end (call closed by the advisor, check result, handover sent); else null. */
  end: Date | null;
};

type Query = { userIds: string[]; start: Date; end: Date; servicePointId?: string; ref?: SourceRef };

const wants = (q: Query, kind: SuggestionSource) => !q.ref || q.ref.kind === kind;

/**
 * The advisors' activities whose start falls in [start, end): acknowledged calls they closed (acknowledged → closed),
 * identity checks they completed (request → result), bookings they created, moved or cancelled (booking_events),
 * walk-ins they queued, handovers they registered and sent (created → sent). Reads ids, times and agencies only.
 */
export async function findActivities(db: Db, q: Query): Promise<Activity[]> {
  if (q.userIds.length === 0) return [];
  const out: Activity[] = [];
  const byId = (col: Parameters<typeof eq>[0]) => (q.ref ? [eq(col, q.ref.id)] : []);
  if (wants(q, 'call')) {
    const rows = await db
      .select({ id: calls.id, userId: calls.acknowledgedBy, servicePointId: calls.servicePointId, start: calls.acknowledgedAt, end: calls.closedAt, closedBy: calls.closedBy })
      .from(calls)
      .where(and(inArray(calls.acknowledgedBy, q.userIds), eq(calls.status, 'closed'), gte(calls.acknowledgedAt, q.start), lt(calls.acknowledgedAt, q.end), ...pointOf(calls.servicePointId, q), ...byId(calls.id)));
    // A call closed by the sweep (nobody closed it) has no measured end: the standard time applies.
    for (const r of rows)
      out.push({ ref: { kind: 'call', id: r.id }, userId: r.userId!, servicePointId: r.servicePointId, agencyId: null, task: 'device-help', what: 'call', start: r.start!, end: r.closedBy ? r.end : null });
  }
  if (wants(q, 'identity-check')) {
    const rows = await db
      .select({ id: identityChecks.id, userId: identityChecks.completedBy, servicePointId: identityChecks.servicePointId, agencyId: identityChecks.agencyId, start: identityChecks.requestedAt, end: identityChecks.completedAt })
      .from(identityChecks)
      .where(and(inArray(identityChecks.completedBy, q.userIds), eq(identityChecks.status, 'completed'), gte(identityChecks.requestedAt, q.start), lt(identityChecks.requestedAt, q.end), ...pointOf(identityChecks.servicePointId, q), ...byId(identityChecks.id)));
    for (const r of rows) out.push({ ref: { kind: 'identity-check', id: r.id }, userId: r.userId!, servicePointId: r.servicePointId, agencyId: r.agencyId, task: 'identity-verification', what: 'identity-check', start: r.start, end: r.end });
  }
  if (wants(q, 'booking-event')) {
    const rows = await db
      .select({ id: bookingEvents.id, userId: bookingEvents.actorId, kind: bookingEvents.kind, at: bookingEvents.at, servicePointId: bookings.servicePointId, agencyId: bookings.agencyId })
      .from(bookingEvents)
      .innerJoin(bookings, eq(bookings.id, bookingEvents.bookingId))
      .where(
        and(
          inArray(bookingEvents.actorId, q.userIds),
          or(inArray(bookingEvents.kind, ['created', 'moved']), and(eq(bookingEvents.kind, 'status'), eq(bookingEvents.toStatus, 'cancelled'))),
          // A walk-in's booking is made when an expert takes it; the walk-in itself is its own activity.
          sql`${bookingEvents.details}->>'walkIn' is null`,
          gte(bookingEvents.at, q.start),
          lt(bookingEvents.at, q.end),
          ...pointOf(bookings.servicePointId, q),
          ...byId(bookingEvents.id),
        ),
      );
    for (const r of rows) {
      const what = r.kind === 'status' ? 'booking-cancelled' : `booking-${r.kind}`;
      out.push({ ref: { kind: 'booking-event', id: r.id }, userId: r.userId!, servicePointId: r.servicePointId, agencyId: r.agencyId, task: 'booking', what, start: r.at, end: null });
    }
  }
  if (wants(q, 'walk-in')) {
    const rows = await db
      .select({ id: walkIns.id, userId: walkIns.createdBy, servicePointId: walkIns.servicePointId, agencyId: walkIns.agencyId, start: walkIns.createdAt })
      .from(walkIns)
      .where(and(inArray(walkIns.createdBy, q.userIds), gte(walkIns.createdAt, q.start), lt(walkIns.createdAt, q.end), ...pointOf(walkIns.servicePointId, q), ...byId(walkIns.id)));
    for (const r of rows) out.push({ ref: { kind: 'walk-in', id: r.id }, userId: r.userId!, servicePointId: r.servicePointId, agencyId: r.agencyId, task: 'booking', what: 'walk-in', start: r.start, end: null });
  }
  if (wants(q, 'handover')) {
    const rows = await db
      .select({ id: documentHandovers.id, userId: documentHandovers.registeredBy, servicePointId: documentHandovers.servicePointId, agencyId: documentHandovers.agencyId, start: documentHandovers.createdAt, end: documentHandovers.sentAt })
      .from(documentHandovers)
      .where(
        and(
          inArray(documentHandovers.registeredBy, q.userIds),
          isNotNull(documentHandovers.sentAt),
          gte(documentHandovers.createdAt, q.start),
          lt(documentHandovers.createdAt, q.end),
          ...pointOf(documentHandovers.servicePointId, q),
          ...byId(documentHandovers.id),
        ),
      );
    for (const r of rows) out.push({ ref: { kind: 'handover', id: r.id }, userId: r.userId!, servicePointId: r.servicePointId, agencyId: r.agencyId, task: 'document-reception', what: 'handover', start: r.start, end: r.end });
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

function pointOf(column: Parameters<typeof eq>[0], q: Query) {
  return q.servicePointId ? [eq(column, q.servicePointId)] : [];
}
