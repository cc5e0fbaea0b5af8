import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ymd } from './time';
import { DateField } from '../../../components/DateField';

const pad = (n: number) => String(n).padStart(2, '0');
const shown = (ymd: Ymd) => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return `${d}.${m}.${y}`;
};

/** Straight to a date, typed (d.m.yyyy) or picked; the calendar moves once the date is complete. */
export function GoToDate({ date, onDate }: { date: Ymd; onDate(date: Ymd): void }) {
  const { t } = useTranslation('calendar');
  const [text, setText] = useState(shown(date));
  useEffect(() => setText(shown(date)), [date]);
  return (
    <DateField
      className="cal-goto"
      labelText={t('nav.goTo')}
      hintText={t('nav.goToHint')}
      value={text}
      onChange={({ value, date: picked }) => {
        setText(value);
        // The picker gives local midnight of the chosen day: its own date parts are the day, whatever the zone.
        if (/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(value.trim()) && !Number.isNaN(picked.getTime()) && picked.getFullYear() >= 2000) {
          onDate(`${picked.getFullYear()}-${pad(picked.getMonth() + 1)}-${pad(picked.getDate())}`);
        }
      }}
    />
  );
}
