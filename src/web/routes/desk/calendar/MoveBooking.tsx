import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { BookingView, SlotView } from '../../../../shared/scheduling';
import { ErrorAlert } from '../../../components/Alerts';
import { Loading } from '../../../components/Loading';
import { useLanguage } from '../../../localized';
import { useCalendar } from './CalendarContext';
import { calendarError } from './calendarError';
import { useAvailability, useMoveBooking } from './queries';
import { SlotPicker } from './SlotPicker';
import { addDays, formatDate, formatDayTime, isoWeek, mondayOf, workWeek, zonedParts } from './time';

type Props = { booking: BookingView; onDone(): void; onCancel(): void };

/** A new start for the booking from the free times of its service, a working week at a time, confirmed before saving. */
export function MoveBooking({ booking, onDone, onCancel }: Props) {
  const { t } = useTranslation('calendar');
  const { locale } = useLanguage();
  const { timeZone } = useCalendar();
  const [week, setWeek] = useState(() => mondayOf(zonedParts(booking.start, timeZone).date));
  const [chosen, setChosen] = useState<SlotView>();
  const days = workWeek(week);
  const availability = useAvailability({
    servicePointId: booking.servicePointId,
    agencyId: booking.agencyId,
    serviceId: booking.serviceId,
    from: days[0]!,
    to: days[4]!,
    interpretingLanguage: booking.interpretingLanguage,
  });
  const move = useMoveBooking(booking.id);
  const go = (weeks: number) => {
    setWeek(addDays(week, weeks * 7));
    setChosen(undefined);
  };

  return (
    <div className="cal-action-panel">
      <p className="cal-hint">{t('move.intro', { time: formatDayTime(booking.start, locale, timeZone) })}</p>
      <div className="cal-week-nav" role="group" aria-label={t('move.weekNav')}>
        <Button variant="secondary" onClick={() => go(-1)}>
          {t('nav.previousWeek')}
        </Button>
        <span className="cal-week-nav-label">{t('nav.weekLabel', { week: isoWeek(week), from: formatDate(days[0]!, locale), to: formatDate(days[4]!, locale) })}</span>
        <Button variant="secondary" onClick={() => go(1)}>
          {t('nav.nextWeek')}
        </Button>
      </div>
      {availability.isPending ? (
        <Loading />
      ) : availability.isError ? (
        <ErrorAlert>{calendarError(t, availability.error)}</ErrorAlert>
      ) : (
        <SlotPicker slots={availability.data} days={days} timeZone={timeZone} selected={chosen?.start} onPick={setChosen} level="h4" />
      )}
      {move.isError && <ErrorAlert>{calendarError(t, move.error)}</ErrorAlert>}
      <div className="cal-form-actions">
        <Button disabled={!chosen || move.isPending} onClick={() => chosen && move.mutate(chosen.start, { onSuccess: onDone, onError: () => setChosen(undefined) })}>
          {chosen ? t('move.confirm', { time: formatDayTime(chosen.start, locale, timeZone) }) : t('move.pick')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('actions.back')}
        </Button>
      </div>
    </div>
  );
}
