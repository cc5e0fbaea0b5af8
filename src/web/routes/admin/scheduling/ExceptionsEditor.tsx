import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import { type ExceptionDraft, type HoursErrors, newException } from './hoursDraft';
import { Named } from './Named';
import { PeriodsFields } from './PeriodsFields';
import './scheduling.css';
import { DateField } from '../../../components/DateField';

type Props = { exceptions: ExceptionDraft[]; onChange(exceptions: ExceptionDraft[]): void; errors: HoursErrors };

/** Dates that differ from the weekly pattern: a day off, or other hours that day, with an optional reason. */
export function ExceptionsEditor({ exceptions, onChange, errors }: Props) {
  const { t } = useTranslation('scheduling');
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<string | undefined>();
  const dateInputs = useRef(new Map<string, HTMLInputElement>());
  const set = (key: string, patch: Partial<ExceptionDraft>) => onChange(exceptions.map((e) => (e.key === key ? { ...e, ...patch } : e)));

  // A new exception takes focus to its date; after removing one, focus returns to the add button.
  useEffect(() => {
    if (!focusKey) return;
    if (focusKey === 'add') addButton.current?.focus();
    else dateInputs.current.get(focusKey)?.focus();
    setFocusKey(undefined);
  }, [focusKey]);

  return (
    <fieldset className="admin-fieldset sched-hours">
      <legend>{t('exceptions.legend')}</legend>
      <p className="sched-help">{t('exceptions.help')}</p>
      {exceptions.length === 0 && <p>{t('exceptions.none')}</p>}
      {exceptions.map((e, i) => {
        const name = t('exceptions.item', { n: i + 1 });
        const path = `exceptions.${e.key}`;
        const dateError = errors.get(`${path}.date`);
        const reasonError = errors.get(`${path}.reason`);
        return (
          <fieldset key={e.key} className="sched-exception">
            <legend>{name}</legend>
            <DateField
              ref={(el) => {
                if (el) dateInputs.current.set(e.key, el);
                else dateInputs.current.delete(e.key);
              }}
              className="sched-date"
              labelText={<Named context={name} label={t('exceptions.date')} />}
              hintText={t('exceptions.dateHint')}
              value={e.date}
              onChange={({ value }) => set(e.key, { date: value })}
              status={dateError ? 'error' : 'default'}
              statusText={dateError ? t(dateError) : undefined}
            />
            <RadioButtonGroup
              labelText={<Named context={name} label={t('exceptions.kind')} />}
              name={`exception-kind-${e.key}`}
              value={e.off ? 'off' : 'hours'}
              onChange={(v) => set(e.key, { off: v === 'off' })}
            >
              <RadioButton value="off">{t('exceptions.off')}</RadioButton>
              <RadioButton value="hours">{t('exceptions.otherHours')}</RadioButton>
            </RadioButtonGroup>
            {!e.off && <PeriodsFields context={name} periods={e.periods} onChange={(periods) => set(e.key, { periods })} errorOf={(p) => errors.get(`${path}.${p}`)} />}
            <TextInput
              labelText={<Named context={name} label={t('exceptions.reason')} />}
              optionalText={t('optional')}
              hintText={t('exceptions.reasonHint')}
              fullWidth
              value={e.reason}
              maxLength={200}
              onChange={(v) => set(e.key, { reason: String(v ?? '') })}
              status={reasonError ? 'error' : 'default'}
              statusText={reasonError ? t(reasonError) : undefined}
            />
            <div>
              <Button
                variant="secondary"
                aria-label={t('exceptions.removeItem', { item: name })}
                onClick={() => {
                  onChange(exceptions.filter((x) => x.key !== e.key));
                  setFocusKey('add');
                }}
              >
                {t('exceptions.remove')}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button
          ref={addButton}
          variant="secondary"
          onClick={() => {
            const e = newException();
            onChange([...exceptions, e]);
            setFocusKey(e.key);
          }}
        >
          {t('exceptions.add')}
        </Button>
      </div>
    </fieldset>
  );
}
