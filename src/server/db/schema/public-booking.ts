import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bookings } from './scheduling.js';

/**
 * The customer's manage link of an online booking. The token itself is never stored: it is an HMAC (under a key
 * derived from the master key, `key_id` names which) of the booking id and `nonce`, so the server can put it into
 * every later message, and a lookup goes by its SHA-256 (`token_hash`). `client_key` is an HMAC of the client address
 * that booked (the per-address limit counts it), never the address. `revoked_at`: the link died (cancellation).
 */
export const publicBookingLinks = pgTable(
  'public_booking_links',
  {
    bookingId: uuid('booking_id')
      .primaryKey()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    nonce: text('nonce').notNull(),
    keyId: text('key_id').notNull(),
    clientKey: text('client_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('public_booking_links_client_idx').on(t.clientKey, t.createdAt)],
);
