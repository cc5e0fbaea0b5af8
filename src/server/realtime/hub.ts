import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { EventBus, DomainEvent } from './bus.js';
import { RESYNC_EVENT } from './bus.js';
import { mayReceive } from './event-access.js';

/** Close codes the client acts on (see docs/realtime.md). */
export const CLOSE = {
  goingAway: 1001,
  unauthenticated: 4401,
  forbidden: 4403,
} as const;

/** How a socket proved who it is, kept so the heartbeat can ask again whether that still holds. */
export type Credential = { kind: 'session'; sessionId: string } | { kind: 'terminal'; token: string };

export type HubOptions = {
  bus: EventBus;
  /** Re-resolves a credential (a session ended, a terminal was revoked → anonymous). */
  revalidate: (credential: Credential) => Promise<Actor>;
  log: FastifyBaseLogger;
  heartbeatMs?: number;
  maxSubscriptions?: number;
  /** A client that lets this much pile up unsent is cut off rather than slowing everyone down. */
  maxBufferedBytes?: number;
};

const scopeSchema = z.strictObject({ servicePointId: z.string().min(1).max(64).optional(), agencyId: z.string().min(1).max(64).optional() });
type Scope = z.infer<typeof scopeSchema>;
const clientMessage = z.union([
  z.strictObject({ subscribe: scopeSchema }),
  z.strictObject({ unsubscribe: scopeSchema }),
  z.strictObject({ ping: z.union([z.string().max(64), z.number()]).optional() }),
]);

type Connection = {
  socket: WebSocket;
  actor: Actor;
  credential: Credential;
  subscriptions: Map<string, Scope>;
  alive: boolean;
};

const REVALIDATE_CONCURRENCY = 4;
const MAX_MESSAGE_CHARS = 4096;

const scopeKey = (s: Scope) => `${s.servicePointId ?? '*'}|${s.agencyId ?? '*'}`;
const matches = (s: Scope, e: DomainEvent) =>
  (!s.servicePointId || s.servicePointId === e.servicePointId) && (!s.agencyId || s.agencyId === e.agencyId);

/**
 * Holds this instance's open sockets and forwards bus events to those whose subscription matches and whose actor
 * the policy allows. Holds no state a reconnecting client would need: events are hints to re-read.
 */
export class RealtimeHub {
  private readonly connections = new Set<Connection>();
  private readonly unsubscribe: () => void;
  private readonly timer: NodeJS.Timeout;
  private readonly opts: Required<Omit<HubOptions, 'bus'>>;
  /** Event messages written to sockets, for the metrics endpoint. */
  delivered = 0;

  constructor({ bus, revalidate, log, heartbeatMs, maxSubscriptions, maxBufferedBytes }: HubOptions) {
    this.opts = { revalidate, log, heartbeatMs: heartbeatMs ?? 25_000, maxSubscriptions: maxSubscriptions ?? 32, maxBufferedBytes: maxBufferedBytes ?? 1 << 20 };
    this.unsubscribe = bus.subscribe((event) => this.dispatch(event));
    this.timer = setInterval(() => void this.heartbeat(), this.opts.heartbeatMs);
    this.timer.unref();
  }

  get size(): number {
    return this.connections.size;
  }

  /** Takes over an open, authenticated socket. */
  attach(socket: WebSocket, actor: Actor, credential: Credential) {
    const connection: Connection = { socket, actor, credential, subscriptions: new Map(), alive: true };
    this.connections.add(connection);
    socket.on('pong', () => (connection.alive = true));
    socket.on('message', (data, isBinary) => this.receive(connection, isBinary ? null : data.toString()));
    socket.on('close', () => this.connections.delete(connection));
    this.send(connection, { welcome: { heartbeatSeconds: Math.round(this.opts.heartbeatMs / 1000), maxSubscriptions: this.opts.maxSubscriptions } });
  }

  /**
   * Pings every socket, drops those that did not answer the previous ping, and asks again whether each credential
   * still holds: a logged-out or deactivated user's socket is closed here at the latest. One check per credential,
   * a few at a time, so a thousand sockets do not crowd API requests out of the connection pool.
   */
  async heartbeat(): Promise<void> {
    const byCredential = new Map<string, Connection[]>();
    for (const c of this.connections) {
      if (!c.alive) {
        c.socket.terminate();
        this.connections.delete(c);
        continue;
      }
      c.alive = false;
      c.socket.ping();
      const key = c.credential.kind === 'session' ? `s:${c.credential.sessionId}` : `t:${c.credential.token}`;
      byCredential.set(key, [...(byCredential.get(key) ?? []), c]);
    }
    const groups = [...byCredential.values()];
    const worker = async () => {
      for (let group = groups.pop(); group; group = groups.pop()) {
        let actor: Actor;
        try {
          actor = await this.opts.revalidate(group[0]!.credential);
        } catch (error) {
          // A database hiccup is not a logout: keep the socket and ask again next time.
          this.opts.log.warn({ err: error }, 'realtime: could not re-check a socket credential');
          continue;
        }
        for (const c of group) {
          if (!this.connections.has(c)) continue;
          if (actor.kind === 'anonymous') this.close(c, CLOSE.unauthenticated, 'session ended');
          else if (actor.kind === 'user' && actor.mfaPending) this.close(c, CLOSE.forbidden, 'mfa required');
          else c.actor = actor; // roles may have changed since the socket opened
        }
      }
    };
    await Promise.all(Array.from({ length: REVALIDATE_CONCURRENCY }, worker));
  }

  async close(): Promise<void>;
  close(connection: Connection, code: number, reason: string): void;
  close(connection?: Connection, code?: number, reason?: string): void | Promise<void> {
    if (connection) {
      this.connections.delete(connection);
      connection.socket.close(code, reason);
      return;
    }
    clearInterval(this.timer);
    this.unsubscribe();
    for (const c of this.connections) c.socket.close(CLOSE.goingAway, 'server shutting down');
    this.connections.clear();
    return Promise.resolve();
  }

  private dispatch(event: DomainEvent) {
    if (event.type === RESYNC_EVENT) {
      const message = JSON.stringify({ resync: { at: event.at } });
      for (const c of this.connections) this.write(c, message);
      return;
    }
    let message: string | undefined;
    for (const c of this.connections) {
      if (c.subscriptions.size === 0) continue;
      let wanted = false;
      for (const s of c.subscriptions.values()) if ((wanted = matches(s, event))) break;
      if (!wanted || !mayReceive(c.actor, event)) continue;
      // A payload is server-to-server only (docs/realtime.md): clients get ids and scope.
      message ??= JSON.stringify({ event: { type: event.type, id: event.id, servicePointId: event.servicePointId, agencyId: event.agencyId, at: event.at } });
      this.write(c, message);
      this.delivered++;
    }
  }

  private receive(c: Connection, text: string | null) {
    // The WebSocket server admits 64 KiB frames for meeting signalling; this socket takes small control messages.
    if (text !== null && text.length > MAX_MESSAGE_CHARS) return this.close(c, 1009, 'message too big');
    let parsed: z.infer<typeof clientMessage> | undefined;
    try {
      const result = text === null ? undefined : clientMessage.safeParse(JSON.parse(text));
      parsed = result?.success ? result.data : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed) return this.send(c, { error: { code: 'message.invalid', detail: 'Expected {"subscribe": {...}}, {"unsubscribe": {...}} or {"ping": …}' } });
    if ('subscribe' in parsed) {
      const key = scopeKey(parsed.subscribe);
      if (!c.subscriptions.has(key) && c.subscriptions.size >= this.opts.maxSubscriptions) {
        return this.send(c, { error: { code: 'subscribe.limit', detail: `At most ${this.opts.maxSubscriptions} subscriptions per connection` } });
      }
      c.subscriptions.set(key, parsed.subscribe);
      return this.send(c, { subscribed: parsed.subscribe });
    }
    if ('unsubscribe' in parsed) {
      c.subscriptions.delete(scopeKey(parsed.unsubscribe));
      return this.send(c, { unsubscribed: parsed.unsubscribe });
    }
    return this.send(c, { pong: parsed.ping ?? null });
  }

  private send(c: Connection, message: object) {
    this.write(c, JSON.stringify(message));
  }

  private write(c: Connection, message: string) {
    if (c.socket.readyState !== c.socket.OPEN) return;
    if (c.socket.bufferedAmount > this.opts.maxBufferedBytes) {
      this.opts.log.warn({ buffered: c.socket.bufferedAmount }, 'realtime: closing a socket that does not keep up');
      this.connections.delete(c);
      c.socket.terminate();
      return;
    }
    c.socket.send(message);
  }
}
