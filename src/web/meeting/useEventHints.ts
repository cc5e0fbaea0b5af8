import { useEffect, useRef, useState } from 'react';
import { type LiveEvent, type LiveState, LiveConnection, type Scope, eventsUrl } from '../realtime/liveClient';

/**
 * Listens to GET /api/events for the given event types and calls `onHint` (bursts coalesced) and after every
 * (re)connection, so the screen re-reads what it shows. A kiosk passes its device token as a subprotocol.
 */
export function useEventHints(opts: { scopes: Scope[]; types: string[]; onHint(): void; enabled?: boolean; deviceToken?: string }): LiveState {
  const { enabled = true, deviceToken } = opts;
  const [state, setState] = useState<LiveState>('connecting');
  const onHint = useRef(opts.onHint);
  useEffect(() => {
    onHint.current = opts.onHint;
  });
  const scopeKey = JSON.stringify(opts.scopes);
  const typeKey = opts.types.join(',');

  useEffect(() => {
    if (!enabled) return;
    const types = new Set(typeKey.split(','));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hint = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        onHint.current();
      }, 150);
    };
    const connection = new LiveConnection({
      url: eventsUrl(window.location),
      scopes: JSON.parse(scopeKey) as Scope[],
      onState: setState,
      onResync: hint,
      onEvent: (event: LiveEvent) => {
        if (types.has(event.type)) hint();
      },
      ...(deviceToken ? { createSocket: (url: string) => new WebSocket(url, ['etapiste.events.v1', `bearer.${deviceToken}`]) } : {}),
    });
    const nudge = () => {
      if (document.visibilityState === 'visible') connection.nudge();
    };
    window.addEventListener('online', nudge);
    document.addEventListener('visibilitychange', nudge);
    connection.start();
    return () => {
      window.removeEventListener('online', nudge);
      document.removeEventListener('visibilitychange', nudge);
      clearTimeout(timer);
      connection.stop();
    };
  }, [scopeKey, typeKey, enabled, deviceToken]);

  return state;
}
