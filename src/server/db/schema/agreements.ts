import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AgreementCaps, AgreementTask } from '../../../shared/agreements.js';
import { organisations, users } from './directory.js';
import { bytea } from './types.js';

/**
 * A joint-service agreement (yhteispalvelusopimus). What it says lives in its versions: the first is the agreement
 * as signed, each amendment (§13: in writing) adds a whole new version with its own effective date; none is ever
 * changed, so every earlier version stays readable. docs/agreements.md.
 */
export const agreements = pgTable('agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractorId: uuid('contractor_id').notNull().references(() => organisations.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type PrincipalTerms = { organisationId: string; tasks: AgreementTask[] };

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    description: text('description'),
    title: text('title').notNull(),
    contractorId: uuid('contractor_id').notNull().references(() => organisations.id),
    servicePointIds: uuid('service_point_ids').array().notNull(),
    payerId: uuid('payer_id').notNull().references(() => organisations.id),
    principals: jsonb('principals').$type<PrincipalTerms[]>().notNull(),
    signedOn: date('signed_on'),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    hourlyRateCents: integer('hourly_rate_cents').notNull(),
    caps: jsonb('caps').$type<AgreementCaps>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.version] }), index('agreement_versions_points_idx').using('gin', t.servicePointIds)],
);

/** §14: a party ends its relation with a party that repeatedly neglected the terms; the others go on. */
export const agreementTerminations = pgTable(
  'agreement_terminations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    terminatingOrganisationId: uuid('terminating_organisation_id').notNull().references(() => organisations.id),
    neglectingOrganisationId: uuid('neglecting_organisation_id').notNull().references(() => organisations.id),
    endedOrganisationId: uuid('ended_organisation_id').notNull().references(() => organisations.id),
    reason: text('reason').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [uniqueIndex('agreement_terminations_party_idx').on(t.agreementId, t.endedOrganisationId)],
);

/** §13 registration duties of the contractor: AVI registration and the joint-service register notification. */
export const agreementDuties = pgTable(
  'agreement_duties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    kind: text('kind').$type<'avi-registration' | 'register-notification'>().notNull(),
    trigger: text('trigger').$type<'made' | 'amended' | 'ended'>().notNull(),
    /** The version in force when the duty arose. */
    version: integer('version').notNull(),
    /** What the duty is about, unique per kind: `version:2`, `termination:<id>`, `end`. */
    subject: text('subject').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    note: text('note'),
    doneBy: uuid('done_by').references(() => users.id),
    /** When the overdue reminder went out, so it goes out once. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_duties_unique_idx').on(t.agreementId, t.kind, t.subject)],
);

/** The signed agreement as a PDF (not personal data of customers; the parties' contact persons are public officials). */
export const agreementDocuments = pgTable('agreement_documents', {
  agreementId: uuid('agreement_id')
    .primaryKey()
    .references(() => agreements.id),
  filename: text('filename').notNull(),
  content: bytea('content').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});
