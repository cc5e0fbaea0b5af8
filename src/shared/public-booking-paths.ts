/**
 * The public booking page's paths in each language, and the manage page's (the token follows it). Without zod, so
 * the sign-in page can link the booking page without loading the schemas.
 */
export const BOOKING_PATHS = { fi: '/ajanvaraus', sv: '/tidsbokning', en: '/booking' } as const;
export const MANAGE_PATHS = { fi: '/ajanvaraus/varaus', sv: '/tidsbokning/bokning', en: '/booking/manage' } as const;
