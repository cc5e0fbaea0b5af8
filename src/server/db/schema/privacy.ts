import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './directory.js';

/**
 * Each principal agency is the controller of its customers' data (docs/privacy.md): its own retention of customer
 * data (null: CUSTOMER_DATA_RETENTION_DAYS) and the parts of its record of processing that people write. The facts
 * the system enforces (retention, document purge, where data lives) are not stored here: they are read from the
 * configuration when the record is shown.
 */
export const agencyPrivacy = pgTable(
  'agency_privacy',
  {
    agencyId: uuid('agency_id')
      .primaryKey()
      .references(() => organisations.id),
    retentionDays: integer('retention_days'),
    purposes: text('purposes').notNull().default(''),
    dataCategories: text('data_categories').notNull().default(''),
    recipients: text('recipients').notNull().default(''),
    controllerContact: text('controller_contact').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    check('agency_privacy_retention_check', sql`retention_days BETWEEN 1 AND 730`),
    check(
      'agency_privacy_text_check',
      sql`char_length(purposes) <= 4000 AND char_length(data_categories) <= 4000 AND char_length(recipients) <= 4000 AND char_length(controller_contact) <= 1000`,
    ),
  ],
);
