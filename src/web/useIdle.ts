import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
/** Shared by the tabs of this browser, so working in one tab keeps the others (and their one session) alive. */
const STORAGE_KEY = 'etapiste.lastActivity';
const SHARE_EVERY_MS = 5_000;

function sharedStamp(): number {
  const stored = Number(localStorage.getItem(STORAGE_KEY));
  return Number.isFinite(stored) ? stored : 0;
}

/**
 * Calls onIdle once `ms` milliseconds have passed without pointer, touch or keyboard activity in any tab.
 * Activity only stamps a time; one timer re-arms itself for the remaining time, so mouse movement costs nothing.
 */
export function useIdle(ms: number | undefined, onIdle: () => void, { shared = true }: { shared?: boolean } = {}) {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!ms) return;
    let last = Date.now();
    let sharedAt = 0;
    let timer: ReturnType<typeof setTimeout>;
    const mark = () => {
      last = Date.now();
      if (shared && last - sharedAt > SHARE_EVERY_MS) {
        sharedAt = last;
        localStorage.setItem(STORAGE_KEY, String(last));
      }
    };
    const check = () => {
      const left = (shared ? Math.max(last, sharedStamp()) : last) + ms - Date.now();
      if (left <= 0) callback.current();
      else timer = setTimeout(check, left);
    };
    mark();
    timer = setTimeout(check, ms);
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, mark, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, mark, { capture: true });
    };
  }, [ms, shared]);
}
