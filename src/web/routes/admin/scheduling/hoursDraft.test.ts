import { describe, expect, it } from 'vitest';
import { bodyFromDraft, draftFromView, newException, validateHours } from './hoursDraft';
import { parseDate, toDateText } from './dates';

describe('working hours draft', () => {
  const view = {
    weekly: [
      { weekday: 1, starts: '12:00', ends: '16:00' },
      { weekday: 1, starts: '08:00', ends: '11:00' },
      { weekday: 3, starts: '09:00', ends: '15:30' },
    ],
    exceptions: [
      { day: '2026-03-13', reason: 'Koulutus' },
      { day: '2026-03-20', starts: '13:00', ends: '15:00', reason: 'Lääkäri' },
      { day: '2026-03-20', starts: '09:00', ends: '11:00', reason: 'Lääkäri' },
    ],
  };

  it('shows each weekday with its periods in order, and one entry per exception date', () => {
    const draft = draftFromView(view);
    expect(draft.week[0]).toEqual({ works: true, periods: [{ starts: '8.00', ends: '11.00' }, { starts: '12.00', ends: '16.00' }] });
    expect(draft.week[1]!.works).toBe(false);
    expect(draft.week[2]!.periods).toEqual([{ starts: '9.00', ends: '15.30' }]);
    expect(draft.exceptions.map(({ key: _key, ...e }) => e)).toEqual([
      { date: '13.3.2026', off: true, periods: [{ starts: '8.00', ends: '16.00' }], reason: 'Koulutus' },
      { date: '20.3.2026', off: false, periods: [{ starts: '9.00', ends: '11.00' }, { starts: '13.00', ends: '15.00' }], reason: 'Lääkäri' },
    ]);
  });

  it('gives back what it was given', () => {
    const body = bodyFromDraft(draftFromView(view));
    expect(validateHours(draftFromView(view)).size).toBe(0);
    expect(body.weekly).toEqual([...view.weekly].sort((a, b) => a.weekday - b.weekday || a.starts.localeCompare(b.starts)));
    expect(body.exceptions).toEqual([
      { day: '2026-03-13', reason: 'Koulutus' },
      { day: '2026-03-20', starts: '09:00', ends: '11:00', reason: 'Lääkäri' },
      { day: '2026-03-20', starts: '13:00', ends: '15:00', reason: 'Lääkäri' },
    ]);
  });

  it('finds times out of order, overlapping periods, bad or repeated dates and personal identity codes', () => {
    const draft = draftFromView(view);
    draft.week[0]!.periods[1] = { starts: '10.30', ends: '16.00' };
    draft.week[2]!.periods[0] = { starts: '15.00', ends: '9' };
    draft.week[3] = { works: true, periods: [{ starts: '', ends: '12.00' }] };
    const [a, b] = [newException(), newException()];
    a.date = '31.2.2026';
    b.date = '13.3.2026';
    b.reason = 'Asiakas 131052-308T';
    draft.exceptions.push(a, b);
    const errors = validateHours(draft);
    expect(errors.get('week.1.1')).toBe('validation.overlap');
    expect(errors.get('week.3.0')).toBe('validation.timeOrder');
    expect(errors.get('week.4.0')).toBe('validation.time');
    expect(errors.get(`exceptions.${a.key}.date`)).toBe('validation.date');
    expect(errors.get(`exceptions.${b.key}.date`)).toBe('validation.duplicateDate');
    expect(errors.get(`exceptions.${b.key}.reason`)).toBe('errors.personal_id_forbidden');
    expect(errors.size).toBe(6);
  });

  it('reads and writes dates the Finnish way', () => {
    expect(parseDate('1.3.2026')).toBe('2026-03-01');
    expect(parseDate('29.2.2026')).toBeUndefined();
    expect(parseDate('2026-03-01')).toBeUndefined();
    expect(toDateText('2026-12-07')).toBe('7.12.2026');
  });
});
