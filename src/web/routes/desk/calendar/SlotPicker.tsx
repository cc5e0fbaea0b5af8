import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotView } from '../../../../shared/scheduling';
import { capitalize, useLanguage } from '../../../localized';
import { type Ymd, formatDayShort, formatTime, zonedParts } from './time';

type Props = {
  slots: SlotView[];
  days: Ymd[];
  timeZone: string;
  selected?: string;
  onPick(slot: SlotView): void;
  /** Heading level of the days, below the panel's heading. */
  level?: 'h3' | 'h4';
};

/**
 * Free start times as buttons, one group per day (the group is named by its day, so "9.15" is never ambiguous).
 * Starts are unique per day even with several rooms: the server picks the room and the expert.
 */
export function SlotPicker({ slots, days, timeZone, selected, onPick, level = 'h3' }: Props) {
  const { t } = useTranslation('calendar');
  const { locale } = useLanguage();
  const id = useId();
  const Heading = level;
  const byDay = new Map<Ymd, SlotView[]>();
  for (const slot of slots) {
    const day = zonedParts(slot.start, timeZone).date;
    const list = byDay.get(day) ?? [];
    if (!list.some((s) => s.start === slot.start)) list.push(slot);
    byDay.set(day, list);
  }
  return (
    <div className="cal-slots">
      {days.map((day) => {
        const list = byDay.get(day) ?? [];
        const headingId = `${id}-${day}`;
        return (
          <div key={day} className="cal-slot-day" role="group" aria-labelledby={headingId}>
            <Heading id={headingId} className="cal-slot-day-title">
              {capitalize(formatDayShort(day, locale))}
            </Heading>
            {list.length === 0 ? (
              <p className="cal-slot-none">{t('slots.none')}</p>
            ) : (
              <ul className="cal-slot-list">
                {list.map((slot) => (
                  <li key={slot.start}>
                    <button
                      type="button"
                      className="cal-slot"
                      aria-pressed={slot.start === selected}
                      onClick={() => onPick(slot)}
                    >
                      {formatTime(slot.start, locale, timeZone)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
