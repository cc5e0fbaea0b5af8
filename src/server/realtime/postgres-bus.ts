import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import pg from 'pg';
import { type Announcement, type DomainEvent, type EventBus, RESYNC_EVENT } from './bus.js';

export const CHANNEL = 'etapiste_events';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7900;
/** A confirmed publish waits at most this long for its echo (the LISTEN connection may be reconnecting). */
const CONFIRM_TIMEOUT_MS = 1_000;

export type BusLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

const silent: BusLogger = { info() {}, warn() {}, error() {} };

export type PostgresBusOptions = {
  /** Publishes go through the shared pool: one short statement each. */
  pool: pg.Pool;
  /** How to open the dedicated LISTEN connection (defaults to the pool's connection settings). */
  listenerConfig?: pg.ClientConfig;
  log?: BusLogger;
  /** Reconnect back-off: starts at minDelayMs, doubles up to maxDelayMs, with ±20 % jitter. */
  minDelayMs?: number;
  maxDelayMs?: number;
};

/**
 * What travels in a NOTIFY: the event plus the publishing instance, so it can skip its own echo; a large event
 * travels deflated and base64-encoded in `z` instead of `e`.
 */
type Envelope = ({ o: string; e: DomainEvent } | { o: string; z: string }) & { c?: number };

/**
 * Several app instances on one PostgreSQL share events through LISTEN/NOTIFY.
 *
 * A publishing instance delivers to its own subscribers at once (not through the database), so its screens update
 * even while its LISTEN connection is reconnecting, and drops its own event when NOTIFY echoes it back. Events
 * that arrive while an instance is not listening are lost; after each re-LISTEN subscribers get a
 * `realtime.resync` event so open screens re-read instead of trusting what they have.
 */
export class PostgresBus implements EventBus {
  readonly instanceId = randomUUID();
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly pool: pg.Pool;
  private readonly listenerConfig: pg.ClientConfig;
  private readonly log: BusLogger;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private client: pg.Client | undefined;
  private closed = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private everListened = false;
  private waiters: (() => void)[] = [];
  private confirmations = 0;
  /** Confirmed publishes waiting for their own echo, by confirmation number. */
  private readonly awaitingEcho = new Map<number, () => void>();
  /** Times the LISTEN connection was re-established after a loss (for tests and metrics). */
  reconnects = 0;

  constructor(opts: PostgresBusOptions) {
    this.pool = opts.pool;
    this.listenerConfig = opts.listenerConfig ?? (opts.pool.options as pg.ClientConfig);
    this.log = opts.log ?? silent;
    this.minDelayMs = opts.minDelayMs ?? 100;
    this.maxDelayMs = opts.maxDelayMs ?? 5_000;
    void this.connect();
  }

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Resolves once LISTEN is in place (at once when it already is). */
  ready(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async publish(event: Omit<DomainEvent, 'at'>, opts: { confirmed?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    const confirmation = opts.confirmed && this.client ? ++this.confirmations : undefined;
    const { full, payload } = this.envelope(event, confirmation);
    this.deliver(full);
    let echoed: Promise<void> | undefined;
    if (confirmation !== undefined) {
      echoed = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.awaitingEcho.delete(confirmation);
          resolve();
        }, CONFIRM_TIMEOUT_MS);
        this.awaitingEcho.set(confirmation, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    try {
      await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
      await echoed;
    } catch (error) {
      if (confirmation !== undefined) this.awaitingEcho.get(confirmation)?.();
      // Publishing happens after the change is committed: a lost hint must not turn a saved change into a 500.
      this.log.error({ err: error, type: event.type }, 'realtime: publishing to other instances failed');
    }
  }

  announce(event: Omit<DomainEvent, 'at'>): Announcement | undefined {
    if (this.closed) return undefined;
    const { full, payload } = this.envelope(event);
    return { channel: CHANNEL, payload, deliver: () => this.deliver(full) };
  }

  /** The event stamped, and the NOTIFY payload that carries it. */
  private envelope(event: Omit<DomainEvent, 'at'>, confirmation?: number): { full: DomainEvent; payload: string } {
    const full: DomainEvent = { ...event, at: new Date().toISOString() };
    let payload = JSON.stringify({ o: this.instanceId, e: full, c: confirmation } satisfies Envelope);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      // Meeting signalling carries session descriptions (5–15 kB of highly repetitive text): deflated they fit.
      payload = JSON.stringify({ o: this.instanceId, z: deflateRawSync(JSON.stringify(full)).toString('base64') } satisfies Envelope);
    }
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      // A programming error: refuse loudly rather than truncate.
      throw new Error(`event ${event.type} is too large for NOTIFY (${Buffer.byteLength(payload)} bytes)`);
    }
    return { full, payload };
  }

  subscribe(handler: (event: DomainEvent) => void): () => void {
    this.emitter.on('event', handler);
    return () => this.emitter.off('event', handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.emitter.removeAllListeners();
    for (const resolve of this.waiters.splice(0)) resolve();
    for (const resolve of this.awaitingEcho.values()) resolve();
    this.awaitingEcho.clear();
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => undefined);
  }

  private deliver(event: DomainEvent) {
    for (const handler of this.emitter.listeners('event') as ((e: DomainEvent) => void)[]) {
      try {
        handler(event);
      } catch (error) {
        this.log.error({ err: error, type: event.type }, 'realtime: event handler failed');
      }
    }
  }

  private onNotification = (message: pg.Notification) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message.payload) as Envelope;
    } catch {
      this.log.warn({}, 'realtime: ignored a malformed notification');
      return;
    }
    if (envelope.o === this.instanceId) {
      if (envelope.c !== undefined) {
        this.awaitingEcho.get(envelope.c)?.();
        this.awaitingEcho.delete(envelope.c);
      }
      return;
    }
    let event: DomainEvent | undefined;
    try {
      event = 'z' in envelope ? (JSON.parse(inflateRawSync(Buffer.from(envelope.z, 'base64')).toString()) as DomainEvent) : envelope.e;
    } catch {
      event = undefined;
    }
    if (typeof event?.type !== 'string') return;
    this.deliver(event);
  };

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.listenerConfig, keepAlive: true, application_name: 'etapiste-events' });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.log.warn({ err: error }, 'realtime: LISTEN connection lost, reconnecting');
      this.scheduleReconnect();
    };
    // A connection error arrives as 'error' and/or 'end'; both lead to one reconnect.
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      client.on('notification', this.onNotification);
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (this.closed || lost) {
      if (this.closed) await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    for (const resolve of this.waiters.splice(0)) resolve();
    if (this.everListened) {
      this.reconnects++;
      this.log.info({ reconnects: this.reconnects }, 'realtime: LISTEN connection re-established');
      // Events published elsewhere while we were away are gone: tell open screens to re-read.
      this.deliver({ type: RESYNC_EVENT, at: new Date().toISOString() });
    }
    this.everListened = true;
  }

  private scheduleReconnect() {
    if (this.closed || this.reconnectTimer) return;
    const base = Math.min(this.maxDelayMs, this.minDelayMs * 2 ** this.attempt);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.attempt++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }
}
