import type { SignalServerMessage } from '../../shared/meetings';
import type { MeetingSession } from './session';
import { type PeerStats, peerStats } from './stats';

/**
 * A small read-only window into the meeting for browser tests and for support staff: `window.__etapisteMeeting`.
 * It exists only when the page was opened with `?debug` or when the test harness set `window.__etapisteDebug`
 * before the app loaded (an init script), so customers and staff never carry it. It exposes statistics and the
 * peer connections; it changes nothing.
 */
export type MeetingDebug = {
  meetingId: string;
  phase(): string;
  selfId(): string | undefined;
  peers(): { participantId: string; kind: string; state: string; pc: RTCPeerConnection }[];
  stats(): Promise<PeerStats[]>;
  admittedAt(): number | undefined;
  trace(): string[];
};

declare global {
  interface Window {
    __etapisteDebug?: boolean;
    __etapisteMeeting?: MeetingDebug;
  }
}

export function debugEnabled(): boolean {
  return window.__etapisteDebug === true || new URLSearchParams(window.location.search).has('debug');
}

export function registerDebug(session: MeetingSession): () => void {
  if (!debugEnabled()) return () => undefined;
  const api: MeetingDebug = {
    meetingId: session.meetingId,
    phase: () => session.getSnapshot().phase,
    selfId: () => session.getSnapshot().self?.participantId,
    peers: () => session.peerLinks().map((l) => ({ participantId: l.peer.participantId, kind: l.peer.kind, state: l.state, pc: l.pc })),
    stats: () => Promise.all(session.peerLinks().map(peerStats)),
    admittedAt: () => session.marks.admittedAt,
    trace: () => [...session.trace],
  };
  window.__etapisteMeeting = api;
  return () => {
    if (window.__etapisteMeeting === api) delete window.__etapisteMeeting;
  };
}

/** A received message as one trace line: types and short ids only, never SDP, candidates or chat text. */
export function traceEntry(message: SignalServerMessage): string {
  if (message.type === 'signal') {
    const { from, data } = message;
    return `in signal ${from.participantId.slice(0, 8)}/${from.connectionId.slice(0, 8)} ${Object.keys(data)[0]}${'description' in data ? `:${data.description.type}` : ''}`;
  }
  if (message.type === 'peer') return `in peer ${message.state} ${message.peer.participantId.slice(0, 8)}/${message.peer.connectionId.slice(0, 8)}`;
  return `in ${message.type}`;
}
