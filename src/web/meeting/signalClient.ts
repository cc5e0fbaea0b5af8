import { SIGNAL_CLOSE_ENDED, SIGNAL_SUBPROTOCOL, type SignalClientMessage, type SignalServerMessage } from '../../shared/meetings';
import { type SocketLike, ReconnectingSocket, jitteredDelay, socketOrigin } from '../realtime/reconnectingSocket';

/**
 * The meeting's signalling socket (docs/meetings.md): stays up by reconnecting with back-off (0.5–5 s), notices a
 * silent network loss by application pings, and stops for good when the meeting ended (4000) or the credential is
 * not (or no longer) good for this meeting (4401/4403).
 */
export type SignalState = 'connecting' | 'open' | 'reconnecting' | 'closed';
export type SignalStop = 'ended' | 'unauthenticated' | 'forbidden' | 'stopped';

/** How the socket proves who is calling: staff ride on the session cookie, a kiosk and an interpreter on a token. */
export type SignalCredential = { kind: 'session' } | { kind: 'terminal'; token: string } | { kind: 'guest'; token: string };

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

/** 0.5 s doubling, at most 5 s, with jitter: a meeting must come back quickly, but not all clients in one instant. */
const BACKOFF = { baseMs: 500, maxMs: 5_000, spread: 0.25, bounded: true };

export function signalBackoff(attempt: number, random: () => number = Math.random): number {
  return jitteredDelay(attempt, BACKOFF, random);
}

export function signalProtocols(credential: SignalCredential): string[] {
  if (credential.kind === 'terminal') return [SIGNAL_SUBPROTOCOL, `bearer.${credential.token}`];
  if (credential.kind === 'guest') return [SIGNAL_SUBPROTOCOL, `guest.${credential.token}`];
  return [SIGNAL_SUBPROTOCOL];
}

export function signalUrl(location: Pick<Location, 'protocol' | 'host'>, meetingId: string): string {
  return `${socketOrigin(location)}/api/meetings/${encodeURIComponent(meetingId)}/signal`;
}

const FINAL: Record<number, SignalStop> = { [SIGNAL_CLOSE_ENDED]: 'ended', 4401: 'unauthenticated', 4403: 'forbidden' };

export class SignalClient {
  private readonly socket: ReconnectingSocket<SignalServerMessage>;
  private state: SignalState = 'connecting';

  constructor(private readonly opts: SignalClientOptions) {
    const protocols = signalProtocols(opts.credential);
    const create = opts.createSocket;
    this.socket = new ReconnectingSocket<SignalServerMessage>({
      url: signalUrl(opts.location ?? window.location, opts.meetingId),
      protocols,
      createSocket: create && ((url) => create(url, protocols)),
      finalCodes: Object.keys(FINAL).map(Number),
      backoff: BACKOFF,
      random: opts.random,
      ping: () => ({ type: 'ping' }) satisfies SignalClientMessage,
      pingEveryMs: opts.pingEveryMs ?? 10_000,
      pongTimeoutMs: opts.pongTimeoutMs ?? 8_000,
      isWelcome: (message) => message.type === 'welcome',
      isPong: (message) => message.type === 'pong',
      onMessage: (message) => {
        if (message.type === 'welcome') this.setState('open');
        opts.onMessage(message);
      },
      onReconnecting: () => this.setState('reconnecting'),
      onFinal: (code) => this.setState('closed', FINAL[code]),
    });
  }

  get current(): SignalState {
    return this.state;
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
    this.setState('closed', 'stopped');
  }

  /** Try again at once (the network came back, the tab became visible). */
  nudge(): void {
    this.socket.nudge();
  }

  /** Sends when the socket is open; otherwise drops: after a reconnection the peers negotiate again anyway. */
  send(message: SignalClientMessage): boolean {
    return this.socket.send(message);
  }

  private setState(state: SignalState, stop?: SignalStop) {
    if (this.state === state) return;
    this.state = state;
    this.opts.onState(state, stop);
  }
}
