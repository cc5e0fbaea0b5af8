import { useTranslation } from 'react-i18next';
import type { IdentityCheckView } from '../../../../shared/assistance';
import { formatDay, formatTime, helsinkiDay } from '../../../days';
import { localized, useLanguage } from '../../../localized';
import { useOrganisations } from '../../../queries';

const TIME_ZONE = 'Europe/Helsinki';

/** Clock times of calls and checks as the service point's clock shows them (not the browser's zone). */
export function useFormatters(timeZone = TIME_ZONE) {
  const { locale } = useLanguage();
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short', timeStyle: 'short' });
  return {
    time: (iso: string | undefined) => (iso ? time.format(new Date(iso)) : ''),
    dateTime: (iso: string | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
  };
}

/**
 * Which appointment an identity-check alert is about, for the desk, the coordinators and the browser notification:
 * the agency, the day and the time, in Helsinki time and the UI language's format.
 */
export function useAppointmentText() {
  const { t } = useTranslation('assistance');
  const { lang } = useLanguage();
  const organisations = useOrganisations();
  return (check: Pick<IdentityCheckView, 'agencyId' | 'booking'>) => {
    const agency = organisations.data?.find((o) => o.id === check.agencyId);
    return t('check.appointment', {
      agency: agency ? localized(agency.name, lang) : '',
      date: formatDay(helsinkiDay(new Date(check.booking.start)), lang),
      start: formatTime(check.booking.start, lang),
      end: formatTime(check.booking.end, lang),
    });
  };
}
