import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ClaimCategory, MonthState, SuggestionSource, TimeTask } from '../../../shared/time-reports.js';
import { agreements } from './agreements.js';
import { organisations, servicePoints, users } from './directory.js';
import { bytea } from './types.js';

/**
 * An advisor's time on a remote-service task (docs/time-reports.md). No customer data: the note is staff text checked
 * for identity codes and customer names. An entry accepted from a suggestion names its source, and the unique
 * index makes sure that source is counted once. An adjustment corrects an entry of an approved month.
 */
export const timeEntries = pgTable(
  'time_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    date: date('date').notNull(),
    minutes: integer('minutes').notNull(),
    task: text('task').$type<TimeTask>().notNull(),
    agencyId: uuid('agency_id').references(() => organisations.id),
    note: text('note'),
    sourceKind: text('source_kind').$type<SuggestionSource>(),
    sourceId: uuid('source_id'),
    adjustsEntryId: uuid('adjusts_entry_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('time_entries_source_idx').on(t.sourceKind, t.sourceId),
    index('time_entries_user_date_idx').on(t.userId, t.date),
    index('time_entries_point_date_idx').on(t.servicePointId, t.date),
    index('time_entries_agency_date_idx').on(t.agencyId, t.date),
    check('time_entries_minutes_check', sql`minutes <> 0 AND minutes BETWEEN -1440 AND 1440 AND (minutes > 0 OR adjusts_entry_id IS NOT NULL)`),
    check('time_entries_source_check', sql`(source_kind IS NULL) = (source_id IS NULL)`),
    check('time_entries_note_check', sql`char_length(note) <= 500`),
  ],
);

/** A suggestion the advisor discarded: it is not offered again. */
export const timeSuggestionDismissals = pgTable(
  'time_suggestion_dismissals',
  {
    sourceKind: text('source_kind').$type<SuggestionSource>().notNull(),
    sourceId: uuid('source_id').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sourceKind, t.sourceId] })],
);

/**
 * A service point's month: open → submitted (locked) → approved, or returned with a comment (unlocked again).
 * A missing row is an open month.
 */
export const timeReportMonths = pgTable(
  'time_report_months',
  {
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    month: text('month').notNull(),
    status: text('status').$type<MonthState>().notNull().default('open'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.servicePointId, t.month] }), check('time_report_months_month_check', sql`month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);

/** A cost claim against an agreement's categories (§8), with its receipt; VM approves or rejects it. */
export const costClaims = pgTable(
  'cost_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    category: text('category').$type<ClaimCategory>().notNull(),
    amountCents: integer('amount_cents').notNull(),
    date: date('date').notNull(),
    description: text('description').notNull(),
    status: text('status').$type<'pending' | 'approved' | 'rejected'>().notNull().default('pending'),
    receipt: bytea('receipt'),
    receiptMediaType: text('receipt_media_type'),
    receiptSizeBytes: integer('receipt_size_bytes'),
    receiptSha256: text('receipt_sha256'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
  },
  (t) => [index('cost_claims_agreement_idx').on(t.agreementId, t.category, t.status), check('cost_claims_amount_check', sql`amount_cents > 0`)],
);
