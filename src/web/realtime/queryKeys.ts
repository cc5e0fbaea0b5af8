import type { QueryClient } from '@tanstack/react-query';

/** Prefixes of the scheduling queries; live events invalidate by these. */
export const KEYS = {
  bookings: ['bookings'] as const,
  booking: ['booking'] as const,
  availability: ['availability'] as const,
  walkIns: ['walk-ins'] as const,
  /** Calls, identity checks, incidents, the status board and the kiosk's call state (docs/assistance.md). */
  assistance: ['assistance'] as const,
};

/** After any change: what the calendar, the lists, the free times and the queue show may all have moved. */
export function invalidateScheduling(client: QueryClient) {
  return Promise.all([KEYS.bookings, KEYS.booking, KEYS.availability, KEYS.walkIns].map((queryKey) => client.invalidateQueries({ queryKey })));
}

/** After (re)connecting or a resync: everything a live screen shows may be stale. */
export function invalidateLive(client: QueryClient) {
  return Promise.all([invalidateScheduling(client), client.invalidateQueries({ queryKey: KEYS.assistance })]);
}
