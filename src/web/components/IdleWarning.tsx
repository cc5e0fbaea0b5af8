import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdle } from '../useIdle';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart'] as const;

/**
 * Warns `leadMs` before an idle sign-out, so an advisor who keeps the desk open for call alerts is not signed out
 * unnoticed: "stay signed in" (or any key or touch) continues, and `onContinue` lets the server know.
 */
export function IdleWarning({ idleMs, leadMs, onContinue }: { idleMs: number; leadMs: number; onContinue(): void }) {
  const [round, setRound] = useState(0);
  return <IdleWarningRound key={round} idleMs={idleMs} leadMs={leadMs} onContinue={() => (onContinue(), setRound((r) => r + 1))} />;
}

function IdleWarningRound({ idleMs, leadMs, onContinue }: { idleMs: number; leadMs: number; onContinue(): void }) {
  const { t } = useTranslation('common');
  const [shown, setShown] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useIdle(Math.max(idleMs - leadMs, 1_000), () => setShown(true));
  useEffect(() => {
    if (!shown) return;
    button.current?.focus();
    const resume = () => onContinue();
    for (const e of ACTIVITY) window.addEventListener(e, resume, { once: true, capture: true });
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, resume, { capture: true });
    };
  }, [shown, onContinue]);
  if (!shown) return null;
  return (
    <div className="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-warning-title" aria-describedby="idle-warning-text">
      <div className="idle-warning-box">
        <h2 id="idle-warning-title">{t('idleWarning.title')}</h2>
        <p id="idle-warning-text">{t('idleWarning.text', { count: Math.round(leadMs / 60_000) })}</p>
        <button ref={button} type="button" className="idle-warning-button" onClick={onContinue}>
          {t('idleWarning.continue')}
        </button>
      </div>
    </div>
  );
}
