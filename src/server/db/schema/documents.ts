import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, rooms, servicePoints, users } from './directory.js';
import { bookings } from './scheduling.js';
import { bytea } from './types.js';

/**
 * One key per agency that wraps the data keys of its documents; itself wrapped by the master key from configuration
 * (`DOCUMENT_MASTER_KEY`). `masterKeyId` names the master key that wrapped it (a fingerprint, never the key), so a
 * master-key rotation knows which rows are still to rewrap. Rotation of the agency key bumps `version`.
 */
export const agencyDocumentKeys = pgTable('agency_document_keys', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => organisations.id),
  version: integer('version').notNull().default(1),
  wrappedKey: bytea('wrapped_key').notNull(),
  masterKeyId: text('master_key_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  rotatedAt: timestamp('rotated_at', { withTimezone: true }),
});

export const documentKind = pgEnum('document_kind', ['application', 'attachment', 'certificate', 'identity-document-copy', 'letter', 'other']);
export const handoverStatus = pgEnum('document_handover_status', ['draft', 'sent', 'acknowledged', 'purged']);
export const handoverSource = pgEnum('document_handover_source', ['desk', 'terminal']);
export const purgeReason = pgEnum('document_purge_reason', ['acknowledged', 'retention', 'erasure']);

/**
 * A document handover (asiakirjan vastaanotto ja välitys): what a customer handed over at a service point for one
 * agency. draft (the advisor adds, orders and drops pages) → sent (in the agency's inbox; the advisor can no longer
 * read it) → acknowledged → purged (content and the customer's name gone; this record stays: who registered it,
 * when, where, for which agency, what kind, how many pages, when delivered and acknowledged).
 */
export const documentHandovers = pgTable(
  'document_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short code printed on the customer's receipt. */
    reference: text('reference').notNull(),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => organisations.id),
    servicePointId: uuid('service_point_id')
      .notNull()
      .references(() => servicePoints.id),
    roomId: uuid('room_id').references(() => rooms.id),
    source: handoverSource('source').notNull().default('desk'),
    /** A walk-in customer's name (a booking's customer is read from the booking); null after the purge. */
    customerName: text('customer_name'),
    /** The receipt's language. */
    language: text('language').notNull().default('fi'),
    kind: documentKind('kind').notNull(),
    coverNote: text('cover_note'),
    status: handoverStatus('status').notNull().default('draft'),
    pageCount: integer('page_count').notNull().default(0),
    fileCount: integer('file_count').notNull().default(0),
    /** The data key of this handover's pages, wrapped by the agency key (`agencyKeyVersion`); null after the purge. */
    wrappedDataKey: bytea('wrapped_data_key'),
    agencyKeyVersion: integer('agency_key_version'),
    registeredBy: uuid('registered_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    /** An agency system acknowledged through its API token. */
    acknowledgedByToken: uuid('acknowledged_by_token'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** The content goes at this instant at the latest: retention from creation, sooner after acknowledgement. */
    purgeAt: timestamp('purge_at', { withTimezone: true }).notNull(),
    /** The agency admins were warned that unacknowledged content will be purged. */
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    purgeReason: purgeReason('purge_reason'),
  },
  (t) => [
    uniqueIndex('document_handovers_reference_idx').on(t.reference),
    index('document_handovers_agency_idx').on(t.agencyId, t.status, t.sentAt),
    index('document_handovers_point_idx').on(t.servicePointId, t.status, t.createdAt),
    index('document_handovers_booking_idx').on(t.bookingId),
    index('document_handovers_purge_idx').on(t.purgeAt).where(sql`status <> 'purged'`),
    check('document_handovers_customer_check', sql`booking_id IS NOT NULL OR customer_name IS NOT NULL OR status = 'purged'`),
    check('document_handovers_sent_check', sql`status = 'draft' OR status = 'purged' OR sent_at IS NOT NULL`),
    check('document_handovers_purged_check', sql`status <> 'purged' OR (purged_at IS NOT NULL AND wrapped_data_key IS NULL)`),
    check('document_handovers_note_check', sql`char_length(cover_note) <= 500`),
  ],
);

export const pageSource = pgEnum('document_page_source', ['upload', 'camera', 'terminal']);

/**
 * One file of a handover, in order: a PDF (which may hold many pages), a JPEG or a PNG. `ciphertext` is
 * AES-256-GCM (iv ‖ tag ‖ data) under the handover's data key, bound to the handover and page ids. Rows are deleted
 * by the purge.
 */
export const documentPages = pgTable(
  'document_pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    handoverId: uuid('handover_id')
      .notNull()
      .references(() => documentHandovers.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    mediaType: text('media_type').notNull(),
    /** Pages in this file (1 for an image). */
    pageCount: integer('page_count').notNull(),
    byteSize: integer('byte_size').notNull(),
    source: pageSource('source').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('document_pages_handover_idx').on(t.handoverId, t.position)],
);

/**
 * An agency system's credential for the agency documents API. Only the token's SHA-256 is kept; the token is shown
 * to the agency admin once. Scopes: documents:read, documents:acknowledge.
 */
export const agencyApiTokens = pgTable(
  'agency_api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('agency_api_tokens_hash_idx').on(t.tokenHash), index('agency_api_tokens_agency_idx').on(t.agencyId)],
);
