import { useEffect, useRef } from 'react';
import { type LiveState, type Scope, useLiveConnection } from '../realtime/useLiveEvents';

/**
 * Listens to GET /api/events for the given event types and calls `onHint` (bursts coalesced) and after every
 * (re)connection, so the screen re-reads what it shows. A kiosk passes its device token as a subprotocol.
 */
export function useEventHints(opts: { scopes: Scope[]; types: string[]; onHint(): void; enabled?: boolean; deviceToken?: string }): LiveState {
  const onHint = useRef(opts.onHint);
  useEffect(() => {
    onHint.current = opts.onHint;
  });
  const typeKey = opts.types.join(',');
  return useLiveConnection(opts.scopes, { enabled: opts.enabled, deviceToken: opts.deviceToken, renew: typeKey }, () => {
    const types = new Set(typeKey.split(','));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hint = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        onHint.current();
      }, 150);
    };
    return {
      onResync: hint,
      onEvent: (event) => {
        if (types.has(event.type)) hint();
      },
      dispose: () => clearTimeout(timer),
    };
  });
}
