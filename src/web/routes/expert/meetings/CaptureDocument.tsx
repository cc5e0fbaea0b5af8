import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSession, MeetingSnapshot } from '../../../meeting/session';

/**
 * "Photograph the document": the kiosk takes a still with its document camera and sends it to the agency's inbox
 * (docs/documents.md, terminal capture). Shown to the booking agency's expert while the kiosk's document camera is on.
 */
export function CaptureDocument({ session, snapshot, locale }: { session?: MeetingSession; snapshot: MeetingSnapshot; locale: string }) {
  const { t } = useTranslation('meeting');
  const kiosk = snapshot.peers.find((p) => p.kind === 'terminal' && p.state === 'connected');
  const result = snapshot.lastCapture;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Helsinki' });
  return (
    <div className="mt-capture">
      <button type="button" className="meeting-button" disabled={!kiosk?.document || snapshot.phase !== 'live'} onClick={() => session?.requestCapture()}>
        {t('capture.request')}
      </button>
      <p role="status" aria-live="polite">
        {result &&
          (result.ok ? (
            <>
              {t('capture.sent', { time: time.format(new Date(result.at)) })} <Link to="/expert/documents">{t('capture.inbox')}</Link>
            </>
          ) : (
            t('capture.failed', { time: time.format(new Date(result.at)) })
          ))}
      </p>
    </div>
  );
}
