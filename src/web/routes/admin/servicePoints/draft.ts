import { autocompleteTimeString } from 'suomifi-ui-components';
import type { LocalizedText } from '../../../../shared/common';
import type { OpeningHoursEntry, ServicePointView } from '../../../../shared/directory';
import { emptyLocalized } from '../common/format';

/** One weekday in the form; times as typed (the design system's "9.00" style), converted to HH:MM on saving. */
export type DayHours = { open: boolean; opens: string; closes: string };

export type ServicePointDraft = {
  organisationId: string;
  name: LocalizedText;
  streetAddress: LocalizedText;
  postalCode: string;
  city: LocalizedText;
  phone: string;
  timeZone: string;
  week: DayHours[];
};

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "09:00" → "9.00", the way the Finnish time input shows times. */
export const toDisplayTime = (hhmm: string) => autocompleteTimeString(hhmm.slice(0, 5)) ?? hhmm;

/** "9", "9.00", "0900" or "09:00" → "09:00"; undefined when it is not a time of day. */
export function toApiTime(input: string): string | undefined {
  const completed = autocompleteTimeString(input.trim()) ?? input.trim();
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(completed);
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

export const emptyDraft = (): ServicePointDraft => ({
  organisationId: '',
  name: emptyLocalized(),
  streetAddress: emptyLocalized(),
  postalCode: '',
  city: emptyLocalized(),
  phone: '',
  timeZone: 'Europe/Helsinki',
  week: WEEKDAYS.map((d) => ({ open: d <= 5, opens: '9.00', closes: '16.00' })),
});

/** The form shows one period a day: the day's earliest opening to its latest closing. */
export function draftFromView(p: ServicePointView): ServicePointDraft {
  return {
    organisationId: p.organisationId,
    name: p.name,
    streetAddress: p.streetAddress,
    postalCode: p.postalCode,
    city: p.city,
    phone: p.phone,
    timeZone: p.timeZone,
    week: WEEKDAYS.map((weekday) => {
      const periods = p.openingHours.filter((h) => h.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
      if (periods.length === 0) return { open: false, opens: '', closes: '' };
      return { open: true, opens: toDisplayTime(periods[0]!.opens), closes: toDisplayTime(periods[periods.length - 1]!.closes) };
    }),
  };
}

/** Weekdays (1–7) whose times are missing, malformed or not in order. */
export function invalidDays(week: DayHours[]): Set<number> {
  const bad = new Set<number>();
  week.forEach((d, i) => {
    if (!d.open) return;
    const [opens, closes] = [toApiTime(d.opens), toApiTime(d.closes)];
    if (!opens || !closes || opens >= closes) bad.add(i + 1);
  });
  return bad;
}

export function openingHoursOf(week: DayHours[]): OpeningHoursEntry[] {
  return week.flatMap((d, i) => (d.open ? [{ weekday: i + 1, opens: toApiTime(d.opens) ?? d.opens, closes: toApiTime(d.closes) ?? d.closes }] : []));
}

export function bodyOf(d: ServicePointDraft) {
  return {
    organisationId: d.organisationId,
    name: d.name,
    streetAddress: d.streetAddress,
    postalCode: d.postalCode,
    city: d.city,
    phone: d.phone,
    timeZone: d.timeZone,
    openingHours: openingHoursOf(d.week),
  };
}
