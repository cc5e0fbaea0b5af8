import { useLanguage } from '../../../localized';

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
