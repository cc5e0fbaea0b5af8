import { z } from 'zod';
import { languageSchema, localizedTextSchema } from './common.js';

/**
 * Action groups the auditor filters by, each the action prefixes (before the first dot) it covers. `other` is every
 * action whose prefix no group names, so a new kind of event is never left out of a search.
 */
export const AUDIT_ACTION_GROUPS = {
  'sign-in': ['auth'],
  accounts: ['user'],
  directory: ['organisation', 'service_point', 'room', 'service', 'interpreter', 'working_hours', 'closure'],
  terminals: ['terminal', 'call_button'],
  bookings: ['booking', 'public_booking', 'walk_in', 'customer_message'],
  meetings: ['meeting'],
  assistance: ['call', 'identity_check', 'incident'],
  documents: ['document', 'document_key', 'document_master_key', 'agency_token'],
  agreements: ['agreement'],
  'time-reports': ['time_entry', 'time_suggestion', 'cost_claim'],
  accessibility: ['accessibility-feedback', 'accessibility-statement'],
  audit: ['audit'],
  other: [],
} as const satisfies Record<string, readonly string[]>;
export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUPS;
export const auditActionGroups = Object.keys(AUDIT_ACTION_GROUPS) as AuditActionGroup[];

export const auditQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** An exact action identifier (kept for scripts; the page filters by group). */
  action: z.string().max(80).optional(),
  group: z.enum(auditActionGroups as [AuditActionGroup, ...AuditActionGroup[]]).optional(),
  /** A staff member: events they did or that concern their account. */
  person: z.uuid().optional(),
  organisation: z.uuid().optional(),
  /** A booking reference, a document handover's reference, or an object's id. */
  object: z.string().trim().min(1).max(80).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** A resolved name: a person's or device's as written, or an organisation's, room's or service's in fi/sv/en. */
export const auditName = z.union([z.string(), localizedTextSchema]);
export type AuditName = z.infer<typeof auditName>;

export const auditEventView = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().optional(),
  /** Who did it, by name, when the auditor may know it (staff, devices, agency systems); never a customer. */
  actorName: auditName.optional(),
  action: z.string(),
  outcome: z.string(),
  targetType: z.string().optional(),
  targetId: z.string().optional(),
  /** The target by name or reference (a booking's reference, a handover's, a user's name). */
  targetName: auditName.optional(),
  organisationId: z.string().optional(),
  organisationName: auditName.optional(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditListResponse = z.object({ events: z.array(auditEventView), nextBeforeId: z.number().optional() });
/** `checked`: sealed rows verified; `pending`: rows written but not sealed into the chain yet. */
export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number(),
  pending: z.number(),
  firstBrokenId: z.number().optional(),
  /** Where the kept chain begins when older events were removed after their retention (seal_seq and hash). */
  anchor: z.object({ throughSeq: z.number(), hash: z.string() }).optional(),
});

/** What the filters offer: people and organisations by name, and the action groups. */
export const auditFilterOptions = z.object({
  people: z.array(z.object({ id: z.string(), name: z.string(), organisationName: auditName.optional() })),
  organisations: z.array(z.object({ id: z.string(), name: auditName })),
  groups: z.array(z.string()),
});
export type AuditFilterOptions = z.infer<typeof auditFilterOptions>;

const isoDate = z.iso.date();
export const auditExportQuery = z
  .strictObject({ from: isoDate, to: isoDate, format: z.enum(['csv', 'json']).default('json'), lang: languageSchema.default('fi') })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

/**
 * An exported period with the chain's proof. `events` are a contiguous run of the chain in seal order, each with
 * the exact payload fields the database hashed (`at` to the microsecond in UTC, `details` as stored), so anyone can
 * recompute sha256(prevHash|id|at|actorType|actorId|action|outcome|targetType|targetId|organisationId|details) row by
 * row from `proof.anchorHash` and arrive at `proof.lastHash`.
 */
export const auditExportEvent = z.object({
  id: z.number(),
  sealSeq: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string(),
  action: z.string(),
  outcome: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  organisationId: z.string(),
  details: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  actorName: z.string(),
  targetName: z.string(),
  organisationName: z.string(),
});
export type AuditExportEvent = z.infer<typeof auditExportEvent>;
export const auditExportProof = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  count: z.number(),
  /** The hash the first exported event links to (empty at the very start of the chain). */
  anchorHash: z.string(),
  firstHash: z.string(),
  lastHash: z.string(),
  firstSeq: z.number().optional(),
  lastSeq: z.number().optional(),
  /** The whole chain verified when the export was made. */
  chainVerified: z.boolean(),
  pending: z.number(),
  exportedAt: z.string(),
});
export type AuditExportProof = z.infer<typeof auditExportProof>;
export const auditExportResponse = z.object({ proof: auditExportProof, events: z.array(auditExportEvent) });
