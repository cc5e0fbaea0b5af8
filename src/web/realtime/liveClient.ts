/**
 * One WebSocket to GET /api/events that stays up: subscribes to the screen's scopes, reconnects with exponential
 * back-off and jitter, notices a silent network loss by application pings, and stops for good on 4401/4403
 * (the session ended; the app sends the person to sign in). See docs/realtime.md.
 */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'stopped';
export type Scope = { servicePointId?: string; agencyId?: string };
export type LiveEvent = { type: string; id?: string; servicePointId?: string; agencyId?: string; at?: string };

type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
};

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

const FINAL_CODES = new Set([4401, 4403]);
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** 0.5 s doubling to 30 s, ±50 %: after a deploy every screen reconnects, but not all in the same instant. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.round(Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.5 + random()));
}

/** ws://host/api/events on http, wss:// on https: the page's own origin, so the session cookie goes along. */
export function eventsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`;
}

export class LiveConnection {
  private socket?: SocketLike;
  private attempt = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private pingTimer?: ReturnType<typeof setInterval>;
  private pongTimer?: ReturnType<typeof setTimeout>;
  private pending = 0;
  private stopped = false;
  private state: LiveState = 'connecting';

  constructor(private readonly opts: LiveOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.drop();
  }

  /** Reconnect now instead of waiting out the back-off (the network came back, the tab became visible). */
  nudge(): void {
    if (this.stopped || this.state === 'stopped' || this.socket) return;
    clearTimeout(this.retryTimer);
    this.connect();
  }

  private setState(state: LiveState) {
    if (this.state === state) return;
    this.state = state;
    this.opts.onState(state);
  }

  private connect() {
    const create = this.opts.createSocket ?? ((url: string) => new WebSocket(url) as SocketLike);
    let socket: SocketLike;
    try {
      socket = create(this.opts.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onmessage = (ev) => this.receive(String(ev.data));
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.drop();
      if (FINAL_CODES.has(ev.code)) this.setState('stopped');
      else this.scheduleRetry();
    };
    socket.onerror = () => undefined; // a close event follows; it decides what to do
  }

  private receive(text: string) {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    if ('welcome' in message) {
      this.attempt = 0;
      this.pending = this.opts.scopes.length;
      for (const scope of this.opts.scopes) this.send({ subscribe: scope });
      if (this.pending === 0) this.becomeLive();
      this.startPings();
    } else if ('subscribed' in message) {
      if (--this.pending === 0) this.becomeLive();
    } else if ('event' in message) {
      this.opts.onEvent(message.event as LiveEvent);
    } else if ('resync' in message) {
      this.opts.onResync();
    } else if ('pong' in message) {
      clearTimeout(this.pongTimer);
      this.pongTimer = undefined;
    }
  }

  /** Subscribed: events from now on arrive, so read once what may have changed while away. */
  private becomeLive() {
    this.setState('live');
    this.opts.onResync();
  }

  private startPings() {
    clearInterval(this.pingTimer);
    let n = 0;
    this.pingTimer = setInterval(() => {
      if (this.pongTimer) return;
      this.send({ ping: ++n });
      this.pongTimer = setTimeout(() => {
        // No answer: the network is gone without a close. Give up on this socket and start again.
        this.drop();
        this.scheduleRetry();
      }, this.opts.pongTimeoutMs ?? 10_000);
    }, this.opts.pingEveryMs ?? 30_000);
  }

  private send(message: unknown) {
    if (this.socket?.readyState === 1) this.socket.send(JSON.stringify(message));
  }

  private drop() {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.pingTimer = undefined;
    this.pongTimer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onmessage = socket.onclose = socket.onerror = socket.onopen = null;
      if (socket.readyState <= 1) socket.close(1000);
    }
  }

  private scheduleRetry() {
    if (this.stopped) return;
    this.setState('reconnecting');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), backoffDelay(this.attempt++, this.opts.random));
  }
}
