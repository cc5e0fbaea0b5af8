import type { MeetingOutcome, ParticipantKind, PeerRef } from '../../shared/meetings';
import type { LocalMedia } from './localMedia';
import type { PeerLinkState } from './peerLink';
import type { SignalCredential, SignalState, SignalStop } from './signalClient';

/** What a meeting session shows the screen (src/web/meeting/session.ts). */
export type MeetingPhase =
  /** opening the socket (first time) */
  | 'connecting'
  /** in, waiting for the expert to admit (terminal) */
  | 'lobby'
  /** admitted: media with the others */
  | 'live'
  /** the socket dropped; coming back by itself */
  | 'reconnecting'
  | 'ended'
  /** not (or no longer) allowed in this meeting */
  | 'denied';

export type ChatLine = { id: number; from: { participantId: string; kind: ParticipantKind; name: string }; text: string; at: string; own: boolean };

export type PeerView = {
  participantId: string;
  connectionId: string;
  kind: ParticipantKind | 'unknown';
  name: string;
  /** `offline`: their socket is gone (reload, network), they come back by themselves. */
  state: PeerLinkState | 'offline';
  camera?: MediaStream;
  document?: MediaStream;
};

export type MeetingSnapshot = {
  phase: MeetingPhase;
  signal: SignalState;
  stop?: SignalStop;
  self?: PeerRef & { admitted: boolean };
  peers: PeerView[];
  chat: ChatLine[];
  outcome?: MeetingOutcome | null;
  /** The last chat send failed (socket down). */
  chatFailed: boolean;
  /** Kiosk: how many document-camera stills the expert has asked for (each new number is one request). */
  captureRequests: number;
  /** Expert: how the kiosk's last still went. */
  lastCapture?: { ok: boolean; code?: string; at: string };
  /** Who left the meeting on purpose (the leave button), latest last: their tile is gone, the screen says so. */
  departures: Departure[];
};

export type Departure = { id: number; participantId: string; kind: ParticipantKind | 'unknown'; name: string };

export type KnownPeer = Omit<PeerRef, 'kind'> & { kind: ParticipantKind | 'unknown'; online: boolean };

export type SessionOptions = {
  meetingId: string;
  credential: SignalCredential;
  local: LocalMedia;
  /** Called once with the snapshot when the meeting ended for everyone. */
  onEnded?(outcome: MeetingOutcome | null): void;
};
