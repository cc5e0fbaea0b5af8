import { z } from 'zod';
import { emailSchema, languageSchema, localizedTextSchema, phoneSchema } from './common.js';
import { freeText } from './scheduling.js';

/** Customer data life cycle and data subjects' rights (docs/privacy.md): shapes shared by the server and the web app. */
const instant = z.iso.datetime({ offset: true });

export const RETENTION_DAYS_MAX = 730;
export const agencyParams = z.strictObject({ agencyId: z.uuid() });

/**
 * Who the admin looks for: any of name, phone or e-mail, each compared whole (a name case- and space-insensitively,
 * a phone in its E.164 form, an e-mail in lower case), so an erasure never reaches a namesake by a partial match.
 */
export const personCriteria = z
  .strictObject({
    name: freeText(120).pipe(z.string().min(2)).optional(),
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
  })
  .refine((p) => !!(p.name || p.phone || p.email), { message: 'Give a name, phone or e-mail', path: ['name'] });
export type PersonCriteria = z.infer<typeof personCriteria>;

/** Every search, export and erasure says why: the reason goes into the audit log. */
export const privacyReason = freeText(300).pipe(z.string().min(3));

export const dataSubjectSearchRequest = z.strictObject({ person: personCriteria, reason: privacyReason });
export const dataSubjectExportRequest = z.strictObject({
  person: personCriteria,
  reason: privacyReason,
  format: z.enum(['json', 'pdf']).default('json'),
  language: languageSchema.default('fi'),
});
export const dataSubjectEraseRequest = z.strictObject({ person: personCriteria, reason: privacyReason });

const customerView = z.object({ name: z.string(), phone: z.string().optional(), email: z.string().optional() });
export const personBookingRecord = z.object({
  id: z.uuid(),
  reference: z.string(),
  start: instant,
  end: instant,
  status: z.string(),
  channel: z.string(),
  language: z.string(),
  service: localizedTextSchema,
  servicePoint: localizedTextSchema,
  customer: customerView,
  note: z.string().optional(),
  cancelReason: z.string().optional(),
  createdAt: instant,
  identityChecks: z.array(z.object({ requestedAt: instant, status: z.string(), verified: z.boolean().optional(), documentType: z.string().optional() })),
  messages: z.array(z.object({ kind: z.string(), channel: z.string(), status: z.string(), sentAt: instant.optional() })),
});
export const personWalkInRecord = z.object({
  id: z.uuid(),
  customerName: z.string(),
  status: z.string(),
  language: z.string(),
  service: localizedTextSchema,
  servicePoint: localizedTextSchema,
  createdAt: instant,
  bookingId: z.uuid().optional(),
});
export const personDocumentRecord = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.string(),
  status: z.string(),
  createdAt: instant,
  bookingId: z.uuid().optional(),
  customerName: z.string().optional(),
  coverNote: z.string().optional(),
  pageCount: z.number().int(),
});
export const personRecords = z.object({
  agencyId: z.uuid(),
  bookings: z.array(personBookingRecord),
  walkIns: z.array(personWalkInRecord),
  documents: z.array(personDocumentRecord),
});
export type PersonRecords = z.infer<typeof personRecords>;
/** The JSON export: the records, with when and for which agency they were taken out. */
export const personExport = personRecords.extend({ agencyName: localizedTextSchema, exportedAt: instant });
export type PersonExport = z.infer<typeof personExport>;

export const erasureResult = z.object({ bookings: z.number().int(), walkIns: z.number().int(), documents: z.number().int(), cancelled: z.number().int() });
export type ErasureResult = z.infer<typeof erasureResult>;

/** What an agency writes into its record of processing; the rest of the record comes from the configuration. */
export const processingRecordInput = z.strictObject({
  purposes: freeText(4000),
  dataCategories: freeText(4000),
  recipients: freeText(4000),
  controllerContact: freeText(1000),
  /** The agency's own retention of customer data in days; null returns to the system default. */
  retentionDays: z.number().int().min(1).max(RETENTION_DAYS_MAX).nullable(),
});
export type ProcessingRecordInput = z.infer<typeof processingRecordInput>;

/** Where the system keeps a customer's personal data (docs/privacy.md), as the record of processing lists it. */
export const STORED_FIELDS = [
  'booking-contact',
  'booking-note',
  'booking-cancel-reason',
  'walk-in-name',
  'identity-check',
  'document-content',
  'message-outbox',
] as const;

export const processingRecordView = z.object({
  agencyId: z.uuid(),
  agencyName: localizedTextSchema,
  purposes: z.string(),
  dataCategories: z.string(),
  recipients: z.string(),
  controllerContact: z.string(),
  retentionDays: z.number().int().nullable(),
  updatedAt: instant.optional(),
  canEdit: z.boolean(),
  /** Facts the system enforces, read from its configuration: never typed by anyone. */
  enforced: z.object({
    customerDataRetentionDays: z.number().int(),
    defaultRetentionDays: z.number().int(),
    documentRetentionDays: z.number().int(),
    documentKeepAfterAckHours: z.number(),
    sessionIdleMinutes: z.number().int(),
    personalIdentityCodeRefused: z.literal(true),
    meetingsRecorded: z.literal(false),
    messageChannels: z.object({ email: z.boolean(), sms: z.boolean() }),
    storedFields: z.array(z.enum(STORED_FIELDS)),
  }),
});
export type ProcessingRecordView = z.infer<typeof processingRecordView>;
