import { useTranslation } from 'react-i18next';
import type { OpeningHoursEntry, ServicePointView } from '../../shared/directory';
import type { ClosedDay } from '../../shared/scheduling';
import { localized, useLanguage } from '../localized';
import { useClosedDays } from './closedDays';
import { openingStatus, wallClock } from './opening';

/**
 * "Open now until 15:00" / "Closed today", computed in the point's own time zone; on a holiday or closure day
 * "Closed today: Independence Day", whatever the weekly hours say.
 */
export function OpenStatus({ hours, timeZone, now, closedToday }: { hours: readonly OpeningHoursEntry[]; timeZone: string; now: Date; closedToday?: ClosedDay }) {
  const { t } = useTranslation('servicePoint');
  const { lang } = useLanguage();
  const status = openingStatus(hours, timeZone, now);
  if (closedToday) return <span className="open-status open-status-closed">{t('status.closedHoliday', { name: localized(closedToday.name, lang) })}</span>;
  const label =
    status.state === 'open'
      ? t('status.open', { time: status.until })
      : status.state === 'opensLater'
        ? t('status.opensLater', { time: status.opens })
        : t(`status.${status.state}`);
  return <span className={`open-status open-status-${status.state === 'open' ? 'open' : 'closed'}`}>{label}</span>;
}

/** The point's status today, a holiday or closure included (for lists of points). */
export function PointOpenStatus({ point, now }: { point: Pick<ServicePointView, 'id' | 'openingHours' | 'timeZone'>; now: Date }) {
  const today = wallClock(point.timeZone, now).date;
  const closed = useClosedDays(point.id, today, today).data?.[0];
  return <OpenStatus hours={point.openingHours} timeZone={point.timeZone} now={now} closedToday={closed} />;
}
