import { describe, expect, it } from 'vitest';
import { officialDate, officialDateTime, officialTime } from './official-time.js';

describe('official dates and times (Helsinki)', () => {
  it('writes winter and summer times in Helsinki time, official style, in fi, sv and en', () => {
    const winter = new Date('2026-12-07T07:30:00Z'); // UTC+2
    expect(officialDateTime(winter, 'fi')).toBe('ma 7.12.2026 klo 9.30');
    expect(officialDateTime(winter, 'sv')).toBe('mån 7.12.2026 kl. 9.30');
    expect(officialDateTime(winter, 'en')).toBe('Mon 7 Dec 2026 at 09:30');
    const summer = new Date('2026-06-11T21:05:00Z'); // UTC+3: already Friday in Helsinki
    expect(officialDateTime(summer, 'fi')).toBe('pe 12.6.2026 klo 0.05');
    expect(officialDateTime(summer, 'sv')).toBe('fre 12.6.2026 kl. 0.05');
    expect(officialDate('2026-03-03T08:00:00Z', 'fi', undefined, false)).toBe('3.3.2026');
    expect(officialTime('2026-03-03T08:00:00Z', 'sv')).toBe('10.00');
    expect(officialDateTime(winter, 'fi', 'Europe/Helsinki', false)).toBe('7.12.2026 klo 9.30');
  });
});
