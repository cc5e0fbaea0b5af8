import type { ParticipantKind, SignalData } from '../../shared/meetings';

/**
 * One RTCPeerConnection to one other participant, negotiated with the W3C "perfect negotiation" pattern: either
 * side may add tracks or restart ICE at any time; on an offer collision the polite side rolls back and the impolite
 * side ignores the other's offer.
 *
 * Two refinements, because a collision can leave a connection without candidates (Chromium does not gather again
 * for an answer that reuses a rolled-back offer's ICE credentials, and the impolite side has dropped the
 * candidates of the offer it ignored):
 * - the side that was called (got `hello`) adds its tracks only when it answers the first offer, so a new
 *   connection never starts with two offers;
 * - ICE restarts are staggered: the impolite side restarts first (2 s disconnected, or failed), the polite side
 *   only if that did not help; and a connection that has not got anywhere after a while is restarted too.
 */
export type StreamRole = 'camera' | 'document';
export type PeerInfo = { participantId: string; connectionId: string; kind: ParticipantKind | 'unknown'; name: string };
export type PeerLinkState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export type LocalTrack = { track: MediaStreamTrack; stream: MediaStream; role: StreamRole; maxFramerate?: number };

type Options = {
  polite: boolean;
  /** Called by the other side: wait for its offer before adding our tracks. */
  answerFirst: boolean;
  configuration: RTCConfiguration;
  local: LocalTrack[];
  send(data: SignalData): void;
  onChange(): void;
  /** A line for the session's trace (errors, ICE restarts). */
  log?(entry: string): void;
};

/** Disconnected this long → restart (impolite side; the polite side waits longer so the two rarely collide). */
const RESTART_AFTER_MS = { impolite: 2_000, polite: 6_000 };
/** New or checking this long without connecting → restart. */
const STUCK_AFTER_MS = { impolite: 8_000, polite: 14_000 };
const MAX_RESTART_BACKOFF_MS = 10_000;

export class PeerLink {
  readonly pc: RTCPeerConnection;
  /** The remote side's streams by id, and what each one is (from the peer's `media` signal). */
  readonly streams = new Map<string, MediaStream>();
  readonly roles = new Map<string, StreamRole>();
  state: PeerLinkState = 'connecting';
  /** When ICE first connected. */
  connectedAt?: number;
  iceRestarts = 0;

  private makingOffer = false;
  private ignoreOffer = false;
  private answerPending = false;
  private localAdded = false;
  private queue: Promise<void> = Promise.resolve();
  private badSince?: number;
  private lastAttempt = Date.now();
  private restartBackoff = 0;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(
    public peer: PeerInfo,
    private readonly opts: Options,
  ) {
    const pc = new RTCPeerConnection(opts.configuration);
    this.pc = pc;
    if (!opts.answerFirst) this.addLocalTracks();
    pc.onnegotiationneeded = () => void this.offer();
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) opts.send({ candidate: candidate.toJSON() as RTCIceCandidateInit & { candidate: string } });
    };
    pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] ?? new MediaStream([track]);
      this.streams.set(stream.id, stream);
      stream.onremovetrack = () => {
        if (stream.getTracks().length === 0) this.streams.delete(stream.id);
        opts.onChange();
      };
      opts.onChange();
    };
    pc.oniceconnectionstatechange = () => this.checkIce();
    pc.onconnectionstatechange = () => this.checkIce();
    this.watchdog = setInterval(() => this.checkIce(), 1_000);
  }

  get polite() {
    return this.opts.polite;
  }

  private addLocalTracks() {
    if (this.localAdded) return;
    this.localAdded = true;
    for (const { track, stream } of this.opts.local) this.pc.addTrack(track, stream);
    this.applyFramerates();
  }

  /** Sign language: cap (and so steady) the sender's frame rate; set again after each negotiation. */
  private applyFramerates() {
    for (const local of this.opts.local) {
      if (!local.maxFramerate) continue;
      const sender = this.pc.getSenders().find((s) => s.track === local.track);
      if (!sender) continue;
      const params = sender.getParameters();
      if (!params.encodings?.length || params.encodings.every((e) => e.maxFramerate === local.maxFramerate)) continue;
      for (const e of params.encodings) e.maxFramerate = local.maxFramerate;
      sender.setParameters(params).catch((error: unknown) => this.opts.log?.(`maxFramerate: ${String(error)}`));
    }
  }

  /** A signal from the peer, handled strictly in order. */
  receive(data: SignalData): Promise<void> {
    this.queue = this.queue
      .then(() => this.handle(data))
      .catch((error: unknown) => {
        if (!this.closed) this.opts.log?.(`signal failed: ${String(error)}`);
      });
    return this.queue;
  }

  /** The remote streams by what they carry; a stream not yet named is the camera if it has sound. */
  media(): { camera?: MediaStream; document?: MediaStream } {
    const out: { camera?: MediaStream; document?: MediaStream } = {};
    for (const [id, stream] of this.streams) {
      const role = this.roles.get(id) ?? (stream.getAudioTracks().length > 0 ? 'camera' : undefined);
      if (role && !out[role]) out[role] = stream;
    }
    for (const [id, stream] of this.streams) {
      if (!this.roles.has(id) && stream !== out.camera && stream !== out.document) {
        if (!out.camera) out.camera = stream;
        else if (!out.document) out.document = stream;
      }
    }
    return out;
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.watchdog);
    this.state = 'closed';
    this.pc.onnegotiationneeded = this.pc.onicecandidate = this.pc.ontrack = null;
    this.pc.oniceconnectionstatechange = this.pc.onconnectionstatechange = null;
    this.pc.close();
  }

  private async offer() {
    if (this.closed || !this.localAdded) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      const local = this.pc.localDescription;
      // A collision may have rolled our offer back meanwhile: send only what is still our offer.
      if (local?.type === 'offer') this.opts.send({ description: { type: local.type, sdp: local.sdp } });
    } catch (error) {
      if (!this.closed) this.opts.log?.(`offer failed: ${String(error)}`);
    } finally {
      this.makingOffer = false;
    }
  }

  private async handle(data: SignalData) {
    if (this.closed) return;
    if ('media' in data) {
      for (const [id, role] of Object.entries(data.media)) this.roles.set(id, role);
      this.opts.onChange();
      return;
    }
    if ('description' in data) {
      const description = data.description as RTCSessionDescriptionInit;
      const readyForOffer = !this.makingOffer && (this.pc.signalingState === 'stable' || this.answerPending);
      const collision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.opts.polite && collision;
      if (this.ignoreOffer) {
        this.opts.log?.('offer ignored (collision)');
        return;
      }
      this.answerPending = description.type === 'answer';
      await this.pc.setRemoteDescription(description);
      this.answerPending = false;
      if (description.type === 'offer') {
        // Called: our tracks join the offered transceivers, so the answer already sends.
        this.addLocalTracks();
        await this.pc.setLocalDescription();
        const local = this.pc.localDescription;
        if (local) this.opts.send({ description: { type: local.type, sdp: local.sdp } });
      }
      this.applyFramerates();
      return;
    }
    if ('candidate' in data) {
      if (!data.candidate) return;
      try {
        await this.pc.addIceCandidate(data.candidate as RTCIceCandidateInit);
      } catch (error) {
        if (!this.ignoreOffer) throw error;
      }
    }
  }

  private restart(why: string) {
    const now = Date.now();
    this.lastAttempt = now;
    this.restartBackoff = Math.min(MAX_RESTART_BACKOFF_MS, Math.max(2_000, this.restartBackoff * 2));
    this.iceRestarts++;
    this.opts.log?.(`ice restart (${why})`);
    if (!this.localAdded) this.addLocalTracks();
    this.pc.restartIce();
  }

  private checkIce() {
    if (this.closed) return;
    const ice = this.pc.iceConnectionState;
    const now = Date.now();
    const side = this.opts.polite ? 'polite' : 'impolite';
    const sinceAttempt = now - this.lastAttempt;
    let next: PeerLinkState;
    if (ice === 'connected' || ice === 'completed') {
      this.badSince = undefined;
      this.restartBackoff = 0;
      next = 'connected';
      this.connectedAt ??= now;
    } else if (ice === 'disconnected' || ice === 'failed') {
      this.badSince ??= now;
      next = 'reconnecting';
      const due = (ice === 'failed' && !this.opts.polite) || now - this.badSince > RESTART_AFTER_MS[side];
      if (due && sinceAttempt > Math.max(this.restartBackoff, RESTART_AFTER_MS[side])) this.restart(ice);
    } else {
      // new / checking: first contact, or a restart under way
      next = this.connectedAt ? 'reconnecting' : 'connecting';
      if (sinceAttempt > Math.max(this.restartBackoff, STUCK_AFTER_MS[side]) && this.pc.signalingState === 'stable') this.restart(`stuck ${ice}`);
    }
    if (next !== this.state) {
      this.state = next;
      this.opts.onChange();
    }
  }
}
