import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import type { ServicePointView } from '../../../../shared/directory';
import { QueryStatus } from '../../../components/QueryStatus';
import { localized, useLanguage } from '../../../localized';
import { AgencyLegend } from '../../desk/calendar/AgencyLegend';
import { CalendarToolbar } from '../../desk/calendar/CalendarToolbar';
import { useBookings } from '../../desk/calendar/queries';
import { TimeGrid } from '../../desk/calendar/TimeGrid';
import { dayRange } from '../../desk/calendar/time';
import type { useCalendarView } from '../../desk/calendar/useCalendarView';

type Props = {
  points: ServicePointView[];
  point: ServicePointView;
  onPoint(id: string): void;
  view: ReturnType<typeof useCalendarView>;
  agencyId: string;
  now: Date;
};

/** The shared room's day at a point: the agency's own bookings in full, other agencies' only as busy time. */
export function RoomDay({ points, point, onPoint, view, agencyId, now }: Props) {
  const { t } = useTranslation('calendar');
  const { lang } = useLanguage();
  const headingId = useId();
  const bookings = useBookings({ servicePointId: point.id, ...dayRange(view.days[0]!, view.days[view.days.length - 1]!, point.timeZone) }, { keepPrevious: true });
  return (
    <section className="cal-panel cal-room-day" aria-labelledby={`${headingId}-title`}>
      <h2 id={`${headingId}-title`} className="cal-panel-title">
        {t('expert.room', { point: localized(point.name, lang) })}
      </h2>
      {points.length > 1 && (
        <Dropdown labelText={t('create.point')} value={point.id} onChange={onPoint}>
          {points.map((p) => (
            <DropdownItem key={p.id} value={p.id}>
              {localized(p.name, lang)}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <CalendarToolbar view={view} headingId={headingId} allowWeek={false} level="h3" />
      <AgencyLegend agencyIds={[agencyId]} showBusy level="h4" />
      <QueryStatus query={bookings}>
        {(data) => <TimeGrid servicePointId={point.id} days={view.days} items={[...data.bookings, ...data.busy]} rooms={point.rooms} now={now} dayLevel="h4" />}
      </QueryStatus>
    </section>
  );
}
