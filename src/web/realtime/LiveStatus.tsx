import { useTranslation } from 'react-i18next';
import type { LiveState } from './liveClient';
import './live.css';

/** A small badge saying whether the screen updates by itself right now; the dot's colour repeats the text. */
export function LiveStatus({ state }: { state: LiveState }) {
  const { t } = useTranslation('calendar');
  return (
    <p className={`live-status live-status-${state}`} role="status" data-state={state}>
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </p>
  );
}
