import { z } from 'zod';
import { localizedTextSchema, secret } from './common.js';

/** Meetings (docs/meetings.md): shared by the server's routes and the web's meeting screens. */

const instant = z.iso.datetime({ offset: true });

export const MEETING_OUTCOMES = ['completed', 'customer-left', 'technical-failure', 'referred-elsewhere'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
export const PARTICIPANT_KINDS = ['expert', 'terminal', 'interpreter', 'guest-expert'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const MEETING_STATUSES = ['open', 'ended'] as const;
export const FEEDBACK_SCORES = [1, 2, 3, 4, 5] as const;
/** The signalling socket's own subprotocol; credentials ride as `bearer.<token>` (terminal) or `guest.<token>`. */
export const SIGNAL_SUBPROTOCOL = 'etapiste.signal.v1';
/** Close code after `ended`: do not reconnect. */
export const SIGNAL_CLOSE_ENDED = 4000;

export const participantView = z.object({
  id: z.uuid(),
  kind: z.enum(PARTICIPANT_KINDS),
  name: z.string(),
  /** Staff participants' user id (the kiosk and the interpreter have none). */
  userId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  admittedAt: instant.nullable(),
  leftAt: instant.nullable(),
  online: z.boolean(),
});
export type ParticipantView = z.infer<typeof participantView>;

export const meetingView = z.object({
  id: z.uuid(),
  bookingId: z.uuid(),
  agencyId: z.uuid(),
  servicePointId: z.uuid(),
  roomId: z.uuid(),
  status: z.enum(MEETING_STATUSES),
  openedAt: instant,
  admittedAt: instant.nullable(),
  endedAt: instant.nullable(),
  outcome: z.enum(MEETING_OUTCOMES).nullable(),
  incidentId: z.uuid().nullable(),
  /** The booking as the viewer may see it; the customer's name only for the booking agency's staff. */
  booking: z.object({
    reference: z.string(),
    startsAt: instant,
    endsAt: instant,
    service: localizedTextSchema,
    agency: localizedTextSchema,
    customerName: z.string().nullable(),
    language: z.string(),
    interpretingLanguage: z.string().nullable(),
  }),
  participants: z.array(participantView),
  interpreterLink: z.object({ code: z.string(), validFrom: instant, validUntil: instant }).nullable(),
  /** The participant id of the caller in this meeting, when they are one. */
  selfParticipantId: z.uuid().nullable(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const meetingListItem = z.object({
  id: z.uuid().nullable(),
  bookingId: z.uuid(),
  status: z.enum(['waiting', 'checked-in', 'open', 'ended']),
  startsAt: instant,
  endsAt: instant,
  service: localizedTextSchema,
  agency: localizedTextSchema,
  customerName: z.string().nullable(),
  invited: z.boolean(),
  customerOnline: z.boolean(),
});
export const meetingsQuery = z.strictObject({ day: z.iso.date().optional() });
export const meetingsResponse = z.object({ meetings: z.array(meetingListItem) });

export const iceServersResponse = z.object({
  iceServers: z.array(z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() })),
  iceTransportPolicy: z.enum(['all', 'relay']),
});
export type IceServersResponse = z.infer<typeof iceServersResponse>;

export const bookingIdParams = z.strictObject({ bookingId: z.uuid() });
export const admitRequest = z.strictObject({}).optional();
export const inviteRequest = z.strictObject({ userId: z.uuid() });
export const invitableQuery = z.strictObject({ meetingId: z.uuid() });
export const invitableResponse = z.object({ experts: z.array(z.object({ id: z.uuid(), name: z.string(), agencyId: z.uuid() })) });
export const extendRequest = z.strictObject({ minutes: z.number().int().min(5).max(60) });
export const endRequest = z.strictObject({ outcome: z.enum(MEETING_OUTCOMES), incidentId: z.uuid().optional() });
export const interpreterLinkResponse = z.object({ code: z.string(), pin: z.string(), url: z.string(), validFrom: instant, validUntil: instant });

export const terminalCheckInRequest = z.strictObject({ reference: z.string().trim().toUpperCase().min(4).max(20) });
export const terminalSessionView = z.object({
  booking: z
    .object({
      id: z.uuid(),
      agency: z.object({ id: z.uuid(), name: localizedTextSchema }),
      service: z.object({ name: localizedTextSchema }),
      startsAt: instant,
      endsAt: instant,
      interpreting: z.boolean(),
    })
    .nullable(),
  meeting: z.object({ id: z.uuid(), status: z.enum(MEETING_STATUSES), admitted: z.boolean() }).nullable(),
  feedbackFor: z.uuid().nullable(),
});
export type TerminalSessionView = z.infer<typeof terminalSessionView>;
export const feedbackRequest = z.strictObject({ meetingId: z.uuid(), score: z.number().int().min(1).max(5) });

export const joinCodeParams = z.strictObject({ code: secret(z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)) });
export const joinInfoView = z.object({
  agency: localizedTextSchema,
  startsAt: instant,
  endsAt: instant,
  validFrom: instant,
  validUntil: instant,
  status: z.enum(['not-yet', 'open', 'expired', 'ended', 'locked']),
});
export const joinRequest = z.strictObject({ pin: secret(z.string().regex(/^\d{6}$/)) });
export const joinResponse = z.object({ guestToken: z.string(), meetingId: z.uuid() });

// The signalling socket's messages (docs/meetings.md).
export const signalData = z.union([
  z.strictObject({ description: z.strictObject({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback']), sdp: z.string().max(60_000).optional() }) }),
  z.strictObject({
    candidate: z
      .object({ candidate: z.string().max(2000), sdpMid: z.string().max(64).nullable().optional(), sdpMLineIndex: z.number().int().nullable().optional(), usernameFragment: z.string().max(256).nullable().optional() })
      .nullable(),
  }),
  z.strictObject({ hello: z.literal(true) }),
  z.strictObject({ media: z.record(z.string().max(128), z.enum(['camera', 'document'])) }),
]);
export type SignalData = z.infer<typeof signalData>;
export const signalClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('signal'), to: z.uuid(), data: signalData }),
  z.strictObject({ type: z.literal('chat'), text: z.string().trim().min(1).max(1000) }),
  z.strictObject({ type: z.literal('ping') }),
  // The booking agency's expert asks the room's kiosk for a document-camera still (docs/documents.md); the kiosk
  // posts it to POST /api/terminal/documents/pages and tells the meeting how it went.
  z.strictObject({ type: z.literal('capture-request') }),
  z.strictObject({ type: z.literal('capture-result'), ok: z.boolean(), code: z.string().max(64).optional() }),
  // The participant leaves on purpose (the leave button): the others hear `peer left`, not "reconnecting".
  z.strictObject({ type: z.literal('leave') }),
]);
export type SignalClientMessage = z.infer<typeof signalClientMessage>;

export type PeerRef = { participantId: string; connectionId: string; kind: ParticipantKind; name: string };
export type SignalServerMessage =
  | { type: 'welcome'; self: PeerRef & { admitted: boolean }; iceServers: IceServersResponse['iceServers']; iceTransportPolicy: 'all' | 'relay' }
  | { type: 'admitted' }
  /**
   * `online`: an admitted participant's socket connected (call them); `offline`: it went; `here`: sent to a newcomer
   * for each participant already in (they call the newcomer; this only says who they are); `left`: it went on
   * purpose (the leave button), not by a dropped connection.
   */
  | { type: 'peer'; state: 'online' | 'offline' | 'here' | 'left'; peer: PeerRef }
  | { type: 'signal'; from: { participantId: string; connectionId: string }; data: SignalData }
  | { type: 'chat'; from: { participantId: string; kind: ParticipantKind; name: string }; text: string; at: string }
  | { type: 'capture-request'; from: { participantId: string; name: string } }
  | { type: 'capture-result'; from: { participantId: string }; ok: boolean; code?: string; at: string }
  | { type: 'ended'; outcome: MeetingOutcome | null }
  | { type: 'error'; code: string; detail: string }
  | { type: 'pong' };
