import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localized, useLanguage } from '../../../localized';
import { useCalendar } from './CalendarContext';

/** What the block colours mean: each agency's colour with its short and full name; grey for busy time. */
type Props = { agencyIds?: string[]; showBusy?: boolean; level?: 'h3' | 'h4' };

export function AgencyLegend({ agencyIds, showBusy = false, level = 'h3' }: Props) {
  const Title = level;
  const { t } = useTranslation('calendar');
  const { lang } = useLanguage();
  const { agencies, colourOf } = useCalendar();
  const id = useId();
  const shown = agencyIds ? agencies.filter((a) => agencyIds.includes(a.id)) : agencies;
  return (
    <div className="cal-legend">
      <Title id={id} className="cal-legend-title">
        {t('legend.title')}
      </Title>
      <ul aria-labelledby={id}>
        {shown.map((a) => (
          <li key={a.id}>
            <span className={`cal-swatch cal-agency-${colourOf(a.id)}`} aria-hidden="true" />
            <strong>{localized(a.shortName, lang)}</strong> {localized(a.name, lang) === localized(a.shortName, lang) ? '' : localized(a.name, lang)}
          </li>
        ))}
        {showBusy && (
          <li>
            <span className="cal-swatch cal-busy" aria-hidden="true" />
            {t('legend.busy')}
          </li>
        )}
      </ul>
    </div>
  );
}
