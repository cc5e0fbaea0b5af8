import { PILOT_PERIOD } from '../../../shared/statistics';
import { helsinkiDay } from '../../days';

export const PRESETS = ['thisMonth', 'lastMonth', 'pilot', 'year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

const shift = (ymd: string, days: number) => new Date(Date.parse(`${ymd}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The days of a preset period in Helsinki, `YYYY-MM-DD` inclusive; custom keeps what was typed. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today = helsinkiDay()): { from: string; to: string } {
  const monthStart = `${today.slice(0, 7)}-01`;
  if (preset === 'thisMonth') return { from: monthStart, to: today };
  if (preset === 'lastMonth') {
    const to = shift(monthStart, -1);
    return { from: `${to.slice(0, 7)}-01`, to };
  }
  if (preset === 'pilot') return { ...PILOT_PERIOD };
  return { from: shift(today, -364), to: today };
}
