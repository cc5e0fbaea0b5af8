import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { CallView, IdentityCheckView } from '../../../../shared/assistance';
import type { ServicePointView } from '../../../../shared/directory';
import { useUser } from '../../../auth';
import { localized, useLanguage } from '../../../localized';
import { useServicePoints } from '../../../queries';
import { useLiveEvents } from '../../../realtime/useLiveEvents';
import { useBooking } from '../calendar/queries';
import { AlertSound } from './AlertSound';
import { useAcknowledgeCall, useAcknowledgeCheck, useCalls, useCloseCall, useOpenIdentityChecks } from './api';
import { assistanceError } from './assistanceError';
import { useAppointmentText, useFormatters } from './format';
import { IdentityResultForm } from './IdentityResultForm';
import { useAlertSignals } from './useAlertSignals';
import './assistance.css';

/** The advisor's service points (their advisor role is scoped to them). */
export function useAdvisorPoints(): string[] {
  const me = useUser();
  return [...new Set(me.roles.filter((r) => r.role === 'advisor' && r.servicePointId).map((r) => r.servicePointId!))];
}

/**
 * On every desk page: each open call and identity-check request at the advisor's service points, at once (live
 * events), with a chime and a browser notification. Read through the API, so a reloaded desk shows every call
 * nobody has answered yet.
 */
export function CallAlerts() {
  const pointIds = useAdvisorPoints();
  const points = useServicePoints();
  const [announcement, setAnnouncement] = useState('');
  useLiveEvents(
    pointIds.map((servicePointId) => ({ servicePointId })),
    pointIds.length > 0,
  );
  const announce = useCallback((text: string) => setAnnouncement(text), []);
  if (pointIds.length === 0) return null;
  return (
    <div className="assist-alerts">
      {/* Present before anything is announced, so screen readers pick up what is written into it. */}
      <p className="assist-sr-only" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
      {pointIds.map((id) => (
        <PointAlerts key={id} pointId={id} point={points.data?.find((p) => p.id === id)} announce={announce} />
      ))}
      <AlertSound />
    </div>
  );
}

function PointAlerts({ pointId, point, announce }: { pointId: string; point?: ServicePointView; announce(text: string): void }) {
  const { t } = useTranslation('assistance');
  const { lang } = useLanguage();
  const headingId = useId();
  const calls = useCalls(pointId);
  const checks = useOpenIdentityChecks(pointId);
  const appointment = useAppointmentText();
  const roomName = (roomId: string) => {
    const room = point?.rooms.find((r) => r.id === roomId);
    return room ? localized(room.name, lang) : t('alerts.unknownRoom');
  };
  const active = (calls.data ?? []).filter((c) => c.status !== 'closed');
  const open = (checks.data ?? []).filter((c) => c.status === 'requested' || c.status === 'acknowledged');
  useAlertSignals(
    [
      ...active.filter((c) => c.status === 'open').map((c) => ({ id: c.id, alertCount: c.alertCount, title: t('call.title', { room: roomName(c.roomId) }), body: t(`call.source.${c.source}`) })),
      ...open
        .filter((c) => c.status === 'requested')
        .map((c) => ({ id: c.id, alertCount: c.alertCount, title: t('check.title', { room: roomName(c.roomId) }), body: `${appointment(c)} · ${t('check.requestedBy', { name: c.requestedBy.name })}` })),
    ],
    announce,
  );
  if (active.length + open.length === 0) return null;
  return (
    <section className="assist-banner" aria-labelledby={headingId}>
      <h2 id={headingId} className="assist-banner-title">
        {t('alerts.heading', { point: point ? localized(point.name, lang) : '' })}
      </h2>
      <ul className="assist-alert-list">
        {active.map((c) => (
          <CallAlert key={c.id} call={c} room={roomName(c.roomId)} />
        ))}
        {open.map((c) => (
          <CheckAlert key={c.id} check={c} room={roomName(c.roomId)} />
        ))}
      </ul>
    </section>
  );
}

function EscalatedTag({ at }: { at?: string }) {
  const { t } = useTranslation('assistance');
  if (!at) return null;
  return <span className="assist-tag assist-tag-escalated">{t('alerts.escalated')}</span>;
}

function CallAlert({ call, room }: { call: CallView; room: string }) {
  const { t } = useTranslation('assistance');
  const me = useUser();
  const fmt = useFormatters();
  const acknowledge = useAcknowledgeCall();
  const close = useCloseCall();
  const error = acknowledge.error ?? close.error;
  const mine = call.acknowledgedBy?.id === me.id;
  return (
    <li className={`assist-alert assist-alert-${call.status}${call.escalatedAt ? ' assist-alert-escalated' : ''}`} data-testid="call-alert">
      <p className="assist-alert-title">
        <strong>{t('call.title', { room })}</strong> <EscalatedTag at={call.escalatedAt} />
      </p>
      <p className="assist-alert-meta">
        {t(`call.source.${call.source}`)} · {t('alerts.since', { time: fmt.time(call.createdAt) })}
        {call.repeatCount > 0 && <> · {t('call.presses', { count: call.repeatCount + 1 })}</>}
      </p>
      {call.status === 'open' ? (
        <div className="assist-actions">
          <Button onClick={() => acknowledge.mutate(call.id)} disabled={acknowledge.isPending}>
            {t('alerts.coming')}
          </Button>
        </div>
      ) : (
        <>
          <p className="assist-taken">
            {mine ? t('alerts.youTook', { time: fmt.time(call.acknowledgedAt) }) : t('alerts.taken', { name: call.acknowledgedBy?.name ?? '', time: fmt.time(call.acknowledgedAt) })}
          </p>
          <div className="assist-actions">
            <Button variant={mine ? 'default' : 'secondary'} onClick={() => close.mutate(call.id)} disabled={close.isPending} aria-label={t('call.closeFor', { room })}>
              {t('call.close')}
            </Button>
          </div>
        </>
      )}
      {!!error && (
        <p className="assist-error" role="alert">
          {assistanceError(t, error)}
        </p>
      )}
    </li>
  );
}

function CheckAlert({ check, room }: { check: IdentityCheckView; room: string }) {
  const { t } = useTranslation('assistance');
  const me = useUser();
  const fmt = useFormatters();
  const appointment = useAppointmentText();
  const booking = useBooking(check.bookingId);
  const acknowledge = useAcknowledgeCheck();
  const mine = check.acknowledgedBy?.id === me.id;
  return (
    <li className={`assist-alert assist-alert-check assist-alert-${check.status}${check.escalatedAt ? ' assist-alert-escalated' : ''}`} data-testid="identity-check-alert">
      <p className="assist-alert-title">
        <strong>{t('check.title', { room })}</strong> <EscalatedTag at={check.escalatedAt} />
      </p>
      <p className="assist-alert-meta">
        <strong>{appointment(check)}</strong>
      </p>
      <p className="assist-alert-meta">
        {t('check.requestedBy', { name: check.requestedBy.name })} · {t('alerts.since', { time: fmt.time(check.requestedAt) })}
      </p>
      {booking.data && <p className="assist-alert-meta">{t('check.customer', { name: booking.data.customer.name, reference: booking.data.reference })}</p>}
      {check.status === 'requested' ? (
        <div className="assist-actions">
          <Button onClick={() => acknowledge.mutate(check.id)} disabled={acknowledge.isPending}>
            {t('alerts.coming')}
          </Button>
        </div>
      ) : mine ? (
        <IdentityResultForm check={check} />
      ) : (
        <p className="assist-taken">{t('alerts.taken', { name: check.acknowledgedBy?.name ?? '', time: fmt.time(check.acknowledgedAt) })}</p>
      )}
      {!!acknowledge.error && (
        <p className="assist-error" role="alert">
          {assistanceError(t, acknowledge.error)}
        </p>
      )}
    </li>
  );
}
