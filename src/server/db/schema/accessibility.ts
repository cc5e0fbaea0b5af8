import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { StatementContent, FeedbackStatus } from '../../../shared/accessibility.js';
import type { Language } from '../../../shared/common.js';
import { users } from './directory.js';

/**
 * The accessibility statement (306/2019), one row per saved version and language: rows are only added, so the
 * history is every row. The current statement of a language is its highest version.
 */
export const accessibilityStatements = pgTable(
  'accessibility_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    language: text('language').$type<Language>().notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<StatementContent>().notNull(),
    savedBy: uuid('saved_by').references(() => users.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accessibility_statements_version_idx').on(t.language, t.version),
    check('accessibility_statements_language_check', sql`language IN ('fi', 'sv', 'en')`),
    check('accessibility_statements_version_check', sql`version >= 1`),
  ],
);

/**
 * Accessibility feedback from the public form. The law's deadline (`due_at`, 14 days after receipt) is stored, so
 * the inbox and the reminders read one value. The e-mail address is only for the answer.
 */
export const accessibilityFeedback = pgTable(
  'accessibility_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    message: text('message').notNull(),
    email: text('email'),
    page: text('page'),
    language: text('language').$type<Language>(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status').$type<FeedbackStatus>().notNull().default('new'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id),
    answerEmailedAt: timestamp('answer_emailed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    /** When the coordinators were e-mailed about it on day 10 and when it was overdue (each once). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    overdueRemindedAt: timestamp('overdue_reminded_at', { withTimezone: true }),
  },
  (t) => [
    index('accessibility_feedback_status_idx').on(t.status, t.dueAt),
    check('accessibility_feedback_status_check', sql`status IN ('new', 'answered', 'closed')`),
    check('accessibility_feedback_due_check', sql`due_at > received_at`),
    check('accessibility_feedback_answered_check', sql`(status = 'new') = (answered_at IS NULL AND closed_at IS NULL) OR status = 'closed'`),
  ],
);
