/**
 * What the browser's WebSocket clients share (GET /api/events in liveClient.ts, a meeting's signalling in
 * signalClient.ts): one JSON socket at a time from an injectable factory, reconnection with jittered exponential
 * back-off, application pings that notice a silent network loss, and close codes after which it stops for good.
 * The owner says which message is the server's welcome (back-off reset, pings start) and which is a pong.
 */
export type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
};

/** `baseMs` doubling per attempt up to `maxMs`, times 1 ± `spread`; `bounded` keeps the result within base..max. */
export type Backoff = { baseMs: number; maxMs: number; spread: number; bounded?: boolean };

export function jitteredDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const { baseMs, maxMs, spread, bounded } = backoff;
  const delay = Math.min(maxMs, baseMs * 2 ** attempt) * (1 - spread + 2 * spread * random());
  return Math.round(bounded ? Math.max(baseMs, Math.min(maxMs, delay)) : delay);
}

/** ws:// on http, wss:// on https: the page's own origin, so the session cookie goes along. */
export function socketOrigin(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

export type ReconnectingSocketOptions<M> = {
  url: string;
  /** Subprotocols for the default factory (a credential rides here, never in the URL). */
  protocols?: string[];
  createSocket?: (url: string) => SocketLike;
  /** Close codes after which it stops for good (`onFinal`) instead of reconnecting. */
  finalCodes: readonly number[];
  backoff: Backoff;
  random?: () => number;
  /** The n-th ping message (n from 1). */
  ping(n: number): unknown;
  pingEveryMs: number;
  pongTimeoutMs: number;
  isWelcome(message: M): boolean;
  isPong(message: M): boolean;
  /** Every parsed message except pongs (the welcome too, after the back-off reset). */
  onMessage(message: M): void;
  /** The socket is gone and the next attempt is scheduled. */
  onReconnecting(): void;
  onFinal(code: number): void;
};

export class ReconnectingSocket<M> {
  private socket?: SocketLike;
  private attempt = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private pingTimer?: ReturnType<typeof setInterval>;
  private pongTimer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(private readonly opts: ReconnectingSocketOptions<M>) {}

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
    if (this.stopped || this.socket) return;
    clearTimeout(this.retryTimer);
    this.connect();
  }

  /** Sends when the socket is open; otherwise drops the message and says so. */
  send(message: unknown): boolean {
    if (this.socket?.readyState !== 1) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private connect() {
    const { url, protocols } = this.opts;
    const create = this.opts.createSocket ?? (() => (protocols ? new WebSocket(url, protocols) : new WebSocket(url)) as SocketLike);
    let socket: SocketLike;
    try {
      socket = create(url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onmessage = (ev) => this.receive(String(ev.data));
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.drop();
      if (this.opts.finalCodes.includes(ev.code)) {
        this.stopped = true;
        this.opts.onFinal(ev.code);
      } else this.scheduleRetry();
    };
    socket.onerror = () => undefined; // a close event follows; it decides what to do
  }

  private receive(text: string) {
    let message: M;
    try {
      message = JSON.parse(text) as M;
    } catch {
      return;
    }
    if (this.opts.isPong(message)) {
      clearTimeout(this.pongTimer);
      this.pongTimer = undefined;
      return;
    }
    if (this.opts.isWelcome(message)) {
      this.attempt = 0;
      this.startPings();
    }
    this.opts.onMessage(message);
  }

  private startPings() {
    clearInterval(this.pingTimer);
    let n = 0;
    this.pingTimer = setInterval(() => {
      if (this.pongTimer) return;
      this.send(this.opts.ping(++n));
      this.pongTimer = setTimeout(() => {
        // No answer: the network is gone without a close. Give up on this socket and start again.
        this.drop();
        this.scheduleRetry();
      }, this.opts.pongTimeoutMs);
    }, this.opts.pingEveryMs);
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
    this.opts.onReconnecting();
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), jitteredDelay(this.attempt++, this.opts.backoff, this.opts.random));
  }
}
