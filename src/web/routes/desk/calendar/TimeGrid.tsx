import { type CSSProperties, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomView } from '../../../../shared/directory';
import { capitalize, localized, useLanguage } from '../../../localized';
import { useClosedDays } from '../../../components/closedDays';
import { BookingBlock, type CalendarItem } from './BookingBlock';
import { useCalendar } from './CalendarContext';
import { gridHours, placeInLanes, position } from './layout';
import { type Ymd, formatDayShort, formatTime, todayIn, zonedInstant, zonedParts } from './time';

type Props = { servicePointId: string; days: Ymd[]; items: CalendarItem[]; rooms: RoomView[]; now: Date; selectedId?: string; dayLevel?: 'h3' | 'h4' };

type Entry = { item: CalendarItem; day: Ymd; start: number; end: number };

/**
 * The room's day or week as a time grid in the point's zone. Each day is a section with a heading and a list of
 * its bookings in time order, so a screen reader gets the same content the eye gets from the blocks' positions.
 */
export function TimeGrid({ servicePointId, days, items, rooms, now, selectedId, dayLevel = 'h3' }: Props) {
  const DayHeading = dayLevel;
  const { t } = useTranslation('calendar');
  const { locale, lang } = useLanguage();
  const { timeZone } = useCalendar();
  const id = useId();
  // Holidays and closures are named in the day's heading and the day is shaded: nothing can be booked there.
  const closedDays = useClosedDays(servicePointId, days[0]!, days[days.length - 1]!).data ?? [];
  const entries: Entry[] = items
    .filter((item) => !('status' in item) || item.status !== 'cancelled')
    .map((item) => {
      const s = zonedParts(item.start, timeZone);
      const e = zonedParts(item.end, timeZone);
      return { item, day: s.date, start: s.minutes, end: e.date === s.date ? e.minutes : 24 * 60 };
    })
    .filter((e) => days.includes(e.day));
  const hours = gridHours(entries);
  const hourMarks = Array.from({ length: (hours.end - hours.start) / 60 + 1 }, (_, i) => hours.start + i * 60);
  const today = todayIn(timeZone, now);
  const nowMinutes = zonedParts(now, timeZone).minutes;
  const roomName = (roomId: string) => {
    const room = rooms.length > 1 ? rooms.find((r) => r.id === roomId) : undefined;
    return room ? localized(room.name, lang) : undefined;
  };
  const style = { '--cal-hours': (hours.end - hours.start) / 60, '--cal-cols': days.length } as CSSProperties;

  return (
    <div className={`cal-grid${days.length > 1 ? ' cal-grid-week' : ''}`} style={style}>
      <div className="cal-times" aria-hidden="true">
        {hourMarks.map((m) => (
          <span key={m} className="cal-time-mark" style={{ top: `${((m - hours.start) / (hours.end - hours.start)) * 100}%` }}>
            {formatTime(zonedInstant(days[0]!, m, timeZone), locale, timeZone)}
          </span>
        ))}
      </div>
      {days.map((day) => {
        const placed = placeInLanes(
          entries.filter((e) => e.day === day),
          (e) => e,
        );
        const headingId = `${id}-${day}`;
        const closed = closedDays.find((c) => c.date === day);
        return (
          <section key={day} className={`cal-day${day === today ? ' cal-day-today' : ''}${closed ? ' cal-day-closed' : ''}`} aria-labelledby={headingId}>
            <DayHeading id={headingId} className="cal-day-title">
              {capitalize(formatDayShort(day, locale))}
              {day === today && <span className="cal-today-label"> {t('grid.today')}</span>}
              {closed && (
                <span className="cal-closed-label" title={t('grid.closed', { name: localized(closed.name, lang) })}>
                  {' '}
                  {t('grid.closed', { name: localized(closed.name, lang) })}
                </span>
              )}
            </DayHeading>
            <div className="cal-day-body">
              {day === today && nowMinutes >= hours.start && nowMinutes <= hours.end && (
                <div className="cal-now" aria-hidden="true" style={{ top: `${((nowMinutes - hours.start) / (hours.end - hours.start)) * 100}%` }} />
              )}
              {placed.length === 0 ? (
                <p className="cal-day-empty">{t('grid.empty')}</p>
              ) : (
                <ul className="cal-day-items">
                  {placed.map(({ item, lane, lanes }) => {
                    const pos = position(item, hours);
                    return (
                      <li
                        key={item.item.id}
                        style={{ top: `${pos.top}%`, height: `${pos.height}%`, left: `${(lane / lanes) * 100}%`, width: `${100 / lanes}%` }}
                      >
                        <BookingBlock item={item.item} selected={item.item.id === selectedId} compact={days.length > 1} roomName={roomName(item.item.roomId)} />
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
