import type { LocalizedText } from '../../../shared/common.js';
import type { MeetingView, ParticipantView } from '../../../shared/meetings.js';
import type { BookingRow } from '../bookings/repository.js';
import { type MeetingRow, ONLINE_WINDOW_MS, type ParticipantWithName } from './repository.js';

export type InterpreterWindow = { validFrom: Date; validUntil: Date };

export function isOnline(p: { connections: number; lastSeenAt: Date | null }, now = Date.now()): boolean {
  return p.connections > 0 && !!p.lastSeenAt && now - p.lastSeenAt.getTime() < ONLINE_WINDOW_MS;
}

/**
 * Staff by name; the customer and the interpreter have none here (the kiosk is not a person, the interpreter has no
 * account): screens name them by their role, in the viewer's language.
 */
export function participantName(p: Pick<ParticipantWithName, 'kind' | 'userName'>): string {
  return p.userName ?? '';
}

export function presentParticipant(p: ParticipantWithName): ParticipantView {
  return {
    id: p.id,
    kind: p.kind,
    name: participantName(p),
    userId: p.userId,
    organisationId: p.userOrganisationId,
    admittedAt: p.admittedAt?.toISOString() ?? null,
    leftAt: p.leftAt?.toISOString() ?? null,
    online: isOnline(p),
  };
}

export function presentMeeting(
  m: MeetingRow,
  facts: { booking: BookingRow; service: LocalizedText; agency: LocalizedText },
  participants: ParticipantWithName[],
  opts: { showCustomer: boolean; selfParticipantId: string | null; interpreterWindow: InterpreterWindow },
): MeetingView {
  const b = facts.booking;
  return {
    id: m.id,
    bookingId: m.bookingId,
    agencyId: m.agencyId,
    servicePointId: m.servicePointId,
    roomId: m.roomId,
    status: m.status,
    openedAt: m.openedAt.toISOString(),
    admittedAt: m.admittedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    outcome: m.outcome,
    incidentId: m.incidentId,
    booking: {
      reference: b.reference,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      service: facts.service,
      agency: facts.agency,
      customerName: opts.showCustomer ? b.customerName : null,
      language: b.language,
      interpretingLanguage: b.interpretingLanguage,
    },
    participants: participants.map(presentParticipant),
    interpreterLink: m.interpreterCode
      ? { code: m.interpreterCode, validFrom: opts.interpreterWindow.validFrom.toISOString(), validUntil: opts.interpreterWindow.validUntil.toISOString() }
      : null,
    selfParticipantId: opts.selfParticipantId,
  };
}

/** The interpreter's link is open from a margin before the booking's start to a margin after its end. */
export function interpreterWindow(b: Pick<BookingRow, 'startsAt' | 'endsAt'>, marginMinutes: number): InterpreterWindow {
  return { validFrom: new Date(b.startsAt.getTime() - marginMinutes * 60_000), validUntil: new Date(b.endsAt.getTime() + marginMinutes * 60_000) };
}
