import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'suomifi-ui-components';
import type { BookingView } from '../../../../shared/scheduling';
import { localized, useLanguage } from '../../../localized';
import { useServicePoints } from '../../../queries';
import { useCalendar } from './CalendarContext';
import { interpretingLanguageName } from './languages';
import { useExperts } from './queries';
import { formatDayLong, formatTimeRange, zonedParts } from './time';
import { useCustomerName } from '../../privacy/customerName';

/** Everything the booking holds, as a definition list; nothing about the customer's case is stored. */
export function BookingFacts({ booking: b }: { booking: BookingView }) {
  const { t } = useTranslation('calendar');
  const customerName = useCustomerName();
  const { lang, locale } = useLanguage();
  const cal = useCalendar();
  const experts = useExperts(b.agencyId);
  const points = useServicePoints();
  const point = points.data?.find((p) => p.id === b.servicePointId);
  const room = point && point.rooms.length > 1 ? point.rooms.find((r) => r.id === b.roomId) : undefined;
  const expert = experts.data?.find((e) => e.id === b.expertId);
  const day = zonedParts(b.start, cal.timeZone).date;
  const row = (label: string, value: ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="cal-facts">
      {row(t('detail.agency'), cal.agencyName(b.agencyId))}
      {row(t('detail.service'), cal.serviceName(b.serviceId))}
      {row(
        t('detail.time'),
        <>
          {formatDayLong(day, locale)} {formatTimeRange(b.start, b.end, locale, cal.timeZone)}
        </>,
      )}
      {point && row(t('detail.place'), room ? `${localized(point.name, lang)}, ${localized(room.name, lang)}` : localized(point.name, lang))}
      {expert && row(t('detail.expert'), expert.name)}
      {row(t('detail.customer'), customerName(b))}
      {b.customer.phone && row(t('detail.phone'), <Link href={`tel:${b.customer.phone}`}>{b.customer.phone}</Link>)}
      {b.customer.email && row(t('detail.email'), b.customer.email)}
      {row(t('detail.language'), t(`bookingLanguage.${b.language}`))}
      {b.interpretingLanguage && row(t('interpreting.label'), interpretingLanguageName(t, b.interpretingLanguage, locale))}
      {row(t('detail.channel'), b.walkIn ? t('detail.walkIn') : t(`channel.${b.channel}`))}
      {b.note && row(t('detail.note'), <span className="cal-note">{b.note}</span>)}
      {b.cancelReason && row(t('detail.cancelReason'), b.cancelReason)}
    </dl>
  );
}
