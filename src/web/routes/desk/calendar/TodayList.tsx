import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/QueryStatus';
import { BookingRow } from './BookingRow';
import { useCalendar } from './CalendarContext';
import { useBookings } from './queries';
import { dayRange, todayIn } from './time';

/** Today's bookings at the point in time order, cancelled and completed ones included, each with its status. */
export function TodayList({ servicePointId, now }: { servicePointId: string; now: Date }) {
  const { t } = useTranslation('calendar');
  const { timeZone } = useCalendar();
  const id = useId();
  const today = todayIn(timeZone, now);
  const bookings = useBookings({ servicePointId, ...dayRange(today, today, timeZone) });
  return (
    <section className="cal-panel" aria-labelledby={id}>
      <h2 id={id} className="cal-panel-title">
        {t('today.title')}
      </h2>
      <QueryStatus query={bookings}>
        {({ bookings: list }) =>
          list.length === 0 ? (
            <p>{t('today.empty')}</p>
          ) : (
            <ul className="cal-rows">
              {[...list]
                .sort((a, b) => a.start.localeCompare(b.start))
                .map((b) => (
                  <li key={b.id}>
                    <BookingRow booking={b} />
                  </li>
                ))}
            </ul>
          )
        }
      </QueryStatus>
    </section>
  );
}
