import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { askNotificationPermission, notificationState, soundState, subscribeSound, unlockSound } from './alertSignals';

/** Remembered per browser: this desk wants the chime (and notifications). */
export const ALERT_SOUND_KEY = 'etapiste.desk.alertSound';

const remembered = () => {
  try {
    return localStorage.getItem(ALERT_SOUND_KEY) === 'on';
  } catch {
    return false;
  }
};

/**
 * Browsers keep a page silent until the person has clicked it, so a desk nobody has touched since loading would
 * miss the chime. This says so plainly and offers one button that turns on the sound and asks for notifications;
 * the choice is remembered, and after a reload the first click anywhere on the page turns the sound back on.
 */
export function AlertSound() {
  const { t } = useTranslation('assistance');
  const sound = useSyncExternalStore(subscribeSound, soundState);
  const [wanted, setWanted] = useState(remembered);
  const [notifications, setNotifications] = useState(notificationState);

  useEffect(() => {
    if (!wanted || sound !== 'blocked') return;
    const unlock = () => unlockSound();
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    return () => {
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
  }, [wanted, sound]);

  if (sound === 'unsupported' && notifications !== 'default') return null;
  const enable = async () => {
    // Inside the click: the browser lets the sound start only now.
    unlockSound();
    try {
      localStorage.setItem(ALERT_SOUND_KEY, 'on');
    } catch {
      // Private mode: on for this page only.
    }
    setWanted(true);
    if (notificationState() === 'default') setNotifications(await askNotificationPermission());
  };
  const off = sound === 'blocked';
  return (
    <div className={`assist-sound ${off ? 'assist-sound-off' : 'assist-sound-on'}`} role="status">
      <p>{off ? t(wanted ? 'sound.offUntilClick' : 'sound.off') : t('sound.on')}</p>
      {/* The sound already on, only notifications not asked yet: the button offers what is still off. */}
      {(off || notifications === 'default') && <Button onClick={() => void enable()}>{t(off ? 'sound.enable' : 'sound.enableNotifications')}</Button>}
    </div>
  );
}
