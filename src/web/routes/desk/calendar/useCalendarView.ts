import { useSearchParams } from 'react-router';
import type { OpeningHoursEntry } from '../../../../shared/directory';
import { type Ymd, addDays, isYmd, isoWeekday, todayIn, workWeek } from './time';

export type CalendarView = 'day' | 'week';

/**
 * The visible day or week, kept in the address (?date=&view=) so a reload, a link or the back button shows the
 * same calendar, and opening a booking does not lose the place.
 */
export function useCalendarView(timeZone: string, openingHours: readonly OpeningHoursEntry[]) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('date');
  const today = todayIn(timeZone);
  const date: Ymd = isYmd(raw) ? raw : today;
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'day';
  const days = view === 'week' ? workWeek(date) : [date];
  const openDays = new Set(openingHours.map((h) => h.weekday));

  const go = (next: { date?: Ymd; view?: CalendarView }) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      out.set('date', next.date ?? date);
      out.set('view', next.view ?? view);
      return out;
    });

  /** One day or one week back or ahead; a day step skips the days the point is closed every week. */
  const step = (direction: 1 | -1) => {
    if (view === 'week') return go({ date: addDays(date, 7 * direction) });
    let next = addDays(date, direction);
    for (let i = 0; i < 6 && openDays.size > 0 && !openDays.has(isoWeekday(next)); i++) next = addDays(next, direction);
    go({ date: next });
  };

  return { date, view, days, today, go, step, search: `date=${date}&view=${view}` };
}
