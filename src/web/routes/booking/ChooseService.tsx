import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/common';
import type { PublicServicePointView, PublicServiceView } from '../../../shared/public-booking';
import { localized, useLanguage } from '../../localized';

export type Choice = { servicePointId: string; agencyId: string; serviceId: string; language: Language; interpreting: string; otherLanguage: string };

const SIGN_AND_SAMI = ['fse', 'fss', 'se', 'smn', 'sms'] as const;
export const OTHER = 'other';

type Props = {
  points: PublicServicePointView[];
  services: PublicServiceView[];
  value: Choice;
  onChange(next: Choice): void;
  otherInvalid: boolean;
};

/** Step 1: the point, the authority, the service, the language of service and any interpreting need. */
export function ChooseService({ points, services, value, onChange, otherInvalid }: Props) {
  const { t } = useTranslation('publicBooking');
  const { lang } = useLanguage();
  const id = useId();
  const agencies = [...new Map(services.map((s) => [s.agencyId, s.agencyName])).entries()];
  const ofAgency = services.filter((s) => s.agencyId === value.agencyId);
  const service = services.find((s) => s.id === value.serviceId);
  const set = (patch: Partial<Choice>) => onChange({ ...value, ...patch });

  return (
    <>
      <div className="pb-field">
        <label htmlFor={`${id}-point`}>{t('fields.point')}</label>
        <select id={`${id}-point`} value={value.servicePointId} onChange={(e) => set({ servicePointId: e.target.value, agencyId: '', serviceId: '' })}>
          {points.map((p) => (
            <option key={p.id} value={p.id}>
              {localized(p.name, lang)}, {localized(p.streetAddress, lang)}, {localized(p.city, lang)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="pb-choices">
        <legend>{t('fields.agency')}</legend>
        {agencies.map(([agencyId, name]) => (
          <label key={agencyId} className="pb-choice">
            <input type="radio" name={`${id}-agency`} checked={value.agencyId === agencyId} onChange={() => set({ agencyId, serviceId: services.find((s) => s.agencyId === agencyId)?.id ?? '' })} />
            <span>{localized(name, lang)}</span>
          </label>
        ))}
      </fieldset>
      {ofAgency.length > 0 && (
        <fieldset className="pb-choices">
          <legend>{t('fields.service')}</legend>
          {ofAgency.map((s) => (
            <label key={s.id} className="pb-choice">
              <input type="radio" name={`${id}-service`} checked={value.serviceId === s.id} onChange={() => set({ serviceId: s.id, interpreting: s.interpretingPossible ? value.interpreting : '' })} />
              <span>
                {localized(s.name, lang)} <span className="pb-muted">({t('minutes', { count: s.durationMinutes })})</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {service && (
        <fieldset className="pb-choices pb-inline">
          <legend>{t('fields.language')}</legend>
          {service.languages
            .filter((l): l is Language => l === 'fi' || l === 'sv' || l === 'en')
            .map((l) => (
              <label key={l} className="pb-choice">
                <input type="radio" name={`${id}-language`} checked={value.language === l} onChange={() => set({ language: l })} />
                <span>{t(`languages.${l}`)}</span>
              </label>
            ))}
        </fieldset>
      )}
      {service?.interpretingPossible && (
        <div className="pb-field">
          <label htmlFor={`${id}-interpreting`}>{t('fields.interpreting')}</label>
          <select id={`${id}-interpreting`} value={value.interpreting} onChange={(e) => set({ interpreting: e.target.value })}>
            <option value="">{t('fields.interpretingNone')}</option>
            {SIGN_AND_SAMI.map((code) => (
              <option key={code} value={code}>
                {t(`interpretingLanguages.${code}`)}
              </option>
            ))}
            <option value={OTHER}>{t('fields.interpretingOther')}</option>
          </select>
        </div>
      )}
      {service?.interpretingPossible && value.interpreting === OTHER && (
        <div className="pb-field">
          <label htmlFor={`${id}-other`}>{t('fields.otherLanguage')}</label>
          <p id={`${id}-other-hint`} className="pb-hint">
            {t('fields.otherLanguageHint')}
          </p>
          <input
            id={`${id}-other`}
            value={value.otherLanguage}
            maxLength={3}
            autoComplete="off"
            aria-describedby={`${id}-other-hint${otherInvalid ? ` ${id}-other-error` : ''}`}
            aria-invalid={otherInvalid || undefined}
            onChange={(e) => set({ otherLanguage: e.target.value.trim().toLowerCase() })}
          />
          {otherInvalid && (
            <p id={`${id}-other-error`} className="pb-error">
              {t('validation.code')}
            </p>
          )}
        </div>
      )}
    </>
  );
}

/** The interpreting language to ask for, if any. */
export const interpretingOf = (c: Choice) => (c.interpreting === OTHER ? c.otherLanguage || undefined : c.interpreting || undefined);
