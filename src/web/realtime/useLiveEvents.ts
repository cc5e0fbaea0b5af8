import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { KEYS, invalidateScheduling } from './queryKeys';
import { type LiveEvent, type LiveState, LiveConnection, type Scope, eventsUrl } from './liveClient';

export type { LiveState, Scope };

const DEBOUNCE_MS = 200;

/** The queries an event makes stale. Events are hints: the re-read decides what this user may see. */
function keysFor(event: LiveEvent): QueryKey[] {
  if (event.type === 'booking.changed') return [KEYS.bookings, KEYS.availability, event.id ? [...KEYS.booking, event.id] : KEYS.booking];
  if (event.type === 'walk_in.changed') return [KEYS.walkIns, KEYS.bookings];
  return [];
}

/**
 * Keeps the screen's scheduling queries fresh from GET /api/events: subscribes to the scopes, invalidates the
 * matching TanStack queries on events (bursts coalesced), and re-reads everything after each (re)connection.
 */
export function useLiveEvents(scopes: Scope[], enabled = true): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const scopeKey = JSON.stringify(scopes);

  useEffect(() => {
    if (!enabled) return;
    let pending = new Map<string, QueryKey>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const keys = [...pending.values()];
      pending = new Map();
      for (const queryKey of keys) void client.invalidateQueries({ queryKey });
    };
    const connection = new LiveConnection({
      url: eventsUrl(window.location),
      scopes: JSON.parse(scopeKey) as Scope[],
      onState: setState,
      onResync: () => void invalidateScheduling(client),
      onEvent: (event) => {
        for (const key of keysFor(event)) pending.set(JSON.stringify(key), key);
        timer ??= setTimeout(flush, DEBOUNCE_MS);
      },
    });
    const nudge = () => {
      if (document.visibilityState === 'visible') connection.nudge();
    };
    window.addEventListener('online', nudge);
    document.addEventListener('visibilitychange', nudge);
    setState('connecting');
    connection.start();
    return () => {
      window.removeEventListener('online', nudge);
      document.removeEventListener('visibilitychange', nudge);
      clearTimeout(timer);
      connection.stop();
    };
  }, [client, scopeKey, enabled]);

  return state;
}
