import { z } from 'zod';
import { emailSchema, languageSchema, localizedTextSchema, phoneSchema } from './common.js';
import { containsHetu } from './hetu.js';

/**
 * Free text typed by staff: trimmed, bounded, and never holding a personal identity code. The server refuses a
 * code in every request field anyway (http/input-guard.ts); this lets the shared forms say so before sending.
 */
/** The longest texts a booking takes, so the forms can name the limit ("at most 500 characters"). */
export const TEXT_LIMITS = { customerName: 120, note: 500, cancelReason: 300 } as const;

export const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !containsHetu(v), { message: 'must not contain a personal identity code', params: { code: 'personal_id_forbidden' } });

/** Interpreting languages: sign languages, the three Sámi languages, and ISO 639 codes of spoken languages. */
export const SIGN_AND_SAMI_LANGUAGES = ['fse', 'fss', 'se', 'smn', 'sms'] as const;
export const interpretingLanguageSchema = z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 language code');

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });

export const serviceView = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  name: localizedTextSchema,
  durationMinutes: z.number(),
  languages: z.array(z.string()),
  interpretingPossible: z.boolean(),
  active: z.boolean(),
  /** Customers may book it themselves online (public booking page), with its own notice and horizon. */
  onlineBooking: z.boolean(),
  onlineNoticeMinutes: z.number(),
  onlineHorizonDays: z.number(),
});
export type ServiceView = z.infer<typeof serviceView>;

export const serviceInput = z.strictObject({
  agencyId: z.uuid(),
  name: localizedTextSchema,
  durationMinutes: z.number().int().min(10).max(240).multipleOf(5),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1).max(20),
  interpretingPossible: z.boolean().default(true),
  onlineBooking: z.boolean().optional(),
  onlineNoticeMinutes: z.number().int().min(0).max(60 * 24 * 60).optional(),
  onlineHorizonDays: z.number().int().min(1).max(365).optional(),
});
// interpretingPossible again without its default: a default inside .partial() would still apply, and a change that
// does not name it would turn interpreting back on.
export const servicePatch = serviceInput
  .omit({ agencyId: true })
  .partial()
  .extend({ interpretingPossible: z.boolean().optional(), active: z.boolean().optional() });
export const servicesQuery = z.strictObject({ agencyId: z.uuid().optional(), includeInactive: z.enum(['true', 'false']).optional() });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time is HH:MM');
export const weeklyHours = z
  .strictObject({ weekday: z.number().int().min(1).max(7), starts: hhmm, ends: hhmm })
  .refine((h) => h.starts < h.ends, { message: 'starts must be before ends', path: ['ends'] });
export const workingException = z
  .strictObject({ day: isoDate, starts: hhmm.optional(), ends: hhmm.optional(), reason: freeText(200).optional() })
  .refine((e) => (e.starts === undefined) === (e.ends === undefined) && (!e.starts || e.starts < e.ends!), {
    message: 'give both starts and ends (starts first), or neither for a day off',
    path: ['ends'],
  });
export const workingHoursView = z.object({ weekly: z.array(weeklyHours), exceptions: z.array(workingException) });
export const workingHoursInput = z.strictObject({ weekly: z.array(weeklyHours).max(28), exceptions: z.array(workingException).max(366) });
export type WorkingHoursView = z.infer<typeof workingHoursView>;

export const expertView = z.object({ id: z.uuid(), name: z.string(), agencyId: z.uuid() });
export const expertsQuery = z.strictObject({ agencyId: z.uuid().optional() });

export const interpreterView = z.object({ id: z.uuid(), name: z.string(), provider: z.string(), languages: z.array(z.string()), active: z.boolean() });
export const interpreterInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  provider: z.string().trim().min(1).max(120),
  languages: z.array(interpretingLanguageSchema).min(1).max(20),
});
export const interpreterPatch = interpreterInput.partial().extend({ active: z.boolean().optional() });

export const closureView = z.object({ id: z.uuid(), servicePointId: z.uuid(), startsOn: isoDate, endsOn: isoDate, reason: z.string() });
/** Days a service point is closed in a range: a public holiday (named in fi, sv, en) or an admin's closure (its reason). */
export const closedDaysQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'to is before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, { message: 'at most 400 days', path: ['to'] });
export const closedDayView = z.object({ date: isoDate, kind: z.enum(['holiday', 'closure']), name: localizedTextSchema });
export type ClosedDay = z.infer<typeof closedDayView>;

export const closureInput = z
  .strictObject({ startsOn: isoDate, endsOn: isoDate, reason: freeText(200).pipe(z.string().min(1)) })
  .refine((c) => c.startsOn <= c.endsOn, { message: 'endsOn is before startsOn', path: ['endsOn'] });

export const availabilityFields = z.strictObject({
  servicePointId: z.uuid(),
  agencyId: z.uuid(),
  serviceId: z.uuid(),
  from: isoDate,
  to: isoDate,
  interpretingLanguage: interpretingLanguageSchema.optional(),
  expertId: z.uuid().optional(),
});
export const availabilityQuery = availabilityFields.refine((q) => q.from <= q.to, { message: 'to is before from', path: ['to'] });
export const slotView = z.object({ start: instant, end: instant, roomId: z.uuid(), expertId: z.uuid(), interpreterId: z.uuid().optional() });
export type SlotView = z.infer<typeof slotView>;
export const availabilityResponse = z.object({ slots: z.array(slotView) });

export const BOOKING_STATUSES = ['booked', 'checked-in', 'in-meeting', 'completed', 'no-show', 'cancelled'] as const;
/** The channels staff book through; `online` is the customer's own booking (public-booking.ts), never chosen by staff. */
export const STAFF_BOOKING_CHANNELS = ['on-site', 'agency-phone', 'service-point-phone'] as const;
export const BOOKING_CHANNELS = [...STAFF_BOOKING_CHANNELS, 'online'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const customerInput = z.strictObject({
  name: freeText(TEXT_LIMITS.customerName).pipe(z.string().min(1)),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
});

export const createBookingRequest = z.strictObject({
  servicePointId: z.uuid(),
  agencyId: z.uuid(),
  serviceId: z.uuid(),
  start: instant,
  expertId: z.uuid().optional(),
  customer: customerInput,
  language: languageSchema,
  interpretingLanguage: interpretingLanguageSchema.optional(),
  channel: z.enum(STAFF_BOOKING_CHANNELS),
  note: freeText(TEXT_LIMITS.note).optional(),
});
export type CreateBookingRequest = z.infer<typeof createBookingRequest>;

export const moveBookingRequest = z.strictObject({ start: instant, expertId: z.uuid().optional() });
export const cancelBookingRequest = z.strictObject({ reason: freeText(TEXT_LIMITS.cancelReason).pipe(z.string().min(1)) });

/** A booking as its own agency and the service point's advisors see it. */
export const bookingView = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(BOOKING_STATUSES),
  start: instant,
  end: instant,
  servicePointId: z.uuid(),
  roomId: z.uuid(),
  agencyId: z.uuid(),
  serviceId: z.uuid(),
  expertId: z.uuid(),
  interpreterId: z.uuid().optional(),
  interpretingLanguage: z.string().optional(),
  channel: z.enum(BOOKING_CHANNELS),
  walkIn: z.boolean(),
  customer: z.object({ name: z.string(), phone: z.string().optional(), email: z.string().optional() }),
  language: languageSchema,
  note: z.string().optional(),
  cancelReason: z.string().optional(),
  /** The retention purge or an erasure removed the customer's data (docs/privacy.md). */
  customerDataRemoved: z.literal(true).optional(),
  createdAt: instant,
  updatedAt: instant,
});
export type BookingView = z.infer<typeof bookingView>;

/** Another agency's booking of the shared room: only that the room is taken. */
export const busyView = z.object({ id: z.uuid(), busy: z.literal(true), start: instant, end: instant, roomId: z.uuid(), servicePointId: z.uuid() });
export type BusyView = z.infer<typeof busyView>;

export const bookingsQuery = z.strictObject({
  servicePointId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  expertId: z.uuid().optional(),
  from: instant.optional(),
  to: instant.optional(),
  q: z.string().trim().min(2).max(100).optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const bookingsResponse = z.object({ bookings: z.array(bookingView), busy: z.array(busyView) });

export const bookingEventView = z.object({
  at: instant,
  kind: z.string(),
  fromStart: instant.optional(),
  toStart: instant.optional(),
  fromStatus: z.string().optional(),
  toStatus: z.string().optional(),
  /** `released`: the meeting ended early (or the customer did not come); the rest of the slot is free from here. */
  end: instant.optional(),
});
/** `checkInOpensAt`: from when the booking can be checked in (until its end). */
export const bookingDetailResponse = bookingView.extend({ checkInOpensAt: instant, history: z.array(bookingEventView) });

export const walkInView = z.object({
  id: z.uuid(),
  servicePointId: z.uuid(),
  agencyId: z.uuid(),
  serviceId: z.uuid(),
  customerName: z.string(),
  language: languageSchema,
  interpretingLanguage: z.string().optional(),
  status: z.enum(['waiting', 'taken', 'cancelled']),
  bookingId: z.uuid().optional(),
  createdAt: instant,
});
export const walkInInput = z.strictObject({
  servicePointId: z.uuid(),
  agencyId: z.uuid(),
  serviceId: z.uuid(),
  customerName: freeText(120).pipe(z.string().min(1)),
  language: languageSchema,
  interpretingLanguage: interpretingLanguageSchema.optional(),
});
export const walkInsQuery = z.strictObject({ servicePointId: z.uuid().optional(), agencyId: z.uuid().optional() });
