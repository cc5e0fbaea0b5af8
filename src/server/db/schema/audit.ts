import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. Rows are appended unsealed; a sealer (one at a time, in the database: see the custom
 * migrations 0001 and 0010) numbers them moments later (`seal_seq`) and stores each row's hash over its content and
 * the previous row's hash, so any edit or deletion breaks the chain and shows on verification.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull().default('success'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    organisationId: uuid('organisation_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** Position in the hash chain; null until sealed. */
    sealSeq: bigint('seal_seq', { mode: 'number' }),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    uniqueIndex('audit_events_seal_seq_idx').on(t.sealSeq),
    index('audit_events_unsealed_idx').on(t.id).where(sql`seal_seq IS NULL`),
  ],
);

/**
 * Where the kept chain begins after old rows were removed for retention: `throughSeq` is the last removed row's
 * `seal_seq` and `hash` its hash, so the first row kept must link to it. Append-only (custom migration 0012).
 */
export const auditChainAnchors = pgTable('audit_chain_anchors', {
  throughSeq: bigint('through_seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  /** Rows removed with this anchor, and the cut-off they were older than. */
  removed: integer('removed').notNull(),
  cutoff: timestamp('cutoff', { withTimezone: true }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});
