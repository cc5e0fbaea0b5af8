import { ScrollTable } from './ScrollTable';
import { useTranslation } from 'react-i18next';
import type { OpeningHoursEntry } from '../../shared/directory';
import type { ClosedDay } from '../../shared/scheduling';
import { capitalize, localized, useLanguage } from '../localized';
import { currentWeek, periodsOf, wallClock } from './opening';
import './servicePoint.css';

type Props = { hours: readonly OpeningHoursEntry[]; timeZone: string; now: Date; headingId: string; closedDays?: readonly ClosedDay[] };

/** This week, Monday to Sunday, in the point's zone: weekday and date, the periods or "closed" (named on a holiday); today marked. */
export function OpeningHours({ hours, timeZone, now, headingId, closedDays = [] }: Props) {
  const { t } = useTranslation('servicePoint');
  const { lang, locale } = useLanguage();
  const today = wallClock(timeZone, now).date;
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const dayDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  return (
    <ScrollTable labelledBy={headingId}>
    <table className="opening-hours" aria-labelledby={headingId}>
      <thead>
        <tr>
          <th scope="col">{t('day')}</th>
          <th scope="col">{t('hours')}</th>
        </tr>
      </thead>
      <tbody>
        {currentWeek(timeZone, now).map(({ weekday, date }) => {
          const d = new Date(`${date}T12:00:00Z`);
          const periods = periodsOf(hours, weekday);
          const isToday = date === today;
          const closed = closedDays.find((c) => c.date === date);
          const className = [isToday && 'opening-hours-today', closed && 'opening-hours-holiday'].filter(Boolean).join(' ') || undefined;
          return (
            <tr key={weekday} className={className} aria-current={isToday ? 'date' : undefined}>
              <th scope="row">
                {capitalize(dayName.format(d))} {dayDate.format(d)}
                {isToday && <span className="opening-hours-marker"> ({t('today')})</span>}
              </th>
              <td>{closed ? t('closedHoliday', { name: localized(closed.name, lang) }) : periods.length ? periods.join(', ') : t('closed')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </ScrollTable>
  );
}
