import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../localized';
import { formatDay, formatTime, localDay } from './format';
import { type AvailabilityAsk, type Slot, publicApi } from './publicApi';

type Props = {
  ask: Omit<AvailabilityAsk, 'from' | 'to'>;
  /** How many days ahead to look (the service's horizon, at most four weeks at a time). */
  days: number;
  tz: string;
  phone: string;
  value?: string;
  onChange(start: string): void;
  /** Times to offer first after a lost race. */
  suggested?: string[];
  error?: string;
};

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A day, then one of its free times: the same availability the advisors book from, narrowed to the online window. */
export function SlotPicker({ ask, days, tz, phone, value, onChange, suggested = [], error }: Props) {
  const { t } = useTranslation('publicBooking');
  const { locale } = useLanguage();
  const id = useId();
  const from = localDay(new Date().toISOString(), tz);
  const to = addDays(from, Math.min(days, 28));
  const query = useQuery({ queryKey: ['public-availability', ask, from, to], queryFn: () => publicApi.availability({ ...ask, from, to }) });
  const byDay = useMemo(() => {
    const map = new Map<string, Slot[]>();
    for (const s of query.data?.slots ?? []) {
      const day = localDay(s.start, tz);
      map.set(day, [...(map.get(day) ?? []), s]);
    }
    return map;
  }, [query.data, tz]);
  const [chosenDay, setDay] = useState<string>();
  const day = chosenDay && byDay.has(chosenDay) ? chosenDay : value ? localDay(value, tz) : [...byDay.keys()][0];
  const times = (day && byDay.get(day)) || [];
  const offered = suggested.filter((s) => byDay.get(localDay(s, tz))?.some((x) => x.start === s));

  if (query.isPending) return <p role="status">{t('loadingTimes')}</p>;
  if (query.isError || byDay.size === 0) return <p role="status">{t('noTimes', { phone })}</p>;
  return (
    <div className="pb-slots">
      {offered.length > 0 && (
        <fieldset className="pb-times">
          <legend>{t('nextTimes')}</legend>
          {offered.map((s) => (
            <label key={s.toString()} className="pb-time pb-time-wide">
              <input type="radio" name={`${id}-next`} checked={value === s} onChange={() => onChange(s)} />
              <span>
                {formatDay(s, locale, tz)} {formatTime(s, locale, tz)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="pb-field">
        <label htmlFor={`${id}-day`}>{t('fields.day')}</label>
        <select id={`${id}-day`} value={day} onChange={(e) => setDay(e.target.value)}>
          {[...byDay.entries()].map(([d, list]) => (
            <option key={d} value={d}>
              {formatDay(list[0]!.start, locale, tz)} ({t('timesCount', { count: list.length })})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="pb-times" aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{t('fields.time')}</legend>
        {times.map((s) => (
          <label key={s.start} className="pb-time">
            <input type="radio" name={`${id}-time`} value={s.start} checked={value === s.start} onChange={() => onChange(s.start)} />
            <span>{formatTime(s.start, locale, tz)}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p id={`${id}-error`} className="pb-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
