import { containsHetu } from '../../../../shared/hetu';
import type { WorkingHoursView } from '../../../../shared/scheduling';
import { toApiTime, toDisplayTime } from '../servicePoints/draft';
import { parseDate, toDateText } from './dates';
import type { WorkingHoursBody } from './useScheduling';

/** A working period as typed in the time inputs ("8.00"), converted to HH:MM on saving. */
export type Period = { starts: string; ends: string };
/** One weekday: not at work, or at work in one or two periods (e.g. a lunch break between them). */
export type DayDraft = { works: boolean; periods: Period[] };
/** One date that differs from the weekly pattern: off the whole day, or at work at other times. */
export type ExceptionDraft = { key: string; date: string; off: boolean; periods: Period[]; reason: string };
export type HoursDraft = { week: DayDraft[]; exceptions: ExceptionDraft[] };
/** Field path ("week.5.1", "exceptions.<key>.date") → scheduling.json message key. */
export type HoursErrors = Map<string, string>;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const MAX_PERIODS = 2;
const REASON_MAX = 200;

let nextKey = 0;
export const newKey = () => `x${++nextKey}`;

export const defaultPeriod = (): Period => ({ starts: '8.00', ends: '16.00' });
export const newException = (): ExceptionDraft => ({ key: newKey(), date: '', off: true, periods: [defaultPeriod()], reason: '' });

const period = (starts: string, ends: string): Period => ({ starts: toDisplayTime(starts), ends: toDisplayTime(ends) });

export function draftFromView(view: WorkingHoursView): HoursDraft {
  const week = WEEKDAYS.map((weekday) => {
    const rows = view.weekly.filter((w) => w.weekday === weekday).sort((a, b) => a.starts.localeCompare(b.starts));
    return rows.length ? { works: true, periods: rows.map((r) => period(r.starts, r.ends)) } : { works: false, periods: [defaultPeriod()] };
  });
  // The API keeps one row per period; the editor shows one entry per date.
  const byDay = new Map<string, WorkingHoursView['exceptions']>();
  for (const e of [...view.exceptions].sort((a, b) => a.day.localeCompare(b.day) || (a.starts ?? '').localeCompare(b.starts ?? ''))) {
    byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  }
  const exceptions = [...byDay].map(([day, rows]): ExceptionDraft => {
    const timed = rows.filter((r) => r.starts && r.ends);
    return {
      key: newKey(),
      date: toDateText(day),
      off: timed.length === 0,
      periods: timed.length ? timed.map((r) => period(r.starts!, r.ends!)) : [defaultPeriod()],
      reason: rows.find((r) => r.reason)?.reason ?? '',
    };
  });
  return { week, exceptions };
}

/** Each period's times are valid, in order, and a second period starts after the first one ends. */
function checkPeriods(periods: Period[], path: string, errors: HoursErrors) {
  let previousEnd: string | undefined;
  periods.forEach((p, i) => {
    const [starts, ends] = [toApiTime(p.starts), toApiTime(p.ends)];
    if (!starts || !ends) errors.set(`${path}.${i}`, 'validation.time');
    else if (starts >= ends) errors.set(`${path}.${i}`, 'validation.timeOrder');
    else if (previousEnd && starts < previousEnd) errors.set(`${path}.${i}`, 'validation.overlap');
    if (ends) previousEnd = ends;
  });
}

export function validateHours(draft: HoursDraft): HoursErrors {
  const errors: HoursErrors = new Map();
  draft.week.forEach((d, i) => d.works && checkPeriods(d.periods, `week.${i + 1}`, errors));
  const seen = new Set<string>();
  for (const e of draft.exceptions) {
    const path = `exceptions.${e.key}`;
    const day = parseDate(e.date);
    if (!day) errors.set(`${path}.date`, e.date.trim() ? 'validation.date' : 'validation.dateRequired');
    else if (seen.has(day)) errors.set(`${path}.date`, 'validation.duplicateDate');
    if (day) seen.add(day);
    if (!e.off) checkPeriods(e.periods, path, errors);
    if (containsHetu(e.reason)) errors.set(`${path}.reason`, 'errors.personal_id_forbidden');
    else if (e.reason.trim().length > REASON_MAX) errors.set(`${path}.reason`, 'validation.tooLong');
  }
  return errors;
}

const apiPeriods = (periods: Period[]) => periods.map((p) => ({ starts: toApiTime(p.starts)!, ends: toApiTime(p.ends)! }));

/** The PUT body; call only when validateHours found nothing. */
export function bodyFromDraft(draft: HoursDraft): WorkingHoursBody {
  const weekly = draft.week.flatMap((d, i) => (d.works ? apiPeriods(d.periods).map((p) => ({ weekday: i + 1, ...p })) : []));
  const exceptions = draft.exceptions
    .flatMap((e) => {
      const day = parseDate(e.date)!;
      const reason = e.reason.trim() ? { reason: e.reason.trim() } : {};
      return e.off ? [{ day, ...reason }] : apiPeriods(e.periods).map((p) => ({ day, ...p, ...reason }));
    })
    .sort((a, b) => a.day.localeCompare(b.day));
  return { weekly, exceptions };
}
