import { Link } from 'react-router';
import type { BookingView } from '../../../../shared/scheduling';
import { useLanguage } from '../../../localized';
import { useCustomerName } from '../../privacy/customerName';
import { useCalendar } from './CalendarContext';
import { AgencyTag, StatusChip } from './StatusChip';
import { formatDayShort, formatTimeRange, zonedParts } from './time';

/** A booking as one line of a list (today, search results, an expert's days), linking to its details. */
export function BookingRow({ booking: b, showDay = false, showService = false }: { booking: BookingView; showDay?: boolean; showService?: boolean }) {
  const { locale } = useLanguage();
  const cal = useCalendar();
  const customerName = useCustomerName();
  const day = zonedParts(b.start, cal.timeZone).date;
  return (
    <Link to={cal.bookingHref(b.id, day)} className="cal-row">
      <span className="cal-row-time">
        {showDay && `${formatDayShort(day, locale)} `}
        {formatTimeRange(b.start, b.end, locale, cal.timeZone)}
      </span>
      <AgencyTag agencyId={b.agencyId} />
      <span className="cal-row-name">{customerName(b)}</span>
      <span className="cal-row-ref">{b.reference}</span>
      {showService && <span className="cal-row-service">{cal.serviceName(b.serviceId)}</span>}
      <StatusChip status={b.status} />
    </Link>
  );
}
