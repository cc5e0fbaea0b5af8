import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../../shared/scheduling';
import { capitalize, useLanguage } from '../../../localized';
import { BookingRow } from '../../desk/calendar/BookingRow';
import { useCalendar } from '../../desk/calendar/CalendarContext';
import { type Ymd, formatDayLong, zonedParts } from '../../desk/calendar/time';

/** Upcoming bookings as days (headings) of time-ordered rows; cancelled ones are left out. */
export function BookingsByDay({ bookings, level = 'h3' }: { bookings: BookingView[]; level?: 'h3' | 'h4' }) {
  const { t } = useTranslation('calendar');
  const { locale } = useLanguage();
  const { timeZone } = useCalendar();
  const id = useId();
  const Heading = level;
  const days = new Map<Ymd, BookingView[]>();
  for (const b of [...bookings].filter((b) => b.status !== 'cancelled').sort((a, c) => a.start.localeCompare(c.start))) {
    const day = zonedParts(b.start, timeZone).date;
    days.set(day, [...(days.get(day) ?? []), b]);
  }
  if (days.size === 0) return <p>{t('expert.none')}</p>;
  return (
    <div className="cal-day-groups">
      {[...days].map(([day, list]) => (
        <div key={day} className="cal-day-group">
          <Heading id={`${id}-${day}`}>{capitalize(formatDayLong(day, locale))}</Heading>
          <ul className="cal-rows" aria-labelledby={`${id}-${day}`}>
            {list.map((b) => (
              <li key={b.id}>
                <BookingRow booking={b} showService />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
