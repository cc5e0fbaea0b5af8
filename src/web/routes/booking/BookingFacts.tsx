import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/common';
import { buildIcs } from '../../../shared/ics';
import type { PublicServicePointView } from '../../../shared/public-booking';
import { localized, useLanguage } from '../../localized';
import { formatWhen, interpretingName } from './format';

export type Facts = {
  agencyName: LocalizedText;
  serviceName: LocalizedText;
  start: string;
  end: string;
  point: PublicServicePointView;
  language: string;
  interpretingLanguage?: string;
  reference?: string;
};

export const placeOf = (p: PublicServicePointView, lang: 'fi' | 'sv' | 'en') => `${localized(p.name, lang)}, ${localized(p.streetAddress, lang)}, ${p.postalCode} ${localized(p.city, lang)}`;

/** What, when and where, as a description list: the confirm step, the confirmation and the manage page show it alike. */
export function BookingFacts({ facts }: { facts: Facts }) {
  const { t } = useTranslation('publicBooking');
  const { lang, locale } = useLanguage();
  const minutes = Math.round((Date.parse(facts.end) - Date.parse(facts.start)) / 60_000);
  const rows: [string, string][] = [
    ...(facts.reference ? [[t('summary.reference'), facts.reference] as [string, string]] : []),
    [t('summary.agency'), localized(facts.agencyName, lang)],
    [t('summary.service'), localized(facts.serviceName, lang)],
    [t('summary.time'), formatWhen(facts.start, locale, facts.point.timeZone)],
    [t('summary.duration'), t('minutes', { count: minutes })],
    [t('summary.place'), placeOf(facts.point, lang)],
    [t('summary.language'), t(`languages.${facts.language}`)],
    ...(facts.interpretingLanguage ? [[t('summary.interpreter'), interpretingName(t, facts.interpretingLanguage, lang)] as [string, string]] : []),
  ];
  return (
    <dl className="pb-facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd className={k === t('summary.reference') ? 'pb-reference' : undefined}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The appointment as an .ics file, made in the browser from the same writer the e-mails use. */
export function IcsLink({ facts, manageUrl }: { facts: Facts & { reference: string }; manageUrl?: string }) {
  const { t } = useTranslation('publicBooking');
  const { lang } = useLanguage();
  const href = useMemo(() => {
    const ics = buildIcs({
      method: 'REQUEST',
      uid: `${facts.reference}@etapiste`,
      sequence: 1,
      start: new Date(facts.start),
      end: new Date(facts.end),
      stamp: new Date(),
      summary: `${localized(facts.agencyName, lang)}: ${localized(facts.serviceName, lang)}`,
      location: placeOf(facts.point, lang),
      description: [`${t('summary.reference')}: ${facts.reference}`, t('done.referenceHint'), ...(manageUrl ? [manageUrl] : [])].join('\n'),
    });
    return URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  }, [facts, manageUrl, lang, t]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <a className="pb-button pb-secondary" href={href} download={`etapiste-${facts.reference}.ics`}>
      {t('done.ics')}
    </a>
  );
}
