import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusText, TimeInput } from 'suomifi-ui-components';
import { type Period, MAX_PERIODS } from './hoursDraft';
import { Named } from './Named';

type Props = {
  /** What the periods belong to, e.g. "Monday" or "Exception 2": part of each field's accessible name. */
  context: string;
  periods: Period[];
  onChange(periods: Period[]): void;
  /** The message key of a period's error, if any. */
  errorOf(index: number): string | undefined;
};

/** One or two working periods of a day, each from–to; a second period leaves room for a break. */
export function PeriodsFields({ context, periods, onChange, errorOf }: Props) {
  const { t } = useTranslation('scheduling');
  const id = useId();
  const set = (i: number, patch: Partial<Period>) => onChange(periods.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const canAdd = periods.length < MAX_PERIODS;
  return (
    <div className="sched-periods">
      {periods.map((p, i) => {
        const name = i === 0 ? context : t('hours.secondPeriodOf', { context });
        const error = errorOf(i);
        const errorId = `${id}-${i}-error`;
        const field = (key: keyof Period, label: string) => (
          <TimeInput
            labelText={<Named context={name} label={label} />}
            value={p[key]}
            onChange={(v) => set(i, { [key]: v })}
            status={error ? 'error' : 'default'}
            aria-describedby={error ? errorId : undefined}
          />
        );
        return (
          <div className="sched-period" key={i}>
            <div className="sched-period-fields">
              {field('starts', t('hours.from'))}
              <span aria-hidden="true" className="sched-dash">
                –
              </span>
              {field('ends', t('hours.to'))}
            </div>
            <StatusText id={errorId} status="error" className="sched-period-error">
              {error ? t(error) : ''}
            </StatusText>
          </div>
        );
      })}
      {/* One button in one place, so keyboard focus stays on it when it switches between adding and removing. */}
      <Button
        variant="secondaryNoBorder"
        className="sched-period-toggle"
        aria-label={canAdd ? t('hours.addSecondOf', { context }) : t('hours.removeSecondOf', { context })}
        onClick={() => onChange(canAdd ? [...periods, { starts: '', ends: '' }] : periods.slice(0, 1))}
      >
        {canAdd ? t('hours.addSecond') : t('hours.removeSecond')}
      </Button>
    </div>
  );
}
