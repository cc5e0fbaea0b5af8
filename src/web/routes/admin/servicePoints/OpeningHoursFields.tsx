import { ScrollTable } from '../../../components/ScrollTable';
import { useTranslation } from 'react-i18next';
import { Checkbox, TimeInput } from 'suomifi-ui-components';
import { type DayHours, WEEKDAYS } from './draft';

type Props = { week: DayHours[]; onChange(week: DayHours[]): void; invalid: Set<number> };

/** Monday to Sunday: open or closed, and when open, the opening and closing time. */
export function OpeningHoursFields({ week, onChange, invalid }: Props) {
  const { t } = useTranslation('admin');
  const set = (i: number, patch: Partial<DayHours>) => onChange(week.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('hours.legend')}</legend>
      <p>{t('hours.help')}</p>
      <ScrollTable label={t('hours.legend')}>
        <table className="admin-hours">
        <thead>
          <tr>
            <th scope="col">{t('hours.weekday')}</th>
            <th scope="col">{t('hours.open')}</th>
            <th scope="col">{t('hours.opens')}</th>
            <th scope="col">{t('hours.closes')}</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((weekday, i) => {
            const day = week[i]!;
            const dayName = t(`weekdays.${weekday}`);
            const bad = invalid.has(weekday);
            return (
              <tr key={weekday}>
                <th scope="row">{dayName}</th>
                <td>
                  <Checkbox
                    checked={day.open}
                    onClick={({ checkboxState }) => set(i, { open: checkboxState, ...(checkboxState && !day.opens ? { opens: '9.00', closes: '16.00' } : {}) })}
                  >
                    {t('hours.openOn', { day: dayName })}
                  </Checkbox>
                </td>
                <td>
                  {day.open && (
                    <TimeInput
                      labelText={t('hours.opensOn', { day: dayName })}
                      labelMode="hidden"
                      value={day.opens}
                      onChange={(v) => set(i, { opens: v })}
                      status={bad ? 'error' : 'default'}
                    />
                  )}
                </td>
                <td>
                  {day.open && (
                    <TimeInput
                      labelText={t('hours.closesOn', { day: dayName })}
                      labelMode="hidden"
                      value={day.closes}
                      onChange={(v) => set(i, { closes: v })}
                      status={bad ? 'error' : 'default'}
                      statusText={bad ? t('validation.hours') : undefined}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        </table>
      </ScrollTable>
    </fieldset>
  );
}
