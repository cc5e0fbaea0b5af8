import { type SocketLike, ReconnectingSocket, jitteredDelay, socketOrigin } from './reconnectingSocket';

/**
 * One WebSocket to GET /api/events that stays up: subscribes to the screen's scopes, reconnects with exponential
 * back-off and jitter, notices a silent network loss by application pings, and stops for good on 4401/4403
 * (the session ended; the app sends the person to sign in). See docs/realtime.md.
 */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'stopped';
export type Scope = { servicePointId?: string; agencyId?: string };
export type LiveEvent = { type: string; id?: string; servicePointId?: string; agencyId?: string; at?: string };

export type LiveOptions = {
  url: string;
  scopes: Scope[];
  onEvent(event: LiveEvent): void;
  /** Everything on screen may be stale: after each (re)subscription and on the server's `resync`. */
  onResync(): void;
  onState(state: LiveState): void;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
  pingEveryMs?: number;
  pongTimeoutMs?: number;
};

/** 0.5 s doubling to 30 s, ±50 %: after a deploy every screen reconnects, but not all in the same instant. */
const BACKOFF = { baseMs: 500, maxMs: 30_000, spread: 0.5 };

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return jitteredDelay(attempt, BACKOFF, random);
}

/** ws://host/api/events on http, wss:// on https: the page's own origin, so the session cookie goes along. */
export function eventsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${socketOrigin(location)}/api/events`;
}

type Message = Record<string, unknown>;

export class LiveConnection {
  private readonly socket: ReconnectingSocket<Message>;
  private pending = 0;
  private state: LiveState = 'connecting';

  constructor(private readonly opts: LiveOptions) {
    this.socket = new ReconnectingSocket<Message>({
      url: opts.url,
      createSocket: opts.createSocket,
      finalCodes: [4401, 4403],
      backoff: BACKOFF,
      random: opts.random,
      ping: (n) => ({ ping: n }),
      pingEveryMs: opts.pingEveryMs ?? 30_000,
      pongTimeoutMs: opts.pongTimeoutMs ?? 10_000,
      isWelcome: (message) => 'welcome' in message,
      isPong: (message) => 'pong' in message,
      onMessage: (message) => this.receive(message),
      onReconnecting: () => this.setState('reconnecting'),
      onFinal: () => this.setState('stopped'),
    });
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
  }

  /** Reconnect now instead of waiting out the back-off (the network came back, the tab became visible). */
  nudge(): void {
    this.socket.nudge();
  }

  private setState(state: LiveState) {
    if (this.state === state) return;
    this.state = state;
    this.opts.onState(state);
  }

  private receive(message: Message) {
    if ('welcome' in message) {
      this.pending = this.opts.scopes.length;
      for (const scope of this.opts.scopes) this.socket.send({ subscribe: scope });
      if (this.pending === 0) this.becomeLive();
    } else if ('subscribed' in message) {
      if (--this.pending === 0) this.becomeLive();
    } else if ('event' in message) {
      this.opts.onEvent(message.event as LiveEvent);
    } else if ('resync' in message) {
      this.opts.onResync();
    }
  }

  /** Subscribed: events from now on arrive, so read once what may have changed while away. */
  private becomeLive() {
    this.setState('live');
    this.opts.onResync();
  }
}
