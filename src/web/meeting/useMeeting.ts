import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MeetingOutcome } from '../../shared/meetings';
import { type CameraProfile, LocalMedia, type MediaFailure, mediaFailure, openCamera, openDocumentCamera } from './localMedia';
import { type MeetingSnapshot, MeetingSession } from './session';
import type { SignalCredential } from './signalClient';

export type LocalMediaState = { media?: LocalMedia; failure?: MediaFailure; documentMissing: boolean; retry(): void };

/**
 * Opens this device's camera and microphone (and at the terminal the document camera) while `enabled`, and stops
 * every track when no longer needed: nothing keeps running after the meeting.
 */
export function useLocalMedia(enabled: boolean, opts: { profile?: CameraProfile; document?: boolean } = {}): LocalMediaState {
  const [media, setMedia] = useState<LocalMedia>();
  const [failure, setFailure] = useState<MediaFailure>();
  const [documentMissing, setDocumentMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const profile = opts.profile ?? 'standard';
  const withDocument = !!opts.document;

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let opened: LocalMedia | undefined;
    void (async () => {
      try {
        const camera = await openCamera(profile);
        let document: MediaStream | undefined;
        if (withDocument) document = await openDocumentCamera(camera).catch(() => undefined);
        opened = new LocalMedia(camera, document, profile);
        if (cancelled) return opened.stop();
        setFailure(undefined);
        setDocumentMissing(withDocument && !document);
        setMedia(opened);
      } catch (error) {
        if (!cancelled) setFailure(mediaFailure(error));
      }
    })();
    return () => {
      cancelled = true;
      opened?.stop();
      setMedia(undefined);
    };
  }, [enabled, profile, withDocument, attempt]);

  return { media, failure, documentMissing, retry: () => setAttempt((n) => n + 1) };
}

const EMPTY: MeetingSnapshot = { phase: 'connecting', signal: 'connecting', peers: [], chat: [], chatFailed: false, captureRequests: 0, departures: [] };
const noSubscribe = () => () => undefined;
const emptySnapshot = () => EMPTY;

/** Joins the meeting's signalling and media while a meeting id and local media are given. */
export function useMeetingSession(args: {
  meetingId?: string;
  credential: SignalCredential;
  local?: LocalMedia;
  onEnded?(outcome: MeetingOutcome | null): void;
}): { session?: MeetingSession; snapshot: MeetingSnapshot } {
  const { meetingId, credential, local } = args;
  const [session, setSession] = useState<MeetingSession>();
  const credentialKey = JSON.stringify(credential);
  const onEndedRef = useLatest(args.onEnded);

  useEffect(() => {
    if (!meetingId || !local) return;
    const s = new MeetingSession({ meetingId, credential: JSON.parse(credentialKey) as SignalCredential, local, onEnded: (o) => onEndedRef.current?.(o) });
    s.start();
    setSession(s);
    return () => {
      s.stop();
      setSession(undefined);
    };
  }, [meetingId, credentialKey, local, onEndedRef]);

  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getSnapshot ?? emptySnapshot);
  return { session, snapshot };
}

function useLatest<T>(value: T): { current: T } {
  const [ref] = useState(() => ({ current: value }));
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
