import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ServicePointView } from '../../../shared/directory';
import { localized, useLanguage } from '../../localized';
import { useServicePoints } from '../../queries';
import { useLiveEvents } from '../../realtime/useLiveEvents';
import { useCalls, useOpenIdentityChecks } from '../desk/assistance/api';
import { useAppointmentText, useFormatters } from '../desk/assistance/format';
import { useAlertSignals } from '../desk/assistance/useAlertSignals';
import '../desk/assistance/assistance.css';

/**
 * For coordinators, on every reports page: calls and identity-check requests that nobody at the service point
 * answered in time (escalated by the sweep), with the same chime and notification as the desk. Coordinators do
 * not go to the room; the link leads to the status board, where they see who takes it.
 */
export function EscalationAlerts() {
  const points = useServicePoints();
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((text: string) => setAnnouncement(text), []);
  // One subscription to everything the policy lets a coordinator hear.
  useLiveEvents([{}]);
  return (
    <div className="assist-alerts">
      <p className="assist-sr-only" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
      {(points.data ?? [])
        .filter((p) => p.active)
        .map((p) => (
          <PointEscalations key={p.id} point={p} announce={announce} />
        ))}
    </div>
  );
}

function PointEscalations({ point, announce }: { point: ServicePointView; announce(text: string): void }) {
  const { t } = useTranslation('assistance');
  const { lang } = useLanguage();
  const fmt = useFormatters(point.timeZone);
  const calls = useCalls(point.id);
  const checks = useOpenIdentityChecks(point.id);
  const appointment = useAppointmentText();
  const pointName = localized(point.name, lang);
  const roomName = (roomId: string) => {
    const room = point.rooms.find((r) => r.id === roomId);
    return room ? localized(room.name, lang) : t('alerts.unknownRoom');
  };
  const items = [
    ...(calls.data ?? [])
      .filter((c) => c.status === 'open' && c.escalatedAt)
      .map((c) => ({ id: c.id, alertCount: c.alertCount, since: c.createdAt, title: t('call.title', { room: roomName(c.roomId) }), about: undefined as string | undefined })),
    ...(checks.data ?? [])
      .filter((c) => c.status === 'requested' && c.escalatedAt)
      .map((c) => ({ id: c.id, alertCount: c.alertCount, since: c.requestedAt, title: t('check.title', { room: roomName(c.roomId) }), about: appointment(c) })),
  ];
  useAlertSignals(
    items.map((i) => ({ id: i.id, alertCount: i.alertCount, title: `${t('alerts.escalated')}: ${i.title}`, body: i.about ? `${pointName} · ${i.about}` : pointName })),
    announce,
  );
  if (items.length === 0) return null;
  return (
    <section className="assist-banner" aria-label={t('escalations.heading', { point: pointName })}>
      <h2 className="assist-banner-title">{t('escalations.heading', { point: pointName })}</h2>
      <ul className="assist-alert-list">
        {items.map((i) => (
          <li key={i.id} className="assist-alert assist-alert-escalated" data-testid="escalation-alert">
            <p className="assist-alert-title">
              <strong>{i.title}</strong> <span className="assist-tag assist-tag-escalated">{t('alerts.escalated')}</span>
            </p>
            {i.about && <p className="assist-alert-meta">{i.about}</p>}
            <p className="assist-alert-meta">
              {t('escalations.unanswered', { time: fmt.time(i.since) })} <Link to="/reports/status">{t('board.open')}</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
