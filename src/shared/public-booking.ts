import { z } from 'zod';
import { emailSchema, languageSchema, localizedTextSchema, phoneSchema, secret } from './common.js';
import { servicePointView } from './directory.js';
import { BOOKING_STATUSES, availabilityFields, freeText, interpretingLanguageSchema } from './scheduling.js';

/** The customer's own booking (docs/public-booking.md): requests and answers of `/api/public/*`, shared with the web page. */
const instant = z.iso.datetime({ offset: true });

/** What anyone may know of a service point: its name, address, phone and zone (no rooms, no organisation). */
export const publicServicePointView = servicePointView.pick({ id: true, name: true, streetAddress: true, postalCode: true, city: true, phone: true, timeZone: true });
export type PublicServicePointView = z.infer<typeof publicServicePointView>;

export const publicServicesQuery = z.strictObject({ servicePointId: z.uuid() });
export const publicServiceView = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: localizedTextSchema,
  name: localizedTextSchema,
  durationMinutes: z.number(),
  languages: z.array(z.string()),
  interpretingPossible: z.boolean(),
  /** The earliest and latest start the customer may book, from now (the service's own notice and horizon). */
  noticeMinutes: z.number(),
  horizonDays: z.number(),
});
export type PublicServiceView = z.infer<typeof publicServiceView>;

/** The advisors' availability question without naming an expert. */
export const publicAvailabilityQuery = availabilityFields.omit({ expertId: true }).refine((q) => q.from <= q.to, { message: 'to is before from', path: ['to'] });
/** Free start times only: which room or expert would serve is nobody's business on the public page. */
export const publicSlotView = z.object({ start: instant, end: instant });
export const publicAvailabilityResponse = z.object({ slots: z.array(publicSlotView) });

/** A name, and a phone number or an e-mail address (or both): the least that lets the service point reach the customer. */
export const publicCustomerInput = z
  .strictObject({
    name: freeText(120).pipe(z.string().min(1)),
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
  })
  .refine((c) => !!c.phone || !!c.email, { message: 'give a phone number or an e-mail address', path: ['phone'], params: { code: 'public_booking.contact_required' } });

export const publicBookingRequest = z.strictObject({
  servicePointId: z.uuid(),
  agencyId: z.uuid(),
  serviceId: z.uuid(),
  start: instant,
  customer: publicCustomerInput,
  language: languageSchema,
  interpretingLanguage: interpretingLanguageSchema.optional(),
});
export type PublicBookingRequest = z.infer<typeof publicBookingRequest>;

export const publicBookingCreated = z.object({ reference: z.string(), start: instant, end: instant, manageUrl: z.string(), token: z.string() });
export type PublicBookingCreated = z.infer<typeof publicBookingCreated>;

/** The manage link's token: 43 base64url characters (256 bits). A credential, so the input guard does not read it. */
export const manageTokenParams = z.strictObject({ token: secret(z.string().max(100)) });

/**
 * What the manage link shows: never the phone number or the e-mail address (a forwarded link must not leak them),
 * of the name only the first name.
 */
export const publicBookingView = z.object({
  reference: z.string(),
  status: z.enum(BOOKING_STATUSES),
  start: instant,
  end: instant,
  firstName: z.string(),
  servicePointId: z.uuid(),
  agencyId: z.uuid(),
  serviceId: z.uuid(),
  agencyName: localizedTextSchema,
  serviceName: localizedTextSchema,
  servicePoint: publicServicePointView,
  language: languageSchema,
  interpretingLanguage: z.string().optional(),
  /** Moving and cancelling are possible until this instant (the cut-off before the start). */
  changeableUntil: instant,
  changeable: z.boolean(),
});
export type PublicBookingView = z.infer<typeof publicBookingView>;

export const publicMoveRequest = z.strictObject({ start: instant });

export { BOOKING_PATHS, MANAGE_PATHS } from './public-booking-paths.js';
