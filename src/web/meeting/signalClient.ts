import { SIGNAL_CLOSE_ENDED, SIGNAL_SUBPROTOCOL, type SignalClientMessage, type SignalServerMessage } from '../../shared/meetings';

/**
 * The meeting's signalling socket (docs/meetings.md): stays up by reconnecting with back-off (0.5–5 s), notices a
 * silent network loss by application pings, and stops for good when the meeting ended (4000) or the credential is
 * not (or no longer) good for this meeting (4401/4403).
 */
export type SignalState = 'connecting' | 'open' | 'reconnecting' | 'closed';
export type SignalStop = 'ended' | 'unauthenticated' | 'forbidden' | 'stopped';

/** How the socket proves who is calling: staff ride on the session cookie, a kiosk and an interpreter on a token. */
export type SignalCredential = { kind: 'session' } | { kind: 'terminal'; token: string } | { kind: 'guest'; token: string };

type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
};

export type SignalClientOptions = {
  meetingId: string;
  credential: SignalCredential;
  onMessage(message: SignalServerMessage): void;
  onState(state: SignalState, stop?: SignalStop): void;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  location?: Pick<Location, 'protocol' | 'host'>;
  random?: () => number;
  pingEveryMs?: number;
  pongTimeoutMs?: number;
};

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 5_000;

/** 0.5 s doubling, at most 5 s, with jitter: a meeting must come back quickly, but not all clients in one instant. */
export function signalBackoff(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** attempt);
  return Math.round(Math.max(MIN_DELAY_MS, Math.min(MAX_DELAY_MS, base * (0.75 + random() / 2))));
}

export function signalProtocols(credential: SignalCredential): string[] {
  if (credential.kind === 'terminal') return [SIGNAL_SUBPROTOCOL, `bearer.${credential.token}`];
  if (credential.kind === 'guest') return [SIGNAL_SUBPROTOCOL, `guest.${credential.token}`];
  return [SIGNAL_SUBPROTOCOL];
}

export function signalUrl(location: Pick<Location, 'protocol' | 'host'>, meetingId: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/meetings/${encodeURIComponent(meetingId)}/signal`;
}

const FINAL: Record<number, SignalStop> = { [SIGNAL_CLOSE_ENDED]: 'ended', 4401: 'unauthenticated', 4403: 'forbidden' };

export class SignalClient {
  private socket?: SocketLike;
  private attempt = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private pingTimer?: ReturnType<typeof setInterval>;
  private pongTimer?: ReturnType<typeof setTimeout>;
  private stopped = false;
  private state: SignalState = 'connecting';

  constructor(private readonly opts: SignalClientOptions) {}

  get current(): SignalState {
    return this.state;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.drop();
    this.setState('closed', 'stopped');
  }

  /** Try again at once (the network came back, the tab became visible). */
  nudge(): void {
    if (this.stopped || this.state === 'closed' || this.socket) return;
    clearTimeout(this.retryTimer);
    this.connect();
  }

  /** Sends when the socket is open; otherwise drops: after a reconnection the peers negotiate again anyway. */
  send(message: SignalClientMessage): boolean {
    if (this.socket?.readyState !== 1) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private setState(state: SignalState, stop?: SignalStop) {
    if (this.state === state) return;
    this.state = state;
    this.opts.onState(state, stop);
  }

  private connect() {
    const create = this.opts.createSocket ?? ((url: string, protocols: string[]) => new WebSocket(url, protocols) as SocketLike);
    const url = signalUrl(this.opts.location ?? window.location, this.opts.meetingId);
    let socket: SocketLike;
    try {
      socket = create(url, signalProtocols(this.opts.credential));
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onmessage = (ev) => this.receive(String(ev.data));
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.drop();
      const stop = FINAL[ev.code];
      if (stop) {
        this.stopped = true;
        this.setState('closed', stop);
      } else this.scheduleRetry();
    };
    socket.onerror = () => undefined; // a close event follows and decides
  }

  private receive(text: string) {
    let message: SignalServerMessage;
    try {
      message = JSON.parse(text) as SignalServerMessage;
    } catch {
      return;
    }
    if (message.type === 'welcome') {
      this.attempt = 0;
      this.setState('open');
      this.startPings();
    } else if (message.type === 'pong') {
      clearTimeout(this.pongTimer);
      this.pongTimer = undefined;
      return;
    }
    this.opts.onMessage(message);
  }

  private startPings() {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (this.pongTimer) return;
      this.send({ type: 'ping' });
      this.pongTimer = setTimeout(() => {
        // No answer: the network is gone without a close. Start again.
        this.drop();
        this.scheduleRetry();
      }, this.opts.pongTimeoutMs ?? 8_000);
    }, this.opts.pingEveryMs ?? 10_000);
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
    this.retryTimer = setTimeout(() => this.connect(), signalBackoff(this.attempt++, this.opts.random));
  }
}
