import type { PeerLink, StreamRole } from './peerLink';

/** What getStats() says about one peer connection, reduced to what a person (or a test) checks. */
export type InboundSummary = {
  kind: 'audio' | 'video';
  role?: StreamRole;
  trackIdentifier?: string;
  bytesReceived: number;
  packetsReceived: number;
  framesDecoded?: number;
  framesPerSecond?: number;
  frameWidth?: number;
  frameHeight?: number;
};
export type PeerStats = {
  participantId: string;
  kind: string;
  state: string;
  iceConnectionState: RTCIceConnectionState;
  signalingState: RTCSignalingState;
  iceRestarts: number;
  /** Candidate types of the pair in use: `host`, `srflx`, `prflx`, `relay`. */
  selectedPair?: { local: string; remote: string };
  inbound: InboundSummary[];
  outbound: { kind: 'audio' | 'video'; bytesSent: number; framesPerSecond?: number; frameWidth?: number }[];
  at: number;
};

type Stat = Record<string, unknown> & { id: string; type: string };

export async function peerStats(link: PeerLink): Promise<PeerStats> {
  const report = await link.pc.getStats();
  const byId = new Map<string, Stat>();
  report.forEach((s: Stat) => byId.set(s.id, s));
  const roleOfTrack = new Map<string, StreamRole>();
  for (const [id, stream] of link.streams) {
    const role = link.media().camera === stream ? 'camera' : link.media().document === stream ? 'document' : link.roles.get(id);
    if (role) for (const t of stream.getTracks()) roleOfTrack.set(t.id, role);
  }
  const inbound: InboundSummary[] = [];
  const outbound: PeerStats['outbound'] = [];
  let selectedPair: PeerStats['selectedPair'];
  for (const s of byId.values()) {
    if (s.type === 'inbound-rtp') {
      const track = s.trackIdentifier as string | undefined;
      inbound.push({
        kind: s.kind as 'audio' | 'video',
        role: track ? roleOfTrack.get(track) : undefined,
        trackIdentifier: track,
        bytesReceived: Number(s.bytesReceived ?? 0),
        packetsReceived: Number(s.packetsReceived ?? 0),
        framesDecoded: s.framesDecoded as number | undefined,
        framesPerSecond: s.framesPerSecond as number | undefined,
        frameWidth: s.frameWidth as number | undefined,
        frameHeight: s.frameHeight as number | undefined,
      });
    } else if (s.type === 'outbound-rtp') {
      outbound.push({ kind: s.kind as 'audio' | 'video', bytesSent: Number(s.bytesSent ?? 0), framesPerSecond: s.framesPerSecond as number | undefined, frameWidth: s.frameWidth as number | undefined });
    } else if (s.type === 'transport' && s.selectedCandidatePairId) {
      const pair = byId.get(s.selectedCandidatePairId as string);
      const local = pair && byId.get(pair.localCandidateId as string);
      const remote = pair && byId.get(pair.remoteCandidateId as string);
      if (local && remote) selectedPair = { local: String(local.candidateType), remote: String(remote.candidateType) };
    }
  }
  return {
    participantId: link.peer.participantId,
    kind: link.peer.kind,
    state: link.state,
    iceConnectionState: link.pc.iceConnectionState,
    signalingState: link.pc.signalingState,
    iceRestarts: link.iceRestarts,
    selectedPair,
    inbound,
    outbound,
    at: Date.now(),
  };
}
