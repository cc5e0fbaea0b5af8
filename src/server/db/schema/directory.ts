import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, smallint, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Names of public organisations and places are official in both national languages (and English for the UI). */
export type LocalizedText = { fi: string; sv: string; en: string };

export const organisationKind = pgEnum('organisation_kind', ['contractor', 'principal', 'ministry']);

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: organisationKind('kind').notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  /** Per language: Kela / FPA / Kela, Vero / Skatteförvaltningen / Vero (migration 0018; was one text). */
  shortName: jsonb('short_name').$type<LocalizedText>().notNull(),
  businessId: text('business_id'),
  /** The organisation that administers the platform (VM today; law may move it): data, not code. */
  isMainAdmin: boolean('is_main_admin').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Matches an organisation whose short name is `name` in any of its languages, case-insensitively: configuration
 * (OIDC_ORGANISATION) and tests name an organisation by its short name ("Kela" finds Kela / FPA / Kela).
 */
export const shortNameIs = (name: string) =>
  sql`lower(${name}) in (lower(${organisations.shortName}->>'fi'), lower(${organisations.shortName}->>'sv'), lower(${organisations.shortName}->>'en'))`;

export const servicePoints = pgTable('service_points', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  /** Per language: street names are official in both languages in a bilingual municipality (migration 0018). */
  streetAddress: jsonb('street_address').$type<LocalizedText>().notNull(),
  postalCode: text('postal_code').notNull(),
  city: jsonb('city').$type<LocalizedText>().notNull(),
  phone: text('phone').notNull(),
  timeZone: text('time_zone').notNull().default('Europe/Helsinki'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Weekly opening hours in the service point's wall-clock time; ISO weekday 1 = Monday. */
export const openingHours = pgTable(
  'opening_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [index('opening_hours_point_idx').on(t.servicePointId, t.weekday)],
);

export const rooms = pgTable('rooms', {
  id: uuid('id').primaryKey().defaultRandom(),
  servicePointId: uuid('service_point_id').notNull().references(() => servicePoints.id),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A device (the room's kiosk), not a person: it holds a bearer credential bound to one room. */
export const terminals = pgTable(
  'terminals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash'),
    pairingCodeHash: text('pairing_code_hash'),
    pairingExpiresAt: timestamp('pairing_expires_at', { withTimezone: true }),
    pairedAt: timestamp('paired_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('terminals_token_idx').on(t.tokenHash),
    uniqueIndex('terminals_pairing_idx').on(t.pairingCodeHash),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    mfaSecret: text('mfa_secret'),
    mfaEnabled: boolean('mfa_enabled').notNull().default(false),
    /** The last TOTP time step accepted, so a code cannot be replayed. */
    mfaLastStep: integer('mfa_last_step'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    preferredLanguage: text('preferred_language'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`)],
);

export const roleName = pgEnum('role_name', [
  'main-admin',
  'coordinator',
  'auditor',
  'advisor',
  'expert',
  'agency-booker',
  'agency-admin',
  'point-manager',
]);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: roleName('role').notNull(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    servicePointId: uuid('service_point_id').references(() => servicePoints.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_assignments_user_idx').on(t.userId)],
);

/** One-time links: set a password for a new user or after a reset. Only the hash is kept. */
export const passwordTokens = pgTable('password_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Signed in through an OpenID provider ('env' or a provider's id): sign-out also ends the provider's session. */
    identityProvider: text('identity_provider'),
    /** The provider's ID token, sealed: the `id_token_hint` of RP-initiated logout. */
    idTokenSealed: text('id_token_sealed'),
    /** The provider showed multi-factor authentication (amr/acr): the roles' MFA requirement is met for this session. */
    mfaByProvider: boolean('mfa_by_provider').notNull().default(false),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
