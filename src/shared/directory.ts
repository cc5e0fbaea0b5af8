import { z } from 'zod';
import { localizedTextSchema, secret } from './common.js';

export const ORGANISATION_KINDS = ['contractor', 'principal', 'ministry'] as const;

export const organisationView = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANISATION_KINDS),
  name: localizedTextSchema,
  /** Per language (Kela / FPA / Kela); readers pick the user's language and fall back to fi. */
  shortName: localizedTextSchema,
  businessId: z.string().optional(),
  isMainAdmin: z.boolean(),
});
export type OrganisationView = z.infer<typeof organisationView>;

const businessIdSchema = z
  .string()
  .trim()
  .regex(/^\d{7}-\d$/, 'business id is 1234567-8');

/** A short name in fi, sv and en (each 1–40 characters): Kela / FPA / Kela. */
export const localizedShortNameSchema = z.strictObject({
  fi: z.string().trim().min(1).max(40),
  sv: z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(40),
});

export const organisationInput = z.strictObject({
  kind: z.enum(ORGANISATION_KINDS),
  name: localizedTextSchema,
  shortName: localizedShortNameSchema,
  businessId: businessIdSchema.optional(),
});
/** null clears the business id. */
export const organisationPatch = organisationInput.partial().extend({ businessId: businessIdSchema.nullable().optional() });
export const organisationListQuery = z.strictObject({ kind: z.enum(ORGANISATION_KINDS).optional() });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time is HH:MM');

export const openingHoursEntry = z
  .strictObject({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })
  .refine((h) => h.opens < h.closes, { message: 'opens must be before closes', path: ['closes'] });
export type OpeningHoursEntry = z.infer<typeof openingHoursEntry>;

export const terminalView = z.object({
  id: z.uuid(),
  roomId: z.uuid(),
  name: z.string(),
  status: z.enum(['pairing', 'paired', 'revoked']),
  pairingExpiresAt: z.string().optional(),
  pairedAt: z.string().optional(),
  lastSeenAt: z.string().optional(),
});
export type TerminalView = z.infer<typeof terminalView>;

export const roomView = z.object({
  id: z.uuid(),
  servicePointId: z.uuid(),
  name: localizedTextSchema,
  active: z.boolean(),
  /** Present for roles that manage devices only. */
  terminals: z.array(terminalView).optional(),
});
export type RoomView = z.infer<typeof roomView>;

export const servicePointView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: localizedTextSchema,
  /** Per language: street names are official in both languages in a bilingual municipality. */
  streetAddress: localizedTextSchema,
  postalCode: z.string(),
  city: localizedTextSchema,
  phone: z.string(),
  timeZone: z.string(),
  active: z.boolean(),
  openingHours: z.array(openingHoursEntry),
  rooms: z.array(roomView),
});
export type ServicePointView = z.infer<typeof servicePointView>;

/** An IANA zone name the runtime knows (Intl throws on unknown zones), written in its canonical form. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat(undefined, { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'unknown time zone' },
  )
  .transform((tz) => new Intl.DateTimeFormat(undefined, { timeZone: tz }).resolvedOptions().timeZone);

/** A week of opening hours: at most three periods a day, none overlapping another on the same weekday. */
export const openingHoursWeek = z
  .array(openingHoursEntry)
  .max(21)
  .refine(
    (week) => week.every((a, i) => week.every((b, j) => i === j || a.weekday !== b.weekday || a.closes <= b.opens || b.closes <= a.opens)),
    { message: 'opening hours overlap on the same weekday' },
  );

const servicePointFields = {
  organisationId: z.uuid(),
  name: localizedTextSchema,
  streetAddress: localizedTextSchema,
  postalCode: z.string().trim().regex(/^\d{5}$/, 'postal code is five digits'),
  city: localizedTextSchema,
  phone: z.string().trim().min(5).max(32),
};
export const servicePointInput = z.strictObject({
  ...servicePointFields,
  timeZone: timeZoneSchema.default('Europe/Helsinki'),
  openingHours: openingHoursWeek.default([]),
});
/** Only the fields given change (no defaults here); openingHours, when given, replaces the whole week. */
export const servicePointPatch = z.strictObject({
  ...servicePointFields,
  timeZone: timeZoneSchema,
  openingHours: openingHoursWeek,
  active: z.boolean(),
}).partial();

export const roomInput = z.strictObject({ name: localizedTextSchema });
export const roomPatch = z.strictObject({ name: localizedTextSchema.optional(), active: z.boolean().optional() });

export const terminalInput = z.strictObject({ name: z.string().trim().min(1).max(80) });
export const pairingCodeResponse = z.object({ terminal: terminalView, pairingCode: z.string(), expiresAt: z.string() });

export const pairRequest = z.strictObject({ code: secret(z.string().trim().min(6).max(20)) });
export const terminalSelf = z.object({
  terminalId: z.uuid(),
  name: z.string(),
  room: z.object({ id: z.uuid(), name: localizedTextSchema }),
  servicePoint: z.object({ id: z.uuid(), name: localizedTextSchema, phone: z.string() }),
});
export type TerminalSelf = z.infer<typeof terminalSelf>;
export const pairResponse = z.object({ token: z.string(), terminal: terminalSelf });
