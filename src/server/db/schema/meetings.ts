import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { incidents } from './assistance.js';
import { organisations, rooms, servicePoints, terminals, users } from './directory.js';
import { bookings } from './scheduling.js';

export const meetingStatus = pgEnum('meeting_status', ['open', 'ended']);
export const meetingOutcome = pgEnum('meeting_outcome', ['completed', 'customer-left', 'technical-failure', 'referred-elsewhere']);
export const participantKind = pgEnum('participant_kind', ['expert', 'terminal', 'interpreter', 'guest-expert']);

/**
 * The video meeting of one booking (docs/meetings.md). State lives here, not in a server's memory, so a restart or
 * a second instance does not end it. Nothing of the conversation is stored: no recording, no chat.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id').notNull().references(() => bookings.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull().references(() => organisations.id),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    status: meetingStatus('status').notNull().default('open'),
    openedBy: uuid('opened_by').notNull().references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the expert let the customer (the terminal) in. */
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    outcome: meetingOutcome('outcome'),
    incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    /** The interpreter's link: a random code in the URL and a 6-digit PIN (only its hash). */
    interpreterCode: text('interpreter_code'),
    interpreterPinHash: text('interpreter_pin_hash'),
    interpreterPinFailures: integer('interpreter_pin_failures').notNull().default(0),
    /** The terminal answered the feedback question (the answer itself is in meeting_feedback, unlinked). */
    feedbackGiven: boolean('feedback_given').notNull().default(false),
  },
  (t) => [
    uniqueIndex('meetings_booking_idx').on(t.bookingId),
    uniqueIndex('meetings_interpreter_code_idx').on(t.interpreterCode),
    index('meetings_room_idx').on(t.roomId, t.status),
    check('meetings_ended_check', sql`status <> 'ended' OR (ended_at IS NOT NULL AND outcome IS NOT NULL)`),
  ],
);

/** Who may be in a meeting, and whether they have been let in. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    kind: participantKind('kind').notNull(),
    userId: uuid('user_id').references(() => users.id),
    terminalId: uuid('terminal_id').references(() => terminals.id),
    /** Interpreters: the SHA-256 of the guest token handed out for a correct PIN. */
    guestTokenHash: text('guest_token_hash'),
    invitedBy: uuid('invited_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    leftAt: timestamp('left_at', { withTimezone: true }),
    /** Signalling sockets currently open for this participant (over all instances), and the last sign of life. */
    connections: integer('connections').notNull().default(0),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('meeting_participants_user_idx').on(t.meetingId, t.userId),
    uniqueIndex('meeting_participants_terminal_idx').on(t.meetingId, t.terminalId),
    uniqueIndex('meeting_participants_guest_idx').on(t.guestTokenHash),
    index('meeting_participants_meeting_idx').on(t.meetingId),
    check('meeting_participants_who_check', sql`(kind = 'terminal') = (terminal_id IS NOT NULL) AND (kind IN ('expert', 'guest-expert')) = (user_id IS NOT NULL)`),
  ],
);

/** The customer's five-face answer, deliberately not linked to the meeting or the booking. */
export const meetingFeedback = pgTable(
  'meeting_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => organisations.id),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
    givenOn: date('given_on').notNull(),
    score: smallint('score').notNull(),
  },
  (t) => [index('meeting_feedback_agency_idx').on(t.agencyId, t.givenOn), check('meeting_feedback_score_check', sql`score BETWEEN 1 AND 5`)],
);
