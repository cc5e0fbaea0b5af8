import type { QueryClient } from '@tanstack/react-query';

/** Prefixes of the scheduling queries; live events invalidate by these. */
export const KEYS = {
  bookings: ['bookings'] as const,
  booking: ['booking'] as const,
  availability: ['availability'] as const,
  walkIns: ['walk-ins'] as const,
};

/** After any change: what the calendar, the lists, the free times and the queue show may all have moved. */
export function invalidateScheduling(client: QueryClient) {
  return Promise.all([KEYS.bookings, KEYS.booking, KEYS.availability, KEYS.walkIns].map((queryKey) => client.invalidateQueries({ queryKey })));
}
