import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { KEYS, invalidateLive } from './queryKeys';
import { type LiveEvent, type LiveState, LiveConnection, type Scope, eventsUrl } from './liveClient';

export type { LiveState, Scope };

const DEBOUNCE_MS = 200;

/** The queries an event makes stale. Events are hints: the re-read decides what this user may see. */
function keysFor(event: LiveEvent): QueryKey[] {
  // A booking's status also moves a room's state on the status board.
  if (event.type === 'booking.changed') return [KEYS.bookings, KEYS.availability, event.id ? [...KEYS.booking, event.id] : KEYS.booking, [...KEYS.assistance, 'status']];
  if (event.type === 'walk_in.changed') return [KEYS.walkIns, KEYS.bookings];
  if (/^(call|identity_check|incident|terminal)\./.test(event.type)) return [KEYS.assistance];
  return [];
}

export type LiveOptions = {
  /** A kiosk's device token: sent as a WebSocket subprotocol (never in the URL) instead of the session cookie. */
  deviceToken?: string;
};

/** The subprotocols a kiosk offers: the server answers with the first and reads the token from the second. */
export const deviceProtocols = (token: string) => ['etapiste.events.v1', `bearer.${token}`];

/** What a screen does with one connection's news: made afresh for each connection, `dispose` when it ends. */
export type LiveHandlers = { onEvent(event: LiveEvent): void; onResync(): void; dispose?(): void };

/**
 * One LiveConnection to GET /api/events for the screen's scopes while `enabled`: reconnects at once when the
 * network comes back or the tab becomes visible, and starts afresh when the scopes, the device token or `renew`
 * change.
 */
export function useLiveConnection(scopes: Scope[], options: LiveOptions & { enabled?: boolean; renew?: unknown }, handlers: () => LiveHandlers): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const makeHandlers = useRef(handlers);
  useEffect(() => {
    makeHandlers.current = handlers;
  });
  const scopeKey = JSON.stringify(scopes);
  const { enabled = true, deviceToken, renew } = options;

  useEffect(() => {
    if (!enabled) return;
    const on = makeHandlers.current();
    const connection = new LiveConnection({
      url: eventsUrl(window.location),
      scopes: JSON.parse(scopeKey) as Scope[],
      onState: setState,
      onResync: () => on.onResync(),
      onEvent: (event) => on.onEvent(event),
      ...(deviceToken ? { createSocket: (url: string) => new WebSocket(url, deviceProtocols(deviceToken)) } : {}),
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
      on.dispose?.();
      connection.stop();
    };
  }, [scopeKey, enabled, deviceToken, renew]);

  return state;
}

/**
 * Keeps the screen's scheduling and assistance queries fresh from GET /api/events: subscribes to the scopes,
 * invalidates the matching TanStack queries on events (bursts coalesced), and re-reads everything after each
 * (re)connection.
 */
export function useLiveEvents(scopes: Scope[], enabled = true, options: LiveOptions = {}): LiveState {
  const client = useQueryClient();
  return useLiveConnection(scopes, { enabled, deviceToken: options.deviceToken, renew: client }, () => {
    let pending = new Map<string, QueryKey>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const keys = [...pending.values()];
      pending = new Map();
      for (const queryKey of keys) void client.invalidateQueries({ queryKey });
    };
    return {
      onResync: () => void invalidateLive(client),
      onEvent: (event) => {
        for (const key of keysFor(event)) pending.set(JSON.stringify(key), key);
        timer ??= setTimeout(flush, DEBOUNCE_MS);
      },
      dispose: () => clearTimeout(timer),
    };
  });
}
