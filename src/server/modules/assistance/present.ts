import type { ButtonView, CallView, IdentityCheckView, IncidentView, TerminalCallState } from '../../../shared/assistance.js';
import type { IdentityCheckRecord, IncidentRecord } from './checks-repository.js';
import type { ButtonRow, CallRecord } from './repository.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);
const staff = (id: string | null, name: string | null) => (id && name ? { id, name } : undefined);

/** Never exposes the token hash. */
export function presentButton(b: ButtonRow): ButtonView {
  return {
    id: b.id,
    roomId: b.roomId,
    name: b.name,
    status: b.revokedAt ? 'revoked' : 'active',
    createdAt: b.createdAt.toISOString(),
    revokedAt: iso(b.revokedAt),
    lastPressedAt: iso(b.lastPressedAt),
  };
}

export function presentCall({ call: c, acknowledgedByName, closedByName }: CallRecord): CallView {
  return {
    id: c.id,
    roomId: c.roomId,
    servicePointId: c.servicePointId,
    source: c.source,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    lastPressAt: c.lastPressAt.toISOString(),
    repeatCount: c.repeatCount,
    alertCount: c.alertCount,
    escalatedAt: iso(c.escalatedAt),
    acknowledgedAt: iso(c.acknowledgedAt),
    acknowledgedBy: staff(c.acknowledgedBy, acknowledgedByName),
    closedAt: iso(c.closedAt),
    closedBy: staff(c.closedBy, closedByName),
  };
}

/** The customer at the kiosk sees that someone is coming and their first name, nothing else about staff. */
export function presentTerminalCall(record: CallRecord | undefined): TerminalCallState {
  if (!record || record.call.status === 'closed') return { call: null };
  const { call: c, acknowledgedByName } = record;
  return {
    call: {
      id: c.id,
      status: c.status as 'open' | 'acknowledged',
      createdAt: c.createdAt.toISOString(),
      acknowledgedAt: iso(c.acknowledgedAt),
      advisorFirstName: acknowledgedByName?.trim().split(/\s+/)[0] || undefined,
    },
  };
}

export function presentIdentityCheck({ check: c, requestedByName, acknowledgedByName, completedByName, bookingStartsAt, bookingEndsAt }: IdentityCheckRecord): IdentityCheckView {
  return {
    id: c.id,
    bookingId: c.bookingId,
    booking: { start: bookingStartsAt.toISOString(), end: bookingEndsAt.toISOString() },
    servicePointId: c.servicePointId,
    roomId: c.roomId,
    agencyId: c.agencyId,
    status: c.status,
    requestedAt: c.requestedAt.toISOString(),
    requestedBy: { id: c.requestedBy, name: requestedByName },
    alertCount: c.alertCount,
    escalatedAt: iso(c.escalatedAt),
    acknowledgedAt: iso(c.acknowledgedAt),
    acknowledgedBy: staff(c.acknowledgedBy, acknowledgedByName),
    completedAt: iso(c.completedAt),
    completedBy: staff(c.completedBy, completedByName),
    result:
      c.status === 'completed' && c.verified !== null
        ? { verified: c.verified, documentType: c.documentType ?? undefined, photoMatched: c.photoMatched ?? undefined }
        : undefined,
    cancelledAt: iso(c.cancelledAt),
  };
}

export function presentIncident({ incident: i, reportedByName, resolvedByName }: IncidentRecord): IncidentView {
  return {
    id: i.id,
    servicePointId: i.servicePointId,
    roomId: i.roomId,
    bookingId: i.bookingId ?? undefined,
    agencyId: i.agencyId ?? undefined,
    category: i.category,
    description: i.description ?? undefined,
    status: i.status,
    reportedAt: i.reportedAt.toISOString(),
    reportedBy: { id: i.reportedBy, name: reportedByName },
    resolvedAt: iso(i.resolvedAt),
    resolvedBy: staff(i.resolvedBy, resolvedByName),
  };
}
