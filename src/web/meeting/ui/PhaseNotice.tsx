import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../session';

/** What is happening with the meeting, always in words: connecting, waiting to be let in, reconnecting, ended. */
export function PhaseNotice({ snapshot, className }: { snapshot: MeetingSnapshot; className?: string }) {
  const { t } = useTranslation('meeting');
  const { phase, stop } = snapshot;
  const text =
    phase === 'denied' ? t(stop === 'unauthenticated' ? 'phase.unauthenticated' : 'phase.denied') : phase === 'live' ? undefined : t(`phase.${phase}`);
  return (
    <p className={`meeting-phase ${phase === 'live' ? 'meeting-phase-live' : ''} ${className ?? ''}`} role="status" aria-live="polite" data-phase={phase}>
      {text ?? t('phase.live')}
    </p>
  );
}
