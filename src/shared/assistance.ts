import { z } from 'zod';
import { localizedTextSchema } from './common.js';
import { freeText } from './scheduling.js';

/** Assistance in the room: call button presses, identity checks, incidents, and the live status board. */

const instant = z.iso.datetime({ offset: true });
const staffRef = z.object({ id: z.uuid(), name: z.string() });

// Calls ---------------------------------------------------------------------------------------------------------

export const CALL_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export const callStatusSchema = z.enum(CALL_STATUSES);
export type CallStatus = z.infer<typeof callStatusSchema>;

export const callView = z.object({
  id: z.uuid(),
  roomId: z.uuid(),
  servicePointId: z.uuid(),
  source: z.enum(['button', 'terminal']),
  status: callStatusSchema,
  createdAt: instant,
  lastPressAt: instant,
  /** Further presses that joined this call. */
  repeatCount: z.number().int(),
  /** Alerts sent so far: a desk sounds again when this grows. */
  alertCount: z.number().int(),
  escalatedAt: instant.optional(),
  acknowledgedAt: instant.optional(),
  acknowledgedBy: staffRef.optional(),
  closedAt: instant.optional(),
  closedBy: staffRef.optional(),
});
export type CallView = z.infer<typeof callView>;

export const callsQuery = z.strictObject({ servicePointId: z.uuid() });
export const callsResponse = z.object({ calls: z.array(callView) });

/** What a press answers (a button or the terminal): 201 for a new call, 200 when it joined the open one. */
export const pressResponse = z.object({ callId: z.uuid(), status: callStatusSchema, repeatCount: z.number().int(), joined: z.boolean() });
export type PressResponse = z.infer<typeof pressResponse>;

/** The kiosk's view of its room's current call: "an advisor is coming" shows the advisor's first name only. */
export const terminalCallState = z.object({
  call: z
    .object({
      id: z.uuid(),
      status: z.enum(['open', 'acknowledged']),
      createdAt: instant,
      acknowledgedAt: instant.optional(),
      advisorFirstName: z.string().optional(),
    })
    .nullable(),
});
export type TerminalCallState = z.infer<typeof terminalCallState>;

// Buttons -------------------------------------------------------------------------------------------------------

export const buttonInput = z.strictObject({ name: z.string().trim().min(1).max(120) });
export const buttonView = z.object({
  id: z.uuid(),
  roomId: z.uuid(),
  name: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: instant,
  revokedAt: instant.optional(),
  lastPressedAt: instant.optional(),
});
export type ButtonView = z.infer<typeof buttonView>;
/** The token is in this answer only; the server keeps its hash. */
export const buttonCreated = z.object({
  button: buttonView,
  token: z.string(),
  /** Where the button sends presses: HTTP (Authorization: Bearer <token>) or MQTT with {"token": …} as payload. */
  httpPath: z.string(),
  mqttTopic: z.string(),
});
export const buttonsResponse = z.object({ buttons: z.array(buttonView) });
export const pressParams = z.strictObject({ id: z.string().max(100) });
/** An MQTT press payload. */
export const mqttPressPayload = z.object({ token: z.string().min(1).max(200) });

export const mqttPressTopic = (buttonId: string) => `etapiste/buttons/${buttonId}/press`;

// Identity checks -----------------------------------------------------------------------------------------------

export const DOCUMENT_TYPES = ['passport', 'identity-card', 'driving-licence', 'residence-permit-card', 'other'] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;
export const IDENTITY_CHECK_STATUSES = ['requested', 'acknowledged', 'completed', 'cancelled'] as const;

/**
 * What the advisor records. Strict: no field for a document number or a henkilötunnus exists, and an unknown
 * field is refused. A verified identity needs the document type and a matching photo.
 */
export const identityCheckResultRequest = z
  .strictObject({ verified: z.boolean(), documentType: documentTypeSchema.optional(), photoMatched: z.boolean().optional() })
  .superRefine((v, ctx) => {
    if (!v.verified) return;
    if (!v.documentType) ctx.addIssue({ code: 'custom', path: ['documentType'], message: 'required when verified', params: { code: 'identity_check.document_required' } });
    if (v.photoMatched !== true) {
      ctx.addIssue({ code: 'custom', path: ['photoMatched'], message: 'a verified identity needs a matching photo', params: { code: 'identity_check.photo_mismatch' } });
    }
  });
export type IdentityCheckResultRequest = z.infer<typeof identityCheckResultRequest>;

export const identityCheckView = z.object({
  id: z.uuid(),
  bookingId: z.uuid(),
  /** The appointment's time: every alert names the room, the time and the agency. */
  booking: z.object({ start: instant, end: instant }),
  servicePointId: z.uuid(),
  roomId: z.uuid(),
  agencyId: z.uuid(),
  status: z.enum(IDENTITY_CHECK_STATUSES),
  requestedAt: instant,
  requestedBy: staffRef,
  alertCount: z.number().int(),
  escalatedAt: instant.optional(),
  acknowledgedAt: instant.optional(),
  acknowledgedBy: staffRef.optional(),
  completedAt: instant.optional(),
  completedBy: staffRef.optional(),
  result: z.object({ verified: z.boolean(), documentType: documentTypeSchema.optional(), photoMatched: z.boolean().optional() }).optional(),
  cancelledAt: instant.optional(),
});
export type IdentityCheckView = z.infer<typeof identityCheckView>;
export const identityChecksResponse = z.object({ identityChecks: z.array(identityCheckView) });
export const identityChecksQuery = z.strictObject({ servicePointId: z.uuid() });

// Incidents -----------------------------------------------------------------------------------------------------

export const INCIDENT_CATEGORIES = ['video', 'audio', 'network', 'terminal', 'document-camera', 'other'] as const;
export const incidentCategorySchema = z.enum(INCIDENT_CATEGORIES);
export const incidentInput = z.strictObject({
  roomId: z.uuid(),
  bookingId: z.uuid().optional(),
  category: incidentCategorySchema,
  description: freeText(500).optional(),
});
export const incidentView = z.object({
  id: z.uuid(),
  servicePointId: z.uuid(),
  roomId: z.uuid(),
  bookingId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  category: incidentCategorySchema,
  description: z.string().optional(),
  status: z.enum(['open', 'resolved']),
  reportedAt: instant,
  reportedBy: staffRef,
  resolvedAt: instant.optional(),
  resolvedBy: staffRef.optional(),
});
export type IncidentView = z.infer<typeof incidentView>;
export const incidentsQuery = z.strictObject({ servicePointId: z.uuid(), status: z.enum(['open', 'resolved']).optional() });
export const incidentsResponse = z.object({ incidents: z.array(incidentView) });

// Terminal heartbeat and the status board -----------------------------------------------------------------------

export const heartbeatRequest = z.strictObject({ camera: z.boolean(), microphone: z.boolean(), documentCamera: z.boolean() });
export const heartbeatResponse = z.object({ receivedAt: instant });

/** A terminal counts as online when its last heartbeat is younger than this. */
export const TERMINAL_ONLINE_SECONDS = 90;

export const ROOM_STATES = ['free', 'customer-waiting', 'in-meeting', 'call-open'] as const;
export const statusBoard = z.object({
  servicePointId: z.uuid(),
  at: instant,
  rooms: z.array(
    z.object({
      id: z.uuid(),
      name: localizedTextSchema,
      state: z.enum(ROOM_STATES),
      /** The booking that makes the room waiting or in a meeting (an id only: who may see it reads it). */
      bookingId: z.uuid().optional(),
      callId: z.uuid().optional(),
    }),
  ),
  terminals: z.array(
    z.object({
      id: z.uuid(),
      roomId: z.uuid(),
      name: z.string(),
      online: z.boolean(),
      lastSeenAt: instant.optional(),
      /** Unknown (absent) until the terminal sends its first heartbeat. */
      camera: z.boolean().optional(),
      microphone: z.boolean().optional(),
      documentCamera: z.boolean().optional(),
    }),
  ),
  calls: z.array(callView),
  identityChecks: z.array(identityCheckView),
  incidents: z.array(incidentView),
});
export type StatusBoard = z.infer<typeof statusBoard>;
