import type { LocalizedText } from '../../../../shared/common';
import { type ServiceView, serviceInput } from '../../../../shared/scheduling';
import { emptyLocalized } from '../common/format';
import { invalidPaths } from '../common/validation';
import { SERVICE_LANGUAGES, parseCodes } from './languages';
import type { ServiceBody } from './useScheduling';

export type ServiceDraft = {
  agencyId: string;
  name: LocalizedText;
  duration: string;
  /** Finnish, Swedish and English, ticked. */
  languages: string[];
  /** Other languages as typed: ISO 639 codes separated by commas. */
  otherLanguages: string;
  interpretingPossible: boolean;
  active: boolean;
  /** Customers may book it on the public booking page; notice in hours and horizon in days, as typed. */
  onlineBooking: boolean;
  onlineNoticeHours: string;
  onlineHorizonDays: string;
};

const isServiceLanguage = (code: string) => (SERVICE_LANGUAGES as readonly string[]).includes(code);

export const emptyServiceDraft = (agencyId = ''): ServiceDraft => ({
  agencyId,
  name: emptyLocalized(),
  duration: '30',
  languages: ['fi', 'sv'],
  otherLanguages: '',
  interpretingPossible: true,
  active: true,
  onlineBooking: false,
  onlineNoticeHours: '24',
  onlineHorizonDays: '60',
});

export const draftFromService = (s: ServiceView): ServiceDraft => ({
  agencyId: s.agencyId,
  name: s.name,
  duration: String(s.durationMinutes),
  languages: s.languages.filter(isServiceLanguage),
  otherLanguages: s.languages.filter((l) => !isServiceLanguage(l)).join(', '),
  interpretingPossible: s.interpretingPossible,
  active: s.active,
  onlineBooking: s.onlineBooking,
  onlineNoticeHours: String(Math.round(s.onlineNoticeMinutes / 60)),
  onlineHorizonDays: String(s.onlineHorizonDays),
});

const wholeNumber = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);

/** The body, or the invalid fields ("name.sv", "durationMinutes", "languages", "otherLanguages"). */
export function checkService(d: ServiceDraft): { body: ServiceBody; invalid: Set<string> } {
  const others = parseCodes(d.otherLanguages);
  const body: ServiceBody = {
    agencyId: d.agencyId,
    name: { fi: d.name.fi.trim(), sv: d.name.sv.trim(), en: d.name.en.trim() },
    durationMinutes: /^\d+$/.test(d.duration.trim()) ? Number(d.duration.trim()) : Number.NaN,
    languages: [...new Set([...SERVICE_LANGUAGES.filter((l) => d.languages.includes(l)), ...others.codes])],
    interpretingPossible: d.interpretingPossible,
    onlineBooking: d.onlineBooking,
    onlineNoticeMinutes: wholeNumber(d.onlineNoticeHours) * 60,
    onlineHorizonDays: wholeNumber(d.onlineHorizonDays),
  };
  const invalid = invalidPaths(serviceInput.safeParse(body));
  if (others.invalid.length) invalid.add('otherLanguages');
  return { body, invalid };
}
