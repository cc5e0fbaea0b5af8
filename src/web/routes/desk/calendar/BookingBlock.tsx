import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BookingView, BusyView } from '../../../../shared/scheduling';
import { useLanguage } from '../../../localized';
import { useCalendar } from './CalendarContext';
import { formatTimeRange, zonedParts } from './time';
import { useCustomerName } from '../../privacy/customerName';

export type CalendarItem = BookingView | BusyView;
export const isBusy = (item: CalendarItem): item is BusyView => 'busy' in item;

type Props = { item: CalendarItem; selected?: boolean; compact?: boolean; roomName?: string };

/**
 * One booking in the grid, coloured by agency and named by it in text; another agency's booking is grey and says
 * only that the room is taken. A booking opens its details; busy time is not a link (there is nothing to open).
 */
export function BookingBlock({ item, selected, compact, roomName }: Props) {
  const { t } = useTranslation('calendar');
  const customerName = useCustomerName();
  const { locale } = useLanguage();
  const cal = useCalendar();
  const time = formatTimeRange(item.start, item.end, locale, cal.timeZone);
  if (isBusy(item)) {
    return (
      <div className="cal-block cal-busy">
        <span className="cal-block-time">{time}</span> <span className="cal-block-label">{t('busy')}</span>
        {roomName && <span className="cal-block-room"> {roomName}</span>}
      </div>
    );
  }
  const b = item;
  return (
    <Link
      to={cal.bookingHref(b.id, zonedParts(b.start, cal.timeZone).date)}
      className={`cal-block cal-agency-${cal.colourOf(b.agencyId)} cal-block-${b.status}${compact ? ' cal-block-compact' : ''}`}
      aria-current={selected ? 'true' : undefined}
    >
      <span className="cal-block-time">{time}</span> <span className="cal-block-agency">{cal.agencyShort(b.agencyId)}</span>{' '}
      <span className="cal-block-ref">{b.reference}</span> <span className="cal-block-name">{customerName(b)}</span>
      {b.status !== 'booked' && <span className="cal-block-status"> · {t(`status.${b.status}`)}</span>}
      {roomName && <span className="cal-block-room"> · {roomName}</span>}
    </Link>
  );
}
