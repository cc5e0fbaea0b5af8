import type { ParticipantKind, SignalData } from '../../shared/meetings';

/**
 * One RTCPeerConnection to one other participant, negotiated with the W3C "perfect negotiation" pattern: either
 * side may add tracks or restart ICE at any time; on an offer collision the polite side rolls back and the impolite
 * side ignores the other's offer. ICE that stays disconnected for over 2 s, or fails, is restarted (with back-off
 * while it keeps failing, e.g. while the TURN server is unreachable).
 */
export type StreamRole = 'camera' | 'document';
export type PeerInfo = { participantId: string; connectionId: string; kind: ParticipantKind | 'unknown'; name: string };
export type PeerLinkState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export type LocalTrack = { track: MediaStreamTrack; stream: MediaStream; role: StreamRole; maxFramerate?: number };

type Options = {
  polite: boolean;
  configuration: RTCConfiguration;
  local: LocalTrack[];
  send(data: SignalData): void;
  onChange(): void;
};

const RESTART_AFTER_MS = 2_000;
const MAX_RESTART_BACKOFF_MS = 10_000;

export class PeerLink {
  readonly pc: RTCPeerConnection;
  /** The remote side's streams by id, and what each one is (from the peer's `media` signal). */
  readonly streams = new Map<string, MediaStream>();
  readonly roles = new Map<string, StreamRole>();
  state: PeerLinkState = 'connecting';
  /** When media first arrived (a video frame could be decoded), for the "time to first frame" figures. */
  connectedAt?: number;
  iceRestarts = 0;

  private makingOffer = false;
  private ignoreOffer = false;
  private answerPending = false;
  private queue: Promise<void> = Promise.resolve();
  private badSince?: number;
  private lastRestart = 0;
  private restartBackoff = RESTART_AFTER_MS;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(
    public peer: PeerInfo,
    private readonly opts: Options,
  ) {
    const pc = new RTCPeerConnection(opts.configuration);
    this.pc = pc;
    for (const local of opts.local) this.addLocal(local);
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

  addLocal({ track, stream, maxFramerate }: LocalTrack) {
    if (track.kind === 'video' && maxFramerate) {
      this.pc.addTransceiver(track, { direction: 'sendrecv', streams: [stream], sendEncodings: [{ maxFramerate }] });
    } else {
      this.pc.addTrack(track, stream);
    }
  }

  /** A signal from the peer, handled strictly in order. */
  receive(data: SignalData): Promise<void> {
    this.queue = this.queue.then(() => this.handle(data)).catch((error: unknown) => {
      if (!this.closed) console.warn('meeting: signal failed', error);
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
    if (this.closed) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      if (this.pc.localDescription) this.opts.send({ description: this.describe(this.pc.localDescription) });
    } catch (error) {
      if (!this.closed) console.warn('meeting: offer failed', error);
    } finally {
      this.makingOffer = false;
    }
  }

  private describe(d: RTCSessionDescription) {
    return { type: d.type, sdp: d.sdp };
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
      if (this.ignoreOffer) return;
      this.answerPending = description.type === 'answer';
      await this.pc.setRemoteDescription(description);
      this.answerPending = false;
      if (description.type === 'offer') {
        await this.pc.setLocalDescription();
        if (this.pc.localDescription) this.opts.send({ description: this.describe(this.pc.localDescription) });
      }
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

  private checkIce() {
    if (this.closed) return;
    const ice = this.pc.iceConnectionState;
    const now = Date.now();
    let next: PeerLinkState = this.state;
    if (ice === 'connected' || ice === 'completed') {
      this.badSince = undefined;
      this.restartBackoff = RESTART_AFTER_MS;
      next = 'connected';
      this.connectedAt ??= now;
    } else if (ice === 'disconnected' || ice === 'failed') {
      this.badSince ??= now;
      next = 'reconnecting';
      const due = ice === 'failed' || now - this.badSince > RESTART_AFTER_MS;
      if (due && now - this.lastRestart > this.restartBackoff) {
        this.lastRestart = now;
        if (this.iceRestarts > 0) this.restartBackoff = Math.min(MAX_RESTART_BACKOFF_MS, this.restartBackoff * 2);
        this.iceRestarts++;
        this.pc.restartIce();
      }
    } else if (this.state !== 'connected' || this.badSince) {
      // new/checking: first contact, or a restart in progress
      next = this.connectedAt ? 'reconnecting' : 'connecting';
    }
    if (next !== this.state) {
      this.state = next;
      this.opts.onChange();
    }
  }
}
