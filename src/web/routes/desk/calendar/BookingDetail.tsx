import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { ErrorAlert, StatusMessage } from '../../../components/Alerts';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatDayTime } from '../../../days';
import { useLanguage } from '../../../localized';
import { BookingFacts } from './BookingFacts';
import { BookingHistory } from './BookingHistory';
import { BookingMessages } from './CustomerMessages';
import { useCalendar } from './CalendarContext';
import { CancelBooking } from './CancelBooking';
import { calendarError } from './calendarError';
import { MoveBooking } from './MoveBooking';
import { type BookingDetail as Detail, useBooking, useBookingStatus } from './queries';
import { StatusChip } from './StatusChip';

type Props = {
  id: string;
  /** Set after this screen created the booking: says so, next to the reference to give the customer. */
  created?: boolean;
  level?: 'h1' | 'h2';
};

type Mode = 'view' | 'move' | 'cancel';

/** One booking: the reference large (the customer types it at the terminal), its facts, actions and history. */
export function BookingDetail({ id, created, level = 'h2' }: Props) {
  const { t } = useTranslation('calendar');
  const booking = useBooking(id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [done, setDone] = useState<string>();
  const Heading = level;
  useEffect(() => {
    setMode('view');
    setDone(undefined);
    headingRef.current?.focus();
  }, [id]);

  return (
    <section className="cal-detail" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} ref={headingRef} tabIndex={-1} className={level === 'h1' ? 'cal-h1 cal-focus-target' : 'cal-panel-title cal-focus-target'}>
        {t('detail.title')}
      </Heading>
      <StatusMessage message={done ?? (created && mode === 'view' ? t('create.saved') : undefined)} />
      <QueryStatus query={booking}>
        {(b) => (
          <>
            <p className="cal-reference">
              <span className="cal-reference-label">{t('detail.reference')}</span>
              <strong className="cal-reference-value" data-testid="booking-reference">
                {b.reference}
              </strong>
            </p>
            <p className="cal-detail-status">
              <StatusChip status={b.status} />
            </p>
            <BookingFacts booking={b} />
            {mode === 'view' && <Actions booking={b} onMode={setMode} onDone={setDone} />}
            {mode === 'move' && (
              <MoveBooking
                booking={b}
                onCancel={() => setMode('view')}
                onDone={() => {
                  setMode('view');
                  setDone(t('move.done'));
                }}
              />
            )}
            {mode === 'cancel' && (
              <CancelBooking
                bookingId={b.id}
                onCancel={() => setMode('view')}
                onDone={() => {
                  setMode('view');
                  setDone(t('cancel.done'));
                }}
              />
            )}
            <BookingMessages bookingId={b.id} level={level === 'h1' ? 'h2' : 'h3'} />
            <BookingHistory history={b.history} level={level === 'h1' ? 'h2' : 'h3'} />
          </>
        )}
      </QueryStatus>
    </section>
  );
}

/** The actions the booking's status allows; check-in and no-show only for those who serve the customer. */
function Actions({ booking: b, onMode, onDone }: { booking: Detail; onMode(mode: Mode): void; onDone(message: string): void }) {
  const { t } = useTranslation('calendar');
  const { lang } = useLanguage();
  const { canChangeStatus } = useCalendar();
  const status = useBookingStatus(b.id);
  const now = Date.now();
  const started = Date.parse(b.start) <= now;
  const mayStatus = canChangeStatus(b.agencyId);
  // Check-in only in its window (CHECK_IN_OPENS_MINUTES before the start until the end): not days ahead by mistake.
  const checkInOpen = Date.parse(b.checkInOpensAt) <= now && now <= Date.parse(b.end);
  const buttons = [
    b.status === 'booked' && (
      <Button key="move" variant="secondary" onClick={() => onMode('move')}>
        {t('actions.move')}
      </Button>
    ),
    mayStatus && b.status === 'booked' && checkInOpen && (
      <Button key="check-in" variant="secondary" onClick={() => status.mutate('check-in', { onSuccess: () => onDone(t('actions.checkedIn')) })}>
        {t('actions.checkIn')}
      </Button>
    ),
    mayStatus && b.status === 'checked-in' && (
      <Button key="undo-check-in" variant="secondary" onClick={() => status.mutate('undo-check-in', { onSuccess: () => onDone(t('actions.checkInUndone')) })}>
        {t('actions.undoCheckIn')}
      </Button>
    ),
    mayStatus && started && (b.status === 'booked' || b.status === 'checked-in') && (
      <Button key="no-show" variant="secondary" onClick={() => status.mutate('no-show', { onSuccess: () => onDone(t('actions.markedNoShow')) })}>
        {t('actions.noShow')}
      </Button>
    ),
    (b.status === 'booked' || b.status === 'checked-in') && (
      <Button key="cancel" variant="secondary" onClick={() => onMode('cancel')}>
        {t('actions.cancel')}
      </Button>
    ),
  ].filter(Boolean);
  const notYet = mayStatus && b.status === 'booked' && now < Date.parse(b.checkInOpensAt);
  if (buttons.length === 0 && !notYet) return null;
  return (
    <>
      {notYet && <p className="cal-hint">{t('actions.checkInOpens', { time: formatDayTime(b.checkInOpensAt, lang) })}</p>}
      {status.isError && <ErrorAlert>{calendarError(t, status.error)}</ErrorAlert>}
      <div className="cal-actions" role="group" aria-label={t('actions.label')}>
        {buttons}
      </div>
    </>
  );
}
