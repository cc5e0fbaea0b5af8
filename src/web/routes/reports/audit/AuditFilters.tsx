import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DateInput, TextInput } from 'suomifi-ui-components';
import { useLanguage } from '../../../localized';
import { dayBoundary, ymdOf } from './zonedDay';

export type AuditFilter = { action?: string; from?: string; to?: string };

type DateField = { value: string; ymd?: string; invalid: boolean };
const emptyDate: DateField = { value: '', invalid: false };

/** Action and a day range; applied on submit so each search is one audited read, not one per keystroke. */
export function AuditFilters({ onApply }: { onApply(filter: AuditFilter): void }) {
  const { t } = useTranslation('reports');
  const { lang } = useLanguage();
  const [action, setAction] = useState('');
  const [from, setFrom] = useState<DateField>(emptyDate);
  const [to, setTo] = useState<DateField>(emptyDate);

  const dateField = (label: string, field: DateField, set: (f: DateField) => void) => (
    <DateInput
      labelText={label}
      hintText={t('audit.dateHint')}
      language={lang}
      datePickerEnabled
      value={field.value}
      onChange={({ value, date }) => {
        const valid = value.trim() !== '' && !Number.isNaN(date.getTime());
        set({ value, ymd: valid ? ymdOf(date) : undefined, invalid: value.trim() !== '' && !valid });
      }}
      status={field.invalid ? 'error' : 'default'}
      statusText={field.invalid ? t('audit.invalidDate') : undefined}
    />
  );

  return (
    <form
      className="audit-filters"
      aria-label={t('audit.filters')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (from.invalid || to.invalid) return;
        onApply({
          action: action.trim() || undefined,
          from: from.ymd ? dayBoundary(from.ymd, 'start') : undefined,
          to: to.ymd ? dayBoundary(to.ymd, 'end') : undefined,
        });
      }}
    >
      <TextInput labelText={t('audit.action')} hintText={t('audit.actionHint')} value={action} onChange={(v) => setAction(String(v ?? ''))} />
      {dateField(t('audit.from'), from, setFrom)}
      {dateField(t('audit.to'), to, setTo)}
      <div className="audit-filters-actions">
        <Button type="submit">{t('audit.search')}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setAction('');
            setFrom(emptyDate);
            setTo(emptyDate);
            onApply({});
          }}
        >
          {t('audit.clear')}
        </Button>
      </div>
    </form>
  );
}
