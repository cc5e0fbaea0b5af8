import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import type { ServicePointView } from '../../../../shared/directory';
import { useUser } from '../../../auth';
import { NoticeAlert } from '../../../components/Alerts';
import { QueryStatus } from '../../../components/QueryStatus';
import { localized, useLanguage } from '../../../localized';
import { useServicePoints } from '../../../queries';
import { LiveStatus } from '../../../realtime/LiveStatus';
import { useLiveEvents } from '../../../realtime/useLiveEvents';
import { useNow } from '../../../useNow';
import { useTitle } from '../../../useTitle';
import { AgencyLegend } from './AgencyLegend';
import { BookingDetail } from './BookingDetail';
import { BookingSearch } from './BookingSearch';
import { type CalendarScope, CalendarProvider } from './CalendarContext';
import { CalendarToolbar } from './CalendarToolbar';
import { NewBooking, newPlanner } from './NewBooking';
import { useBookings } from './queries';
import { TimeGrid } from './TimeGrid';
import { TodayList } from './TodayList';
import { WalkInPanel } from './WalkInPanel';
import { dayRange, zonedParts } from './time';
import { useCalendarView } from './useCalendarView';
import './calendar.css';

const BOOKING_PATH = /^booking\/([0-9a-f-]{36})$/;

/** /desk/calendar: the advisor's booking calendar for the service point their advisor role is attached to. */
export function DeskCalendarArea() {
  const { t } = useTranslation('calendar');
  const me = useUser();
  const points = useServicePoints();
  useTitle(t('title'));
  const pointId = me.roles.find((r) => r.role === 'advisor' && r.servicePointId)?.servicePointId;
  return (
    <QueryStatus query={points}>
      {(all) => {
        const point = all.find((p) => p.id === pointId);
        if (!point) return <NoticeAlert status="warning">{t('noPoint')}</NoticeAlert>;
        return <DeskCalendar point={point} />;
      }}
    </QueryStatus>
  );
}

function DeskCalendar({ point }: { point: ServicePointView }) {
  const { t } = useTranslation('calendar');
  const { lang } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const bookingId = BOOKING_PATH.exec(useParams()['*'] ?? '')?.[1];
  const view = useCalendarView(point.timeZone, point.openingHours);
  const now = useNow(30_000);
  const live = useLiveEvents([{ servicePointId: point.id }]);
  const rangeId = useId();
  const newId = useId();
  const [planner, setPlanner] = useState(() => newPlanner({ servicePointId: point.id }));
  const { view: mode } = view;
  const scope = useMemo<CalendarScope>(
    () => ({
      timeZone: point.timeZone,
      bookingHref: (id, day) => `/desk/calendar/booking/${id}?date=${day ?? ''}&view=${mode}`,
      canChangeStatus: () => true,
    }),
    [point.timeZone, mode],
  );
  const bookings = useBookings({ servicePointId: point.id, ...dayRange(view.days[0]!, view.days[view.days.length - 1]!, point.timeZone) }, { keepPrevious: true });
  const created = (location.state as { created?: string } | null)?.created === bookingId;

  return (
    <CalendarProvider scope={scope}>
      <div className="cal-page">
        <div className="cal-page-head">
          <Heading variant="h1" mb="xs">
            {t('title')}
          </Heading>
          <p className="cal-point-name">{localized(point.name, lang)}</p>
          <LiveStatus state={live} />
        </div>
        <div className="cal-layout">
          <section className="cal-main" aria-labelledby={rangeId}>
            <CalendarToolbar view={view} headingId={rangeId} />
            <AgencyLegend />
            <QueryStatus query={bookings}>
              {(data) => <TimeGrid servicePointId={point.id} days={view.days} items={[...data.bookings, ...data.busy]} rooms={point.rooms} now={now} selectedId={bookingId} />}
            </QueryStatus>
          </section>
          <aside className="cal-aside" aria-labelledby={bookingId ? `${bookingId}-heading` : newId}>
            {bookingId ? (
              <>
                <Link className="cal-close" to={`/desk/calendar?${view.search}`}>
                  {t('detail.close')}
                </Link>
                <BookingDetail id={bookingId} created={created} />
              </>
            ) : (
              <section aria-labelledby={newId}>
                <h2 id={newId} className="cal-panel-title">
                  {t('create.title')}
                </h2>
                <NewBooking
                  planner={planner}
                  onPlanner={setPlanner}
                  days={view.days}
                  onCreated={(b) => {
                    setPlanner(newPlanner(planner.choice));
                    navigate(scope.bookingHref(b.id, zonedParts(b.start, point.timeZone).date), { state: { created: b.id } });
                  }}
                />
              </section>
            )}
          </aside>
        </div>
        <div className="cal-panels">
          <TodayList servicePointId={point.id} now={now} />
          <WalkInPanel servicePointId={point.id} />
          <BookingSearch servicePointId={point.id} />
        </div>
      </div>
    </CalendarProvider>
  );
}
