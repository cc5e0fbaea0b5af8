import { describe, expect, it } from 'vitest';
import { dayBoundary } from './zonedDay';

describe('Helsinki day boundaries', () => {
  it('uses winter and summer offsets', () => {
    expect(dayBoundary('2025-01-15', 'start')).toBe('2025-01-15T00:00:00.000+02:00');
    expect(dayBoundary('2025-07-15', 'end')).toBe('2025-07-15T23:59:59.999+03:00');
  });
});
