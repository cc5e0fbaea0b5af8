import { z } from 'zod';
import { emailSchema, languageSchema, localizedTextSchema } from './common.js';
import { freeText } from './scheduling.js';

/** Document handover (docs/documents.md): request and answer shapes shared by the server and the web app. */
export const DOCUMENT_KINDS = ['application', 'attachment', 'certificate', 'identity-document-copy', 'letter', 'other'] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const HANDOVER_STATUSES = ['draft', 'sent', 'acknowledged', 'purged'] as const;
export const handoverStatusSchema = z.enum(HANDOVER_STATUSES);
export type HandoverStatus = z.infer<typeof handoverStatusSchema>;

/** The file types accepted, recognised by their first bytes (never by name or declared type). */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const PAGE_SOURCES = ['upload', 'camera', 'terminal'] as const;

export const AGENCY_TOKEN_SCOPES = ['documents:read', 'documents:acknowledge'] as const;
export const agencyTokenScopeSchema = z.enum(AGENCY_TOKEN_SCOPES);

const instant = z.iso.datetime({ offset: true });

export const walkInCustomer = z.strictObject({
  servicePointId: z.uuid(),
  agencyId: z.uuid(),
  roomId: z.uuid().optional(),
  customerName: freeText(120).pipe(z.string().min(1)),
});

export const handoverCreate = z
  .strictObject({
    bookingId: z.uuid().optional(),
    walkIn: walkInCustomer.optional(),
    kind: documentKindSchema,
    coverNote: freeText(500).optional(),
    language: languageSchema.optional(),
  })
  .refine((h) => !!h.bookingId !== !!h.walkIn, { message: 'give either bookingId or walkIn', path: ['bookingId'] });
export type HandoverCreate = z.infer<typeof handoverCreate>;

export const handoverPatch = z.strictObject({
  kind: documentKindSchema.optional(),
  coverNote: freeText(500).nullable().optional(),
  language: languageSchema.optional(),
});

export const pageOrder = z.strictObject({ pageIds: z.array(z.uuid()).min(1).max(500) });
export const pageSourceQuery = z.strictObject({ source: z.enum(['upload', 'camera']).default('upload') });
export const pageParams = z.strictObject({ id: z.uuid(), pageId: z.uuid() });
export const contentQuery = z.strictObject({ download: z.enum(['0', '1']).optional() });

export const pageView = z.object({
  id: z.uuid(),
  position: z.number(),
  mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
  pageCount: z.number(),
  byteSize: z.number(),
  source: z.enum(PAGE_SOURCES),
  createdAt: instant,
});
export type PageView = z.infer<typeof pageView>;

export const handoverView = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: handoverStatusSchema,
  source: z.enum(['desk', 'terminal']),
  agencyId: z.uuid(),
  servicePointId: z.uuid(),
  roomId: z.uuid().nullable(),
  bookingId: z.uuid().nullable(),
  kind: documentKindSchema,
  language: languageSchema,
  pageCount: z.number(),
  fileCount: z.number(),
  registeredBy: z.uuid().nullable(),
  createdAt: instant,
  sentAt: instant.nullable(),
  acknowledgedAt: instant.nullable(),
  purgeAt: instant,
  purgedAt: instant.nullable(),
  purgeReason: z.enum(['acknowledged', 'retention', 'erasure']).nullable(),
  /** Personal data and content: present only for those who may read them (the advisor's draft, the agency). */
  customerName: z.string().nullable().optional(),
  coverNote: z.string().nullable().optional(),
  pages: z.array(pageView).optional(),
});
export type HandoverView = z.infer<typeof handoverView>;

export const handoversQuery = z.strictObject({
  servicePointId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  status: z.enum([...HANDOVER_STATUSES, 'open']).optional(),
  bookingId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const handoversResponse = z.object({ handovers: z.array(handoverView) });

export const sendRequest = z.strictObject({}).optional();

export const receiptView = z.object({
  reference: z.string(),
  status: handoverStatusSchema,
  language: languageSchema,
  kind: documentKindSchema,
  pageCount: z.number(),
  fileCount: z.number(),
  customerName: z.string().nullable(),
  customerEmail: z.string().nullable(),
  bookingReference: z.string().nullable(),
  agency: localizedTextSchema,
  servicePoint: z.object({ name: localizedTextSchema, streetAddress: localizedTextSchema, postalCode: z.string(), city: localizedTextSchema, phone: z.string(), timeZone: z.string() }),
  room: localizedTextSchema.nullable(),
  receivedAt: instant,
  sentAt: instant.nullable(),
  purgeAt: instant,
});
export type ReceiptView = z.infer<typeof receiptView>;

export const receiptQuery = z.strictObject({ lang: languageSchema.optional() });
export const receiptEmailRequest = z.strictObject({ email: emailSchema.optional(), language: languageSchema.optional() });
export const receiptEmailResponse = z.object({ sentTo: z.string() });

// Agency API tokens.
export const agencyTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(agencyTokenScopeSchema).min(1).max(AGENCY_TOKEN_SCOPES.length),
});
export const agencyTokenView = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  name: z.string(),
  scopes: z.array(agencyTokenScopeSchema),
  createdAt: instant,
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
});
export type AgencyTokenView = z.infer<typeof agencyTokenView>;
export const agencyTokenCreated = z.object({ token: z.string(), apiToken: agencyTokenView });
export const agencyTokensResponse = z.object({ tokens: z.array(agencyTokenView) });
export const agencyParams = z.strictObject({ agencyId: z.uuid() });

// The agency API (bearer token).
export const agencyDocumentsQuery = z.strictObject({
  status: z.enum(['sent', 'acknowledged', 'purged', 'all']).default('sent'),
  since: instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const agencyPageParams = z.strictObject({ id: z.uuid(), n: z.coerce.number().int().min(1).max(500) });

export const keyRotationResponse = z.object({ agencyId: z.uuid(), version: z.number(), rewrapped: z.number() });

/** The agency admin's notice: unacknowledged documents that will be purged soon. */
export const retentionNotice = z.object({
  agencyId: z.uuid(),
  expiringSoon: z.number(),
  nextPurgeAt: instant.nullable(),
  warnDays: z.number(),
  retentionDays: z.number(),
});
