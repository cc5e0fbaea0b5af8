import { useTranslation } from 'react-i18next';
import type { OpeningHoursEntry } from '../../shared/directory';
import { openingStatus } from './opening';

/** "Open now until 15:00" / "Closed today", computed in the point's own time zone. */
export function OpenStatus({ hours, timeZone, now }: { hours: readonly OpeningHoursEntry[]; timeZone: string; now: Date }) {
  const { t } = useTranslation('servicePoint');
  const status = openingStatus(hours, timeZone, now);
  const label =
    status.state === 'open'
      ? t('status.open', { time: status.until })
      : status.state === 'opensLater'
        ? t('status.opensLater', { time: status.opens })
        : t(`status.${status.state}`);
  return <span className={`open-status open-status-${status.state === 'open' ? 'open' : 'closed'}`}>{label}</span>;
}
