import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './directory.js';

/**
 * An organisation's OpenID Connect provider, configured by the main admin (docs/oidc.md). The client secret is
 * sealed at rest under a key derived from the master key; the rest is not secret. A provider configured by
 * environment variables (OIDC_*) is not a row.
 */
export const identityProviders = pgTable('identity_providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Shown on the sign-in button beside "Sign in with your organisation account". */
  name: text('name').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed'),
  /** The organisations whose accounts this provider may sign in. */
  organisationIds: jsonb('organisation_ids').$type<string[]>().notNull().default([]),
  /** E-mail domains accepted from the provider; empty means any domain of a matching account. */
  emailDomains: jsonb('email_domains').$type<string[]>().notNull().default([]),
  /** Whether a verified e-mail with no account creates one (with no role) in the provider's organisation. */
  allowCreate: boolean('allow_create').notNull().default(false),
  /** Optional: the claim naming the user's groups, and which group grants which agency role. */
  groupClaim: text('group_claim'),
  groupRoles: jsonb('group_roles').$type<Record<string, string>>().notNull().default({}),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A provider's subject linked to an Etäpiste account: (issuer, sub) is the identity OpenID Connect guarantees. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('user_identities_subject_idx').on(t.issuer, t.subject), index('user_identities_user_idx').on(t.userId)],
);
