import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../localized';
import { useCalendar } from './CalendarContext';
import type { BookingDetail } from './queries';
import { formatDayTime, formatStamp } from './time';

type HistoryEntry = BookingDetail['history'][number];

/** What happened to the booking and when: created, moved (from → to), status changes. */
export function BookingHistory({ history, level = 'h3' }: { history: HistoryEntry[]; level?: 'h2' | 'h3' }) {
  const { t } = useTranslation('calendar');
  const { locale } = useLanguage();
  const { timeZone } = useCalendar();
  const id = useId();
  const Heading = level;
  const status = (s?: string) => (s ? t(`status.${s}`, { defaultValue: s }) : '');
  const describe = (e: HistoryEntry) => {
    if (e.kind === 'created') return t('history.created', { time: e.toStart ? formatDayTime(e.toStart, locale, timeZone) : '' });
    if (e.kind === 'moved')
      return t('history.moved', { from: e.fromStart ? formatDayTime(e.fromStart, locale, timeZone) : '', to: e.toStart ? formatDayTime(e.toStart, locale, timeZone) : '' });
    if (e.kind === 'status') return t('history.status', { from: status(e.fromStatus), to: status(e.toStatus) });
    if (e.kind === 'released') return t('history.released', { time: e.end ? formatDayTime(e.end, locale, timeZone) : '' });
    return e.kind;
  };
  return (
    <section aria-labelledby={id} className="cal-history">
      <Heading id={id} className="cal-subheading">
        {t('history.title')}
      </Heading>
      <ol>
        {history.map((e, i) => (
          <li key={i}>
            <span className="cal-history-at">{formatStamp(e.at, locale, timeZone)}</span> {describe(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
