import { useEffect, useRef, useState } from 'react';
import { captureStill } from '../../meeting/captureStill';
import type { LocalMedia } from '../../meeting/localMedia';
import type { MeetingSession, MeetingSnapshot } from '../../meeting/session';

export type CaptureState = 'idle' | 'capturing' | 'sent' | 'failed';

/**
 * When the expert asks, the kiosk photographs what lies under the document camera and sends it straight to the
 * agency's inbox (POST /api/terminal/documents/pages); the still is never kept on the kiosk. Tells the meeting and
 * the customer how it went.
 */
export function useCaptureResponder(session: MeetingSession | undefined, snapshot: MeetingSnapshot, local: LocalMedia | undefined, token: string): CaptureState {
  const [state, setState] = useState<CaptureState>('idle');
  const handled = useRef(snapshot.captureRequests);
  useEffect(() => {
    if (!session || snapshot.captureRequests <= handled.current) return;
    handled.current = snapshot.captureRequests;
    const stream = local?.document;
    if (!stream) {
      session.reportCapture(false, 'document.no_camera');
      setState('failed');
      return;
    }
    setState('capturing');
    void (async () => {
      try {
        const still = await captureStill(stream);
        const res = await fetch('/api/terminal/documents/pages', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
          body: still,
        });
        if (!res.ok) {
          const problem = (await res.json().catch(() => ({}))) as { code?: string };
          session.reportCapture(false, problem.code ?? `http.${res.status}`);
          setState('failed');
          return;
        }
        session.reportCapture(true);
        setState('sent');
      } catch {
        session.reportCapture(false, 'document.capture_failed');
        setState('failed');
      }
    })();
  }, [session, snapshot.captureRequests, local, token]);
  useEffect(() => {
    if (state !== 'sent' && state !== 'failed') return;
    const timer = setTimeout(() => setState('idle'), 8_000);
    return () => clearTimeout(timer);
  }, [state]);
  return state;
}
