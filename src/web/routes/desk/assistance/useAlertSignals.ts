import { useEffect, useRef } from 'react';
import { notify, playChime } from './alertSignals';

export type Alertable = { id: string; alertCount: number; title: string; body: string };

/**
 * Chimes (and notifies) when an unanswered call or request appears or alerts again (the server's sweep raises
 * `alertCount` every CALL_REPEAT_SECONDS). What was on screen before a reload counts as new: it is unanswered.
 * Returns the text for the screen reader's live region.
 */
export function useAlertSignals(waiting: Alertable[], announce: (text: string) => void) {
  const seen = useRef(new Map<string, number>());
  const key = waiting.map((w) => `${w.id}:${w.alertCount}`).join(',');
  useEffect(() => {
    const fresh = waiting.filter((w) => (seen.current.get(w.id) ?? 0) < w.alertCount);
    seen.current = new Map(waiting.map((w) => [w.id, Math.max(w.alertCount, seen.current.get(w.id) ?? 0)]));
    if (fresh.length === 0) return;
    playChime();
    for (const w of fresh) notify(w.title, w.body, w.id);
    announce(fresh.map((w) => w.title).join('. '));
    // Only the ids and counts matter; the texts follow them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
