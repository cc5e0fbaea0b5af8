import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { capitalize, useLanguage } from '../../../localized';
import { GoToDate } from './GoToDate';
import { formatDate, formatDayLong, isoWeek } from './time';
import type { useCalendarView } from './useCalendarView';

type View = ReturnType<typeof useCalendarView>;

/** Day or week, back, today, ahead, or straight to a date; the visible range as the section's heading. */
type Props = { view: View; headingId: string; allowWeek?: boolean; level?: 'h2' | 'h3' };

export function CalendarToolbar({ view: v, headingId, allowWeek = true, level = 'h2' }: Props) {
  const { t } = useTranslation('calendar');
  const { locale } = useLanguage();
  const week = v.view === 'week';
  const Title = level;
  const title = week
    ? t('nav.weekLabel', { week: isoWeek(v.days[0]!), from: formatDate(v.days[0]!, locale), to: formatDate(v.days[4]!, locale) })
    : capitalize(formatDayLong(v.date, locale));
  return (
    <div className="cal-toolbar-wrap">
      <div className="cal-toolbar">
        {allowWeek && (
          <div className="cal-toggle" role="group" aria-label={t('view.label')}>
            <button type="button" aria-pressed={!week} onClick={() => v.go({ view: 'day' })}>
              {t('view.day')}
            </button>
            <button type="button" aria-pressed={week} onClick={() => v.go({ view: 'week' })}>
              {t('view.week')}
            </button>
          </div>
        )}
        <div className="cal-nav" role="group" aria-label={t('nav.label')}>
          <Button variant="secondary" onClick={() => v.step(-1)}>
            {week ? t('nav.previousWeek') : t('nav.previousDay')}
          </Button>
          <Button variant="secondary" onClick={() => v.go({ date: v.today })} disabled={v.days.includes(v.today)}>
            {t('nav.today')}
          </Button>
          <Button variant="secondary" onClick={() => v.step(1)}>
            {week ? t('nav.nextWeek') : t('nav.nextDay')}
          </Button>
        </div>
        <GoToDate date={v.date} onDate={(date) => v.go({ date })} />
      </div>
      <Title id={headingId} className="cal-range-title" aria-live="polite">
        {title}
      </Title>
    </div>
  );
}
