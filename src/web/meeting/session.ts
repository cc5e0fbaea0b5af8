import type { MeetingOutcome, PeerRef, SignalData, SignalServerMessage } from '../../shared/meetings';
import { registerDebug, traceEntry } from './debug';
import { PeerLink } from './peerLink';
import type { ChatLine, Departure, KnownPeer, MeetingPhase, MeetingSnapshot, PeerView, SessionOptions } from './sessionTypes';
import { SignalClient, type SignalState, type SignalStop } from './signalClient';

export type { ChatLine, Departure, MeetingPhase, MeetingSnapshot, PeerView, SessionOptions } from './sessionTypes';

const MAX_CHAT = 200;

/**
 * A participant's side of one meeting: the signalling socket, one PeerLink per other admitted participant, and a
 * snapshot of it all for the screen (useSyncExternalStore). Follows docs/meetings.md "Client algorithm".
 */
export class MeetingSession {
  private readonly client: SignalClient;
  private readonly links = new Map<string, PeerLink>();
  private readonly known = new Map<string, KnownPeer>();
  private configuration: RTCConfiguration = {};
  private admitted = false;
  private self?: PeerRef & { admitted: boolean };
  private chat: ChatLine[] = [];
  private chatSeq = 0;
  private chatFailed = false;
  private captureRequests = 0;
  private lastCapture?: { ok: boolean; code?: string; at: string };
  private departures: Departure[] = [];
  private phase: MeetingPhase = 'connecting';
  private signal: SignalState = 'connecting';
  private stopReason?: SignalStop;
  private outcome?: MeetingOutcome | null;
  private snapshot: MeetingSnapshot;
  private readonly listeners = new Set<() => void>();
  private unregisterDebug?: () => void;
  /** The last signalling events, types only (never SDP, candidates or chat): for support and tests. */
  readonly trace: string[] = [];
  /** When this participant was admitted (performance.now()), for the figures. */
  readonly marks: { admittedAt?: number } = {};

  constructor(readonly opts: SessionOptions) {
    this.client = new SignalClient({
      meetingId: opts.meetingId,
      credential: opts.credential,
      onMessage: (m) => this.receive(m),
      onState: (state, stop) => this.signalState(state, stop),
    });
    this.snapshot = this.build();
  }

  get meetingId() {
    return this.opts.meetingId;
  }

  start() {
    this.unregisterDebug = registerDebug(this);
    this.client.start();
    window.addEventListener('online', this.nudge);
    document.addEventListener('visibilitychange', this.nudge);
  }

  stop() {
    window.removeEventListener('online', this.nudge);
    document.removeEventListener('visibilitychange', this.nudge);
    this.client.stop();
    for (const link of this.links.values()) link.close();
    this.links.clear();
    this.unregisterDebug?.();
    this.listeners.clear();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** The live peer connections (for stats and the test/debug API). */
  peerLinks(): PeerLink[] {
    return [...this.links.values()];
  }

  /** Expert: asks the kiosk for a document-camera still (it lands in the agency's inbox). */
  requestCapture(): boolean {
    return this.client.send({ type: 'capture-request' });
  }

  /** Kiosk: tells the meeting whether the still was taken and delivered. */
  reportCapture(ok: boolean, code?: string) {
    this.client.send({ type: 'capture-result', ok, ...(code ? { code: code.slice(0, 64) } : {}) });
  }

  /** The leave button: the others are told this participant left (not "reconnecting"); then the screen stops the session. */
  leave() {
    this.client.send({ type: 'leave' });
  }

  sendChat(text: string): boolean {
    const ok = this.client.send({ type: 'chat', text });
    this.chatFailed = !ok;
    this.changed();
    return ok;
  }

  /** Mute or camera switches changed the local tracks' `enabled`: nothing to renegotiate, just redraw. */
  localChanged() {
    this.changed();
  }

  private nudge = () => {
    if (document.visibilityState === 'visible') this.client.nudge();
  };

  private signalState(state: SignalState, stop?: SignalStop) {
    this.note(`socket ${state}${stop ? ` ${stop}` : ''}`);
    this.signal = state;
    if (state === 'reconnecting') this.phase = 'reconnecting';
    if (state === 'closed') {
      this.stopReason = stop;
      if (stop === 'ended') this.phase = 'ended';
      else if (stop === 'unauthenticated' || stop === 'forbidden') this.phase = 'denied';
      if (stop && stop !== 'stopped') this.finish();
      else {
        for (const link of this.links.values()) link.close();
        this.links.clear();
      }
    }
    this.changed();
  }

  /**
   * The meeting is over for this participant (ended for everyone, or no longer allowed in: signed out, kiosk
   * revoked, link replaced): every connection closed, nobody shown as "reconnecting", and this device's camera and
   * microphone stopped at once — not when the screen gets round to it.
   */
  private finish() {
    for (const link of this.links.values()) link.close();
    this.links.clear();
    this.known.clear();
    this.opts.local.stop();
  }

  private note(entry: string) {
    this.trace.push(`${Math.round(performance.now())} ${entry}`);
    if (this.trace.length > 200) this.trace.shift();
  }

  private receive(message: SignalServerMessage) {
    this.note(traceEntry(message));
    switch (message.type) {
      case 'welcome': {
        this.self = message.self;
        this.admitted = message.self.admitted;
        this.configuration = { iceServers: message.iceServers, iceTransportPolicy: message.iceTransportPolicy };
        this.phase = this.admitted ? 'live' : 'lobby';
        // Whatever we had belongs to our previous connection: the others see us come back and call again.
        for (const link of this.links.values()) link.close();
        this.links.clear();
        if (this.admitted) this.marks.admittedAt ??= performance.now();
        break;
      }
      case 'admitted':
        this.admitted = true;
        if (this.self) this.self = { ...this.self, admitted: true };
        this.phase = 'live';
        this.marks.admittedAt ??= performance.now();
        // The others learn that we are in from the server (`peer online`) and call us with `hello`.
        for (const peer of this.known.values()) if (peer.online && !this.links.has(peer.participantId)) this.call(peer);
        break;
      case 'peer': {
        const { peer, state } = message;
        if (peer.participantId === this.self?.participantId) break;
        if (state === 'here') {
          // Already in the meeting: they call us; this only says who they are.
          this.known.set(peer.participantId, { ...peer, online: true });
          const link = this.links.get(peer.participantId);
          if (link && link.peer.connectionId === peer.connectionId) link.peer = { ...link.peer, kind: peer.kind, name: peer.name };
        } else if (state === 'online') {
          this.departures = this.departures.filter((d) => d.participantId !== peer.participantId);
          this.known.set(peer.participantId, { ...peer, online: true });
          const link = this.links.get(peer.participantId);
          if (link && link.peer.connectionId === peer.connectionId) link.peer = { ...link.peer, kind: peer.kind, name: peer.name };
          else if (this.admitted) this.call(peer);
        } else if (state === 'left') {
          // Gone on purpose: no tile and no "reconnecting…", but a word that they left (unless they are back already).
          const current = this.known.get(peer.participantId);
          if (current && current.connectionId !== peer.connectionId && current.online) break;
          this.known.delete(peer.participantId);
          this.links.get(peer.participantId)?.close();
          this.links.delete(peer.participantId);
          const departure = { id: ++this.chatSeq, participantId: peer.participantId, kind: current?.kind ?? peer.kind, name: current?.name || peer.name };
          this.departures = [...this.departures.filter((d) => d.participantId !== peer.participantId), departure];
        } else {
          const current = this.known.get(peer.participantId);
          // A late "offline" for a connection that has already been replaced changes nothing.
          if (current && current.connectionId === peer.connectionId) {
            this.known.set(peer.participantId, { ...current, online: false });
            this.links.get(peer.participantId)?.close();
            this.links.delete(peer.participantId);
          }
        }
        break;
      }
      case 'signal':
        this.onSignal(message.from, message.data);
        break;
      case 'chat':
        this.chat = [
          ...this.chat.slice(-(MAX_CHAT - 1)),
          { id: ++this.chatSeq, from: message.from, text: message.text, at: message.at, own: message.from.participantId === this.self?.participantId },
        ];
        break;
      case 'capture-request':
        this.captureRequests++;
        break;
      case 'capture-result':
        this.lastCapture = { ok: message.ok, code: message.code, at: message.at };
        break;
      case 'ended':
        this.outcome = message.outcome;
        this.phase = 'ended';
        this.finish();
        this.opts.onEnded?.(message.outcome);
        break;
      default:
        break;
    }
    this.changed();
  }

  private onSignal(from: { participantId: string; connectionId: string }, data: SignalData) {
    if (!this.admitted) return;
    let link = this.links.get(from.participantId);
    const fresh = !link || link.peer.connectionId !== from.connectionId;
    if (fresh) {
      // Only a hello or an offer opens a connection; stray candidates or answers of an old connection do not.
      const opens = 'hello' in data || ('description' in data && data.description.type === 'offer') || 'media' in data;
      if (!opens) return;
      const known = this.known.get(from.participantId);
      const peer: KnownPeer = { participantId: from.participantId, connectionId: from.connectionId, kind: known?.kind ?? 'unknown', name: known?.name ?? '', online: true };
      this.known.set(from.participantId, peer);
      link = this.call(peer, false);
    }
    if ('hello' in data) return;
    void link!.receive(data);
  }

  /** A new connection to `peer` (closing any older one), our tracks on it, then hello and what our streams are. */
  private call(peer: Omit<KnownPeer, 'online'>, hello = true): PeerLink {
    this.links.get(peer.participantId)?.close();
    const self = this.self!;
    const send = (data: SignalData) => {
      const sent = this.client.send({ type: 'signal', to: peer.participantId, data });
      this.note(`out ${peer.participantId.slice(0, 8)} ${Object.keys(data)[0]}${'description' in data ? `:${data.description.type}` : ''}${sent ? '' : ' (dropped)'}`);
    };
    this.note(`call ${peer.participantId.slice(0, 8)}/${peer.connectionId.slice(0, 8)} polite=${self.participantId < peer.participantId} hello=${hello}`);
    const link = new PeerLink(
      { participantId: peer.participantId, connectionId: peer.connectionId, kind: peer.kind, name: peer.name },
      {
        polite: self.participantId < peer.participantId,
        answerFirst: !hello,
        configuration: this.configuration,
        local: this.opts.local.tracks(),
        send,
        onChange: () => this.changed(),
        log: (entry) => this.note(`${peer.participantId.slice(0, 8)} ${entry}`),
      },
    );
    this.links.set(peer.participantId, link);
    if (hello) send({ hello: true });
    send({ media: this.opts.local.roles() });
    return link;
  }

  private build(): MeetingSnapshot {
    const peers: PeerView[] = [];
    for (const peer of this.known.values()) {
      const link = this.links.get(peer.participantId);
      const media = link?.media() ?? {};
      peers.push({
        participantId: peer.participantId,
        connectionId: peer.connectionId,
        kind: peer.kind,
        name: peer.name,
        state: link ? link.state : 'offline',
        camera: media.camera,
        document: media.document,
      });
    }
    return {
      phase: this.phase,
      signal: this.signal,
      stop: this.stopReason,
      self: this.self,
      peers,
      chat: this.chat,
      outcome: this.outcome,
      chatFailed: this.chatFailed,
      captureRequests: this.captureRequests,
      lastCapture: this.lastCapture,
      departures: this.departures,
    };
  }

  private changed() {
    // Back from a dropped socket: the welcome handler has set the phase; until then keep "reconnecting".
    this.snapshot = this.build();
    for (const listener of this.listeners) listener();
  }
}
