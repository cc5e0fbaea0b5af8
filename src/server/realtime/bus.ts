import { EventEmitter } from 'node:events';

/**
 * Something happened that open screens should reflect at once (a booking changed, a call button was pressed).
 * Events carry ids and scope only, never personal data: a client that receives one re-reads through the API,
 * where the policy decides what it may see. Anything a person must not miss is a database row first.
 */
export type DomainEvent = {
  type: string;
  servicePointId?: string;
  agencyId?: string;
  /** The id of the thing that changed (booking, call, …). */
  id?: string;
  at: string;
  /**
   * Only for server-to-server traffic; the hub never forwards it to sockets (it sends ids and scope only): meeting
   * signalling relayed between instances, and what a `booking.changed` touched for the availability caches
   * (scheduling/busy-change.ts).
   */
  payload?: unknown;
};

/**
 * Delivered by a bus to its own subscribers (never published) when events may have been missed, e.g. after its
 * LISTEN connection was re-established: open screens re-read instead of trusting what they show.
 */
export const RESYNC_EVENT = 'realtime.resync';

/**
 * An event announced by the write it describes: `channel` and `payload` go into that write's own statement as
 * `pg_notify(channel, payload)`, which PostgreSQL delivers to the other instances when (and only if) it commits;
 * `deliver()` hands the event to this instance's subscribers after the commit. One round trip less than publish.
 */
export type Announcement = { channel: string; payload: string; deliver(): void };

export interface EventBus {
  /**
   * `confirmed`: resolve only once the event has come back through this instance's own LISTEN connection (or after
   * a second), i.e. once PostgreSQL has handed it to every listening instance — for invalidations that must be in
   * effect elsewhere by the time the write is acknowledged (docs/sessions.md).
   */
  publish(event: Omit<DomainEvent, 'at'>, opts?: { confirmed?: boolean }): Promise<void>;
  /** An Announcement where events travel through the database (undefined elsewhere: publish after the commit). */
  announce?(event: Omit<DomainEvent, 'at'>): Announcement | undefined;
  subscribe(handler: (event: DomainEvent) => void): () => void;
  /** False while events from other instances could be missed (PostgresBus: LISTEN down); undefined: never. */
  readonly listening?: boolean;
  close(): Promise<void>;
}

/** One process (the embedded default): events go straight to this process's subscribers. */
export class InProcessBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: Omit<DomainEvent, 'at'>): Promise<void> {
    this.emitter.emit('event', { ...event, at: new Date().toISOString() });
  }

  subscribe(handler: (event: DomainEvent) => void): () => void {
    this.emitter.on('event', handler);
    return () => this.emitter.off('event', handler);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
