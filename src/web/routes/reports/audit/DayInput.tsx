import { useTranslation } from 'react-i18next';

import { ymdOf } from './zonedDay';
import { DateField } from '../../../components/DateField';

/** A day as typed (d.m.yyyy) or picked, with the day it means (`ymd`) when it is one. */
export type DayField = { value: string; ymd?: string; invalid: boolean };
export const emptyDay: DayField = { value: '', invalid: false };

/** A date field of the audit page: Finnish-style input and a picker, an error when the text is not a day. */
export function DayInput({ label, field, onChange, error }: { label: string; field: DayField; onChange(field: DayField): void; error?: string }) {
  const { t } = useTranslation('reports');
  const message = field.invalid ? t('audit.invalidDate') : error;
  return (
    <DateField
      labelText={label}
      hintText={t('audit.dateHint')}
      value={field.value}
      onChange={({ value, date }) => {
        const valid = value.trim() !== '' && !Number.isNaN(date.getTime());
        onChange({ value, ymd: valid ? ymdOf(date) : undefined, invalid: value.trim() !== '' && !valid });
      }}
      status={message ? 'error' : 'default'}
      statusText={message}
    />
  );
}
