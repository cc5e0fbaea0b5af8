import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { type ParticipantKind, SIGNAL_CLOSE_ENDED, type SignalServerMessage, signalClientMessage } from '../../../shared/meetings.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import type { DomainEvent } from '../../realtime/bus.js';
import { iceServersFor } from './ice-servers.js';
import { meetingRepository } from './repository.js';

export const SIGNAL_CLOSE = { ended: SIGNAL_CLOSE_ENDED, unauthenticated: 4401, forbidden: 4403, goingAway: 1001, tooFast: 4429 } as const;
export const SIGNAL_EVENT = 'meeting.signal';

/** Re-checks a socket's credential (a signed-out expert, a revoked kiosk, a replaced interpreter link → gone). */
export type Revalidate = () => Promise<Actor | undefined>;

type Connection = {
  id: string;
  socket: WebSocket;
  meetingId: string;
  servicePointId: string;
  agencyId: string;
  participantId: string;
  kind: ParticipantKind;
  name: string;
  admitted: boolean;
  revalidate: Revalidate;
  alive: boolean;
  /** Messages in the current rate window. */
  budget: number;
  /** The participant said it leaves (the leave button): its going is announced as `left`, not `offline`. */
  left?: boolean;
};

/** Relayed between instances on the bus: to one participant, or to every admitted one (optionally but one socket). */
type Relay = { to?: string; toKind?: ParticipantKind; except?: string; message: SignalServerMessage };

const RATE_WINDOW_MS = 10_000;
/** A negotiation is a few dozen messages; a client sending hundreds a second is broken or hostile. */
const RATE_LIMIT = 400;

/**
 * The meetings' signalling on this instance: holds the sockets, relays offers, answers, ICE candidates and chat
 * between admitted participants of one meeting, and tells peers who came and went. Messages travel over the event
 * bus, so participants connected to different instances reach each other. Nothing relayed is stored or logged.
 */
export class SignalHub {
  private readonly connections = new Map<string, Connection>();
  private readonly unsubscribe: () => void;
  private readonly timer: NodeJS.Timeout;
  private readonly rateTimer: NodeJS.Timeout;
  /** Admitted participant ids per meeting with sockets here, refreshed whenever the meeting changes. */
  private readonly admitted = new Map<string, Set<string>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly log: FastifyBaseLogger,
    heartbeatMs = 20_000,
  ) {
    this.unsubscribe = ctx.bus.subscribe((event) => this.onEvent(event));
    this.timer = setInterval(() => void this.heartbeat(), heartbeatMs);
    this.timer.unref();
    this.rateTimer = setInterval(() => {
      for (const c of this.connections.values()) c.budget = RATE_LIMIT;
    }, RATE_WINDOW_MS);
    this.rateTimer.unref();
  }

  get size() {
    return this.connections.size;
  }

  async attach(
    socket: WebSocket,
    who: { meetingId: string; servicePointId: string; agencyId: string; participantId: string; kind: ParticipantKind; name: string; admitted: boolean },
    revalidate: Revalidate,
  ) {
    const c: Connection = { ...who, id: randomUUID(), socket, revalidate, alive: true, budget: RATE_LIMIT };
    this.connections.set(c.id, c);
    socket.on('pong', () => (c.alive = true));
    socket.on('message', (data, isBinary) => void this.receive(c, isBinary ? null : data.toString()));
    socket.on('close', () => void this.detach(c));
    await meetingRepository.connection(this.ctx.db, c.participantId, 1);
    await this.refreshAdmitted(c.meetingId);
    const ice = iceServersFor(this.ctx.config, c.participantId);
    this.send(c, { type: 'welcome', self: { ...this.ref(c), admitted: c.admitted }, iceServers: ice.iceServers, iceTransportPolicy: ice.iceTransportPolicy });
    if (c.admitted) await this.announce(c, 'online');
    // Screens showing who is present (the expert's lobby and list) re-read.
    await this.presenceChanged(c);
  }

  private presenceChanged(c: Connection) {
    return this.ctx.bus.publish({ type: 'meeting.changed', id: c.meetingId, servicePointId: c.servicePointId, agencyId: c.agencyId });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.rateTimer);
    // Peers on other instances hear at once that these participants went (they reconnect to another instance).
    const all = [...this.connections.values()];
    await Promise.all(all.map((c) => this.detach(c)));
    this.unsubscribe();
    for (const c of all) c.socket.close(SIGNAL_CLOSE.goingAway, 'server shutting down');
  }

  private ref(c: Connection) {
    return { participantId: c.participantId, connectionId: c.id, kind: c.kind, name: c.name };
  }

  private async detach(c: Connection) {
    if (!this.connections.delete(c.id)) return;
    try {
      await meetingRepository.connection(this.ctx.db, c.participantId, -1);
      if (c.admitted) await this.announce(c, c.left ? 'left' : 'offline');
      await this.presenceChanged(c);
    } catch (error) {
      this.log.warn({ err: error }, 'signalling: could not record a closed socket');
    }
  }

  private announce(c: Connection, state: 'online' | 'offline' | 'left') {
    return this.relay(c, { except: c.id, message: { type: 'peer', state, peer: this.ref(c) } });
  }

  private relay(c: Pick<Connection, 'meetingId' | 'servicePointId' | 'agencyId'>, relay: Relay) {
    return this.ctx.bus.publish({ type: SIGNAL_EVENT, id: c.meetingId, servicePointId: c.servicePointId, agencyId: c.agencyId, payload: relay });
  }

  private async receive(c: Connection, text: string | null) {
    if (--c.budget < 0) return this.drop(c, SIGNAL_CLOSE.tooFast, 'too many messages');
    let parsed;
    try {
      parsed = text === null ? undefined : signalClientMessage.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) return this.send(c, { type: 'error', code: 'message.invalid', detail: 'Not a signalling message (docs/meetings.md)' });
    const m = parsed.data;
    if (m.type === 'ping') return this.send(c, { type: 'pong' });
    if (m.type === 'leave') {
      // Marked before the socket's close event, which ws emits after this message's: detach then says `left`.
      c.left = true;
      return c.socket.close(1000, 'left');
    }
    if (!c.admitted) return this.send(c, { type: 'error', code: 'meeting.not_admitted', detail: 'Wait until the expert lets you in' });
    try {
      if (m.type === 'capture-request') {
        if (c.kind !== 'expert') return this.send(c, { type: 'error', code: 'meeting.not_host', detail: "Only the booking agency's expert asks for a document still" });
        await this.relay(c, { toKind: 'terminal', message: { type: 'capture-request', from: { participantId: c.participantId, name: c.name } } });
        return;
      }
      if (m.type === 'capture-result') {
        if (c.kind !== 'terminal') return this.send(c, { type: 'error', code: 'message.invalid', detail: 'Only the kiosk reports a capture' });
        await this.relay(c, { message: { type: 'capture-result', from: { participantId: c.participantId }, ok: m.ok, code: m.code, at: new Date().toISOString() } });
        return;
      }
      if (m.type === 'chat') {
        await this.relay(c, { message: { type: 'chat', from: { participantId: c.participantId, kind: c.kind, name: c.name }, text: m.text, at: new Date().toISOString() } });
        return;
      }
      let peers = this.admitted.get(c.meetingId);
      if (!peers?.has(m.to)) peers = await this.refreshAdmitted(c.meetingId);
      if (!peers.has(m.to) || m.to === c.participantId) return this.send(c, { type: 'error', code: 'signal.unknown_peer', detail: 'No such participant in this meeting' });
      await this.relay(c, { to: m.to, message: { type: 'signal', from: { participantId: c.participantId, connectionId: c.id }, data: m.data } });
    } catch (error) {
      this.log.error({ err: error }, 'signalling: relaying failed');
      this.send(c, { type: 'error', code: 'signal.failed', detail: 'Could not relay the message; try again' });
    }
  }

  private async refreshAdmitted(meetingId: string): Promise<Set<string>> {
    const participants = await meetingRepository.participants(this.ctx.db, meetingId);
    const ids = new Set(participants.filter((p) => p.admittedAt && !p.leftAt).map((p) => p.id));
    // Kiosks are admitted with the meeting; one that joined after the admit has its row admitted at creation.
    this.admitted.set(meetingId, ids);
    return ids;
  }

  private onEvent(event: DomainEvent) {
    if (!event.id) return;
    if (event.type === SIGNAL_EVENT) return this.deliver(event.id, event.payload as Relay);
    if (event.type === 'meeting.changed') void this.meetingChanged(event.id);
  }

  private deliver(meetingId: string, relay: Relay) {
    const m = relay.message;
    if (m.type === 'peer' && m.state === 'online') this.introduce(meetingId, m.peer.participantId);
    let text: string | undefined;
    for (const c of this.connections.values()) {
      if (c.meetingId !== meetingId || !c.admitted || c.id === relay.except) continue;
      if (relay.to && c.participantId !== relay.to) continue;
      if (relay.toKind && c.kind !== relay.toKind) continue;
      text ??= JSON.stringify(relay.message);
      if (c.socket.readyState === c.socket.OPEN) c.socket.send(text);
    }
  }

  /**
   * A participant came online: each one already in, on whichever instance holds its socket, tells the newcomer who
   * it is (`here`), so the newcomer can name everyone who then calls it.
   */
  private introduce(meetingId: string, newcomer: string) {
    for (const c of this.connections.values()) {
      if (c.meetingId !== meetingId || !c.admitted || c.participantId === newcomer) continue;
      void this.relay(c, { to: newcomer, message: { type: 'peer', state: 'here', peer: this.ref(c) } }).catch((error: unknown) =>
        this.log.warn({ err: error }, 'signalling: could not introduce a participant'),
      );
    }
  }

  /** Someone was admitted, invited, left, or the meeting ended: bring this instance's sockets of it up to date. */
  private async meetingChanged(meetingId: string) {
    const local = [...this.connections.values()].filter((c) => c.meetingId === meetingId);
    if (local.length === 0) return;
    try {
      const meeting = await meetingRepository.byId(this.ctx.db, meetingId);
      if (!meeting || meeting.status === 'ended') {
        for (const c of local) {
          this.send(c, { type: 'ended', outcome: meeting?.outcome ?? null });
          this.drop(c, SIGNAL_CLOSE.ended, 'meeting ended');
        }
        this.admitted.delete(meetingId);
        return;
      }
      const admitted = await this.refreshAdmitted(meetingId);
      for (const c of local) {
        if (c.admitted || !admitted.has(c.participantId)) continue;
        c.admitted = true;
        this.send(c, { type: 'admitted' });
        await this.announce(c, 'online');
      }
    } catch (error) {
      this.log.warn({ err: error }, 'signalling: could not refresh a meeting');
    }
  }

  private drop(c: Connection, code: number, reason: string) {
    c.socket.close(code, reason);
    void this.detach(c);
  }

  /** Pings, drops the dead, records signs of life, and closes sockets whose credential ended. */
  async heartbeat(): Promise<void> {
    const alive: string[] = [];
    for (const c of [...this.connections.values()]) {
      if (!c.alive) {
        c.socket.terminate();
        void this.detach(c);
        continue;
      }
      c.alive = false;
      c.socket.ping();
      alive.push(c.participantId);
    }
    try {
      await meetingRepository.seen(this.ctx.db, [...new Set(alive)]);
    } catch (error) {
      this.log.warn({ err: error }, 'signalling: could not record signs of life');
    }
    for (const c of [...this.connections.values()]) {
      const actor = await c.revalidate().catch(() => 'keep' as const);
      if (actor === 'keep') continue; // a database hiccup is not a sign-out
      if (!actor || actor.kind === 'anonymous') this.drop(c, SIGNAL_CLOSE.unauthenticated, 'credential ended');
    }
  }

  private send(c: Connection, message: SignalServerMessage) {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(message));
  }
}
