import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type LocalizedText, organisations, rooms, servicePoints, users } from './directory.js';

/** What an agency offers remotely: names in three languages, a fixed duration, the languages it is served in. */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => organisations.id),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    languages: text('languages').array().notNull(),
    interpretingPossible: boolean('interpreting_possible').notNull().default(true),
    active: boolean('active').notNull().default(true),
    /** Customers may book it themselves on the public booking page (docs/public-booking.md); off by default. */
    onlineBooking: boolean('online_booking').notNull().default(false),
    /** Online bookings start at least this long after now, and at most this many days ahead. */
    onlineNoticeMinutes: integer('online_notice_minutes').notNull().default(1440),
    onlineHorizonDays: smallint('online_horizon_days').notNull().default(60),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('services_agency_idx').on(t.agencyId)],
);

/** An interpreter of the pool: bookable like a room or an expert, joins meetings by link, has no account. */
export const interpreters = pgTable('interpreters', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  provider: text('provider').notNull(),
  languages: text('languages').array().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const resourceKind = pgEnum('resource_kind', ['expert', 'interpreter']);

/** Weekly working pattern of an expert or interpreter, in Europe/Helsinki wall-clock time; weekday 1 = Monday. */
export const workingHours = pgTable(
  'working_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceKind: resourceKind('resource_kind').notNull(),
    resourceId: uuid('resource_id').notNull(),
    weekday: smallint('weekday').notNull(),
    starts: time('starts').notNull(),
    ends: time('ends').notNull(),
  },
  (t) => [index('working_hours_resource_idx').on(t.resourceKind, t.resourceId)],
);

/** A day that departs from the pattern: off for the whole day (no times) or working the given hours instead. */
export const workingExceptions = pgTable(
  'working_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceKind: resourceKind('resource_kind').notNull(),
    resourceId: uuid('resource_id').notNull(),
    day: date('day').notNull(),
    starts: time('starts'),
    ends: time('ends'),
    reason: text('reason'),
  },
  (t) => [index('working_exceptions_resource_idx').on(t.resourceKind, t.resourceId, t.day)],
);

/** Admin-entered closures of a service point (a day or a range of days), besides public holidays. */
export const closures = pgTable(
  'closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('closures_point_idx').on(t.servicePointId, t.startsOn)],
);

export const bookingStatus = pgEnum('booking_status', ['booked', 'checked-in', 'in-meeting', 'completed', 'no-show', 'cancelled']);
export const bookingChannel = pgEnum('booking_channel', ['on-site', 'agency-phone', 'service-point-phone', 'online']);

/**
 * A booked remote meeting. The database forbids double-booking: exclusion constraints on room, expert and
 * interpreter over the half-open range [starts_at, ends_at) of every non-cancelled booking (custom migration).
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    agencyId: uuid('agency_id').notNull().references(() => organisations.id),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    expertId: uuid('expert_id').notNull().references(() => users.id),
    interpreterId: uuid('interpreter_id').references(() => interpreters.id),
    interpretingLanguage: text('interpreting_language'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: bookingStatus('status').notNull().default('booked'),
    channel: bookingChannel('channel').notNull(),
    walkIn: boolean('walk_in').notNull().default(false),
    /** The customer's name, phone, e-mail, the note and a cancellation reason are cleared by the retention purge. */
    customerName: text('customer_name'),
    customerPhone: text('customer_phone'),
    customerEmail: text('customer_email'),
    language: text('language').notNull(),
    note: text('note'),
    cancelReason: text('cancel_reason'),
    /** When the customer's data was removed (retention purge or a data subject's erasure); the statistics stay. */
    customerDataRemovedAt: timestamp('customer_data_removed_at', { withTimezone: true }),
    /** Incremented on every change that customers are told about; messages carry it so stale ones are skipped. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bookings_reference_idx').on(t.reference),
    check('bookings_customer_check', sql`customer_name IS NOT NULL OR customer_data_removed_at IS NOT NULL`),
    index('bookings_retention_idx').on(t.endsAt).where(sql`customer_data_removed_at IS NULL`),
    index('bookings_point_time_idx').on(t.servicePointId, t.startsAt),
    index('bookings_starts_idx').on(t.startsAt),
    index('bookings_agency_time_idx').on(t.agencyId, t.startsAt),
    index('bookings_expert_time_idx').on(t.expertId, t.startsAt),
  ],
);

export const bookingEvents = pgTable(
  'booking_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id').notNull().references(() => bookings.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    kind: text('kind').notNull(),
    fromStart: timestamp('from_start', { withTimezone: true }),
    toStart: timestamp('to_start', { withTimezone: true }),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('booking_events_booking_idx').on(t.bookingId, t.at)],
);

/** The walk-in queue: customers without a booking waiting for the agency's next free expert. */
export const walkIns = pgTable(
  'walk_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    agencyId: uuid('agency_id').notNull().references(() => organisations.id),
    serviceId: uuid('service_id').notNull().references(() => services.id),
    /** Null once the retention purge or an erasure removed it. */
    customerName: text('customer_name'),
    language: text('language').notNull(),
    interpretingLanguage: text('interpreting_language'),
    status: text('status').notNull().default('waiting'),
    bookingId: uuid('booking_id').references(() => bookings.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    customerDataRemovedAt: timestamp('customer_data_removed_at', { withTimezone: true }),
  },
  (t) => [
    check('walk_ins_customer_check', sql`customer_name IS NOT NULL OR customer_data_removed_at IS NOT NULL`),
    index('walk_ins_queue_idx').on(t.servicePointId, t.agencyId, t.status, t.createdAt),
  ],
);

/**
 * The outbox of customer messages. A row is written in the same transaction as the booking change it tells
 * about, so no acknowledged change loses its message; the unique key is the guard that none goes out twice.
 * status: pending → sending → sent | failed | skipped (stale: the booking changed again before sending).
 */
export const customerMessages = pgTable(
  'customer_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id').notNull().references(() => bookings.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    bookingVersion: integer('booking_version').notNull(),
    status: text('status').notNull().default('pending'),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When a worker claimed the row for sending: a row still 'sending' long after this was interrupted. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('customer_messages_once_idx').on(t.bookingId, t.kind, t.channel, t.bookingVersion),
    index('customer_messages_due_idx').on(t.status, t.sendAfter),
  ],
);
