import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { IdentityCheckView } from '../../../../shared/assistance';
import { ApiError } from '../../../api';
import { useLiveEvents } from '../../../realtime/useLiveEvents';
import { useBookingIdentityChecks, useCancelCheck, useRequestCheck } from '../../desk/assistance/api';
import { assistanceError } from '../../desk/assistance/assistanceError';
import { useFormatters } from '../../desk/assistance/format';
import { useBooking } from '../../desk/calendar/queries';
import '../../desk/assistance/assistance.css';
import './identity.css';

/** The customer is in the room: the advisor can go and check (server rule: identity_check.not_checked_in). */
const PRESENT = new Set(['checked-in', 'in-meeting']);
const isOpen = (c: IdentityCheckView) => c.status === 'requested' || c.status === 'acknowledged';

type Props = { bookingId: string; level?: 'h2' | 'h3' };

/**
 * The expert asks the service point's advisor to check the customer's identity document, and sees the answer
 * live: requested → an advisor is on the way → verified or not, by whom and when. Self-contained (reads the
 * booking and its checks, listens to the agency's events), so the meeting screen can show it as well.
 */
export function IdentityCheckPanel({ bookingId, level = 'h2' }: Props) {
  const { t } = useTranslation('assistance');
  const headingId = useId();
  const booking = useBooking(bookingId);
  const checks = useBookingIdentityChecks(bookingId);
  const request = useRequestCheck();
  const cancel = useCancelCheck();
  const agencyId = booking.data?.agencyId;
  useLiveEvents(agencyId ? [{ agencyId }] : [], !!agencyId);
  const Heading = level;
  const all = checks.data ?? [];
  const latest = all.at(-1);
  const earlier = all.slice(0, -1).filter((c) => c.status === 'completed');
  const open = latest && isOpen(latest) ? latest : undefined;
  const canRequest = !!booking.data && PRESENT.has(booking.data.status) && !open;
  const notYet = booking.data?.status === 'booked';
  // The agreement decides (agreement.task_not_delegated, naming agency and date); the older code is kept for safety.
  const notDelegated = request.error instanceof ApiError && (request.error.code === 'agreement.task_not_delegated' || request.error.code === 'identity_check.not_delegated');
  const error = request.error ?? cancel.error;

  return (
    <section className="identity-panel" aria-labelledby={headingId}>
      <Heading id={headingId} className="identity-title">
        {t('identity.heading')}
      </Heading>
      <div role="status" aria-live="polite" className="identity-state" data-testid="identity-state">
        {checks.isSuccess && <CheckState check={latest} />}
      </div>
      {notDelegated ? (
        <p className="identity-not-delegated" role="alert">
          {request.error instanceof ApiError && request.error.code === 'agreement.task_not_delegated'
            ? assistanceError(t, request.error)
            : t('errors.identity_check.not_delegated')}
        </p>
      ) : (
        !!error && (
          <p className="assist-error" role="alert">
            {assistanceError(t, error)}
          </p>
        )
      )}
      {notYet && <p className="identity-not-yet">{t('identity.notYet')}</p>}
      <div className="assist-actions">
        {canRequest && !notDelegated && (
          <Button onClick={() => request.mutate(bookingId)} disabled={request.isPending}>
            {latest ? t('identity.requestAgain') : t('identity.request')}
          </Button>
        )}
        {open && (
          <Button variant="secondary" onClick={() => cancel.mutate(open.id)} disabled={cancel.isPending}>
            {t('identity.cancel')}
          </Button>
        )}
      </div>
      {earlier.length > 0 && (
        <details className="identity-earlier">
          <summary>{t('identity.earlier', { count: earlier.length })}</summary>
          <ul>
            {earlier.map((c) => (
              <li key={c.id}>
                <CheckState check={c} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function CheckState({ check }: { check: IdentityCheckView | undefined }) {
  const { t } = useTranslation('assistance');
  const fmt = useFormatters();
  if (!check) return <p>{t('identity.none')}</p>;
  if (check.status === 'requested') return <p>{t('identity.requested', { time: fmt.time(check.requestedAt) })}</p>;
  if (check.status === 'acknowledged') return <p className="identity-coming">{t('identity.acknowledged', { name: check.acknowledgedBy?.name ?? '', time: fmt.time(check.acknowledgedAt) })}</p>;
  if (check.status === 'cancelled') return <p>{t('identity.cancelled', { time: fmt.time(check.cancelledAt) })}</p>;
  const r = check.result;
  const who = { name: check.completedBy?.name ?? '', time: fmt.dateTime(check.completedAt) };
  return (
    <div className={r?.verified ? 'identity-result identity-verified' : 'identity-result identity-not-verified'}>
      <p className="identity-result-head">
        <strong>{r?.verified ? t('identity.verified') : t('identity.notVerified')}</strong>
      </p>
      <p>{t('identity.by', who)}</p>
      {(r?.documentType || r?.photoMatched !== undefined) && (
        <p>
          {r?.documentType && t(`documentType.${r.documentType}`)}
          {r?.documentType && r?.photoMatched !== undefined && ' · '}
          {r?.photoMatched !== undefined && (r.photoMatched ? t('identity.photoMatched') : t('identity.photoNotMatched'))}
        </p>
      )}
    </div>
  );
}
