import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useUser } from '../../../auth';
import { NoticeAlert } from '../../../components/Alerts';
import { QueryStatus } from '../../../components/QueryStatus';
import { useServicePoints } from '../../../queries';
import { BookingDetail } from '../../desk/calendar/BookingDetail';
import { type CalendarScope, CalendarProvider } from '../../desk/calendar/CalendarContext';
import { ExpertBookingAssist } from '../identity/ExpertBookingAssist';
import { ExpertBookingsPage } from './ExpertBookingsPage';
import '../../desk/calendar/calendar.css';

const ID = /^[0-9a-f-]{36}$/;

/** /expert/bookings: the agency's bookings, the shared room's day, the walk-in queue; /expert/bookings/:id one booking. */
export function ExpertBookingsArea() {
  const { t } = useTranslation('calendar');
  const me = useUser();
  const points = useServicePoints();
  const splat = useParams()['*'] ?? '';
  const location = useLocation();
  const agencyRole = me.roles.find((r) => r.role === 'expert') ?? me.roles.find((r) => r.role === 'agency-booker');
  const agencyId = agencyRole?.organisationId;
  const isExpert = me.roles.some((r) => r.role === 'expert' && r.organisationId === agencyId);
  const timeZone = points.data?.find((p) => p.active)?.timeZone ?? 'Europe/Helsinki';
  const scope = useMemo<CalendarScope>(
    () => ({ timeZone, bookingHref: (id) => `/expert/bookings/${id}`, canChangeStatus: (a) => isExpert && a === agencyId }),
    [timeZone, isExpert, agencyId],
  );
  if (!agencyId) return <NoticeAlert status="warning">{t('expert.noAgency')}</NoticeAlert>;
  const bookingId = ID.test(splat) ? splat : undefined;
  return (
    <CalendarProvider scope={scope}>
      {bookingId ? (
        <>
          <Link className="cal-close" to="/expert/bookings">
            {t('expert.back')}
          </Link>
          <BookingDetail id={bookingId} level="h1" created={(location.state as { created?: string } | null)?.created === bookingId} />
          {isExpert && <ExpertBookingAssist bookingId={bookingId} />}
        </>
      ) : (
        <QueryStatus query={points}>
          {(all) => <ExpertBookingsPage points={all.filter((p) => p.active)} agencyId={agencyId} isExpert={isExpert} />}
        </QueryStatus>
      )}
    </CalendarProvider>
  );
}
