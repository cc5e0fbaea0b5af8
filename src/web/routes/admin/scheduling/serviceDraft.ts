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
});

export const draftFromService = (s: ServiceView): ServiceDraft => ({
  agencyId: s.agencyId,
  name: s.name,
  duration: String(s.durationMinutes),
  languages: s.languages.filter(isServiceLanguage),
  otherLanguages: s.languages.filter((l) => !isServiceLanguage(l)).join(', '),
  interpretingPossible: s.interpretingPossible,
  active: s.active,
});

/** The body, or the invalid fields ("name.sv", "durationMinutes", "languages", "otherLanguages"). */
export function checkService(d: ServiceDraft): { body: ServiceBody; invalid: Set<string> } {
  const others = parseCodes(d.otherLanguages);
  const body: ServiceBody = {
    agencyId: d.agencyId,
    name: { fi: d.name.fi.trim(), sv: d.name.sv.trim(), en: d.name.en.trim() },
    durationMinutes: /^\d+$/.test(d.duration.trim()) ? Number(d.duration.trim()) : Number.NaN,
    languages: [...new Set([...SERVICE_LANGUAGES.filter((l) => d.languages.includes(l)), ...others.codes])],
    interpretingPossible: d.interpretingPossible,
  };
  const invalid = invalidPaths(serviceInput.safeParse(body));
  if (others.invalid.length) invalid.add('otherLanguages');
  return { body, invalid };
}
