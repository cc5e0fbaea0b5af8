import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalMedia } from '../localMedia';

/** Microphone and camera switches. Toggle buttons: their name stays, `aria-pressed` says the state. */
export function MediaControls({ local, onChange, large }: { local?: LocalMedia; onChange?(): void; large?: boolean }) {
  const { t } = useTranslation('meeting');
  const [, redraw] = useState(0);
  if (!local) return null;
  const toggle = (fn: () => void) => {
    fn();
    redraw((n) => n + 1);
    onChange?.();
  };
  return (
    <div className={`meeting-controls ${large ? 'meeting-controls-large' : ''}`} role="group" aria-label={t('controls.label')}>
      <button type="button" className="meeting-button" aria-pressed={local.muted} onClick={() => toggle(() => local.setMuted(!local.muted))}>
        {t('controls.mute')}
      </button>
      <button type="button" className="meeting-button" aria-pressed={local.cameraOff} onClick={() => toggle(() => local.setCameraOff(!local.cameraOff))}>
        {t('controls.cameraOff')}
      </button>
    </div>
  );
}
