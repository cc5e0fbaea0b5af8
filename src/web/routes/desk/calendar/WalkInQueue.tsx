import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { BookingView } from '../../../../shared/scheduling';
import { ErrorAlert } from '../../../components/Alerts';
import { QueryStatus } from '../../../components/QueryStatus';
import { useLanguage } from '../../../localized';
import { useCalendar } from './CalendarContext';
import { calendarError } from './calendarError';
import { interpretingLanguageName } from './languages';
import { useCancelWalkIn, useTakeWalkIn, useWalkIns } from './queries';
import { AgencyTag } from './StatusChip';
import { formatTime } from './time';

type Props = {
  params: { servicePointId?: string; agencyId?: string };
  /** Advisors may take a customer out of the queue; experts take the customer into a meeting now. */
  mode: 'advisor' | 'expert';
  onTaken?(booking: BookingView): void;
};

/** Customers waiting without a booking, first come first served. */
export function WalkInQueue({ params, mode, onTaken }: Props) {
  const { t } = useTranslation('calendar');
  const { locale } = useLanguage();
  const cal = useCalendar();
  const walkIns = useWalkIns(params);
  const take = useTakeWalkIn();
  const cancel = useCancelWalkIn();
  const error = take.error ?? cancel.error;
  return (
    <>
      {error && <ErrorAlert>{calendarError(t, error)}</ErrorAlert>}
      <QueryStatus query={walkIns}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('walkIn.empty')}</p>
          ) : (
            <ol className="cal-rows cal-queue">
              {list.map((w) => (
                <li key={w.id} className="cal-queue-item">
                  <span className="cal-row-time">{t('walkIn.since', { time: formatTime(w.createdAt, locale, cal.timeZone) })}</span>
                  <AgencyTag agencyId={w.agencyId} />
                  <span className="cal-row-name">{w.customerName}</span>
                  <span className="cal-row-service">{cal.serviceName(w.serviceId)}</span>
                  <span>
                    {t(`bookingLanguage.${w.language}`)}
                    {w.interpretingLanguage && `, ${t('interpreting.short', { language: interpretingLanguageName(t, w.interpretingLanguage, locale) })}`}
                  </span>
                  {mode === 'expert' ? (
                    <Button disabled={take.isPending} onClick={() => take.mutate(w.id, { onSuccess: onTaken })}>
                      {t('walkIn.take', { name: w.customerName })}
                    </Button>
                  ) : (
                    <Button variant="secondary" disabled={cancel.isPending} onClick={() => cancel.mutate(w.id)}>
                      {t('walkIn.remove', { name: w.customerName })}
                    </Button>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </QueryStatus>
    </>
  );
}
