import { useTranslation } from 'react-i18next';
import { Checkbox } from 'suomifi-ui-components';
import { type DayDraft, type HoursErrors, WEEKDAYS, defaultPeriod } from './hoursDraft';
import { PeriodsFields } from './PeriodsFields';
import './scheduling.css';

type Props = { week: DayDraft[]; onChange(week: DayDraft[]): void; errors: HoursErrors };

/** Monday to Sunday: at work or not, and when at work, one or two periods. */
export function WeeklyHoursEditor({ week, onChange, errors }: Props) {
  const { t } = useTranslation('scheduling');
  const set = (i: number, patch: Partial<DayDraft>) => onChange(week.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="admin-fieldset sched-hours">
      <legend>{t('hours.weekly')}</legend>
      <p className="sched-help">{t('hours.weeklyHelp')}</p>
      {WEEKDAYS.map((weekday, i) => {
        const day = week[i]!;
        const dayName = t(`weekdays.${weekday}`);
        return (
          <fieldset key={weekday} className={day.works ? 'sched-day sched-day--works' : 'sched-day'}>
            <legend className="sched-hidden">{dayName}</legend>
            <Checkbox
              checked={day.works}
              onClick={({ checkboxState }) => set(i, { works: checkboxState, periods: day.periods.length ? day.periods : [defaultPeriod()] })}
            >
              {t('hours.worksOn', { day: dayName })}
            </Checkbox>
            {day.works && (
              <PeriodsFields context={dayName} periods={day.periods} onChange={(periods) => set(i, { periods })} errorOf={(p) => errors.get(`week.${weekday}.${p}`)} />
            )}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
