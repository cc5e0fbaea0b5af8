import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import type { ServicePointView } from '../../../../shared/directory';
import { useUser } from '../../../auth';
import { QueryStatus } from '../../../components/QueryStatus';
import { LiveStatus } from '../../../realtime/LiveStatus';
import { useLiveEvents } from '../../../realtime/useLiveEvents';
import { useNow } from '../../../useNow';
import { useTitle } from '../../../useTitle';
import { useCalendar } from '../../desk/calendar/CalendarContext';
import { NewBooking, newPlanner } from '../../desk/calendar/NewBooking';
import { useBookings } from '../../desk/calendar/queries';
import { WalkInQueue } from '../../desk/calendar/WalkInQueue';
import { workWeek } from '../../desk/calendar/time';
import { useCalendarView } from '../../desk/calendar/useCalendarView';
import { BookingsByDay } from './BookingsByDay';
import { RoomDay } from './RoomDay';

type Props = { points: ServicePointView[]; agencyId: string; isExpert: boolean };

/** The expert's and the agency booker's page: upcoming bookings, the room's day, the walk-in queue, a new booking. */
export function ExpertBookingsPage({ points, agencyId, isExpert }: Props) {
  const { t } = useTranslation('calendar');
  const me = useUser();
  const cal = useCalendar();
  const navigate = useNavigate();
  const now = useNow();
  const [pointId, setPointId] = useState(points[0]?.id);
  const point = points.find((p) => p.id === pointId) ?? points[0];
  const view = useCalendarView(cal.timeZone, point?.openingHours ?? []);
  const live = useLiveEvents([{ agencyId }, ...(point ? [{ servicePointId: point.id }] : [])]);
  const [planner, setPlanner] = useState(() => newPlanner({ agencyId, servicePointId: point?.id }, 'agency-phone'));
  const from = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  const mine = useBookings(isExpert ? { expertId: me.id, from } : undefined, { keepPrevious: true });
  const agency = useBookings({ agencyId, from }, { keepPrevious: true });
  const ids = { mine: useId(), agency: useId(), walkIns: useId(), create: useId() };
  useTitle(t('expert.title'));

  return (
    <div className="cal-page">
      <div className="cal-page-head">
        <Heading variant="h1" mb="xs">
          {t('expert.title')}
        </Heading>
        <p className="cal-point-name">{cal.agencyName(agencyId)}</p>
        <LiveStatus state={live} />
      </div>
      <div className="cal-layout">
        <div className="cal-main">
          {isExpert && (
            <section className="cal-panel" aria-labelledby={ids.mine}>
              <h2 id={ids.mine} className="cal-panel-title">
                {t('expert.mine')}
              </h2>
              <QueryStatus query={mine}>{(data) => <BookingsByDay bookings={data.bookings} />}</QueryStatus>
            </section>
          )}
          <section className="cal-panel cal-panel-gap" aria-labelledby={ids.agency}>
            <h2 id={ids.agency} className="cal-panel-title">
              {t('expert.agency', { agency: cal.agencyShort(agencyId) })}
            </h2>
            <QueryStatus query={agency}>{(data) => <BookingsByDay bookings={data.bookings} />}</QueryStatus>
          </section>
        </div>
        <div className="cal-aside-stack">
          {isExpert && (
            <section className="cal-aside" aria-labelledby={ids.walkIns}>
              <h2 id={ids.walkIns} className="cal-panel-title">
                {t('expert.walkIns')}
              </h2>
              <WalkInQueue params={{ agencyId }} mode="expert" onTaken={(b) => navigate(cal.bookingHref(b.id))} />
            </section>
          )}
          <section className="cal-aside" aria-labelledby={ids.create}>
            <h2 id={ids.create} className="cal-panel-title">
              {t('create.title')}
            </h2>
            <NewBooking
              planner={planner}
              onPlanner={setPlanner}
              days={workWeek(view.date)}
              fixedAgency
              points={points}
              onCreated={(b) => {
                setPlanner(newPlanner(planner.choice, planner.draft.channel));
                navigate(cal.bookingHref(b.id), { state: { created: b.id } });
              }}
            />
          </section>
        </div>
      </div>
      {point && <RoomDay points={points} point={point} onPoint={setPointId} view={view} agencyId={agencyId} now={now} />}
    </div>
  );
}
