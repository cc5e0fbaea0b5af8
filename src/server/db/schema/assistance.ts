import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, rooms, servicePoints, terminals, users } from './directory.js';
import { bookings } from './scheduling.js';

/**
 * A room's wireless call button (kutsunappi): a device with a bearer secret, like a terminal, but it can only
 * press. Only the token's SHA-256 is kept; the token is shown to the main admin once.
 */
export const callButtons = pgTable(
  'call_buttons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastPressedAt: timestamp('last_pressed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('call_buttons_token_idx').on(t.tokenHash), index('call_buttons_room_idx').on(t.roomId)],
);

export const callSource = pgEnum('call_source', ['button', 'terminal']);
export const callStatus = pgEnum('call_status', ['open', 'acknowledged', 'closed']);

/**
 * A customer calling an advisor into the room: a row first, an event second, so a desk that reconnects (or a
 * restarted server) still shows every unacknowledged call. open → acknowledged → closed; at most one open call
 * per room (further presses join it), which the partial unique index enforces even for simultaneous presses.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    source: callSource('source').notNull(),
    buttonId: uuid('button_id').references(() => callButtons.id),
    terminalId: uuid('terminal_id').references(() => terminals.id),
    status: callStatus('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Further presses that joined this call. */
    repeatCount: integer('repeat_count').notNull().default(0),
    lastPressAt: timestamp('last_press_at', { withTimezone: true }).notNull().defaultNow(),
    /** Alerts sent to the desks: the first, then one per repeat interval while nobody acknowledges. */
    alertCount: integer('alert_count').notNull().default(1),
    lastAlertAt: timestamp('last_alert_at', { withTimezone: true }).notNull().defaultNow(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calls_one_open_per_room_idx').on(t.roomId).where(sql`status = 'open'`),
    index('calls_point_idx').on(t.servicePointId, t.status, t.createdAt),
    check('calls_acknowledged_check', sql`status <> 'acknowledged' OR (acknowledged_at IS NOT NULL AND acknowledged_by IS NOT NULL)`),
    check('calls_closed_check', sql`status <> 'closed' OR closed_at IS NOT NULL`),
  ],
);

export const identityCheckStatus = pgEnum('identity_check_status', ['requested', 'acknowledged', 'completed', 'cancelled']);
export const identityDocumentType = pgEnum('identity_document_type', ['passport', 'identity-card', 'driving-licence', 'residence-permit-card', 'other']);

/**
 * An expert's request that an advisor check the customer's identity document in the room, and its result. By
 * design there is no column for a document number, a henkilötunnus or any free text: only what the expert needs.
 */
export const identityChecks = pgTable(
  'identity_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id').notNull().references(() => bookings.id, { onDelete: 'cascade' }),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    agencyId: uuid('agency_id').notNull().references(() => organisations.id),
    requestedBy: uuid('requested_by').notNull().references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    status: identityCheckStatus('status').notNull().default('requested'),
    alertCount: integer('alert_count').notNull().default(1),
    lastAlertAt: timestamp('last_alert_at', { withTimezone: true }).notNull().defaultNow(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    verified: boolean('verified'),
    documentType: identityDocumentType('document_type'),
    photoMatched: boolean('photo_matched'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** The retention purge clears the document type and photo match; that the check happened, and its outcome, stay. */
    customerDataRemovedAt: timestamp('customer_data_removed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('identity_checks_one_open_per_booking_idx').on(t.bookingId).where(sql`status IN ('requested', 'acknowledged')`),
    index('identity_checks_point_idx').on(t.servicePointId, t.status),
    index('identity_checks_booking_idx').on(t.bookingId, t.requestedAt),
    check('identity_checks_result_check', sql`status <> 'completed' OR (verified IS NOT NULL AND completed_at IS NOT NULL AND completed_by IS NOT NULL)`),
    check('identity_checks_verified_check', sql`verified IS NOT TRUE OR customer_data_removed_at IS NOT NULL OR (document_type IS NOT NULL AND photo_matched IS TRUE)`),
  ],
);

export const incidentCategory = pgEnum('incident_category', ['video', 'audio', 'network', 'terminal', 'document-camera', 'other']);
export const incidentStatus = pgEnum('incident_status', ['open', 'resolved']);

/** A disruption (häiriötilanne) in a room, during a meeting or not: open → resolved. */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    /** The booking's agency, when tied to a meeting: that agency's experts see the incident. */
    agencyId: uuid('agency_id').references(() => organisations.id),
    category: incidentCategory('category').notNull(),
    description: text('description'),
    status: incidentStatus('status').notNull().default('open'),
    reportedBy: uuid('reported_by').notNull().references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('incidents_point_idx').on(t.servicePointId, t.status, t.reportedAt),
    index('incidents_booking_idx').on(t.bookingId),
    check('incidents_resolved_check', sql`status <> 'resolved' OR resolved_at IS NOT NULL`),
    check('incidents_description_check', sql`char_length(description) <= 500`),
  ],
);

/** The latest heartbeat of a terminal: which devices it has; offlineAnnouncedAt makes "went offline" one event. */
export const terminalHeartbeats = pgTable('terminal_heartbeats', {
  terminalId: uuid('terminal_id')
    .primaryKey()
    .references(() => terminals.id, { onDelete: 'cascade' }),
  camera: boolean('camera').notNull(),
  microphone: boolean('microphone').notNull(),
  documentCamera: boolean('document_camera').notNull(),
  reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  offlineAnnouncedAt: timestamp('offline_announced_at', { withTimezone: true }),
});
