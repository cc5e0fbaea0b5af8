import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicBookingView } from '../../../shared/public-booking';
import { ApiError } from '../../api';
import { useLanguage } from '../../localized';
import { useTitle } from '../../useTitle';
import { BookingFacts, IcsLink } from './BookingFacts';
import { bookingError, formatWhen, nextTimesOf } from './format';
import { publicApi } from './publicApi';
import { SlotPicker } from './SlotPicker';

/** The manage link's page: the booking without contact details; move or cancel it until the cut-off. */
export function ManagePage({ home }: { home: string }) {
  const { token = '' } = useParams();
  const { t } = useTranslation('publicBooking');
  useTitle(t('manage.title'));
  const client = useQueryClient();
  // Every read is audited (a read of personal data): read once, not on every focus.
  const query = useQuery({ queryKey: ['public-booking', token], queryFn: () => publicApi.view(token), retry: false, staleTime: Infinity, refetchOnWindowFocus: false });
  const [mode, setMode] = useState<'view' | 'move' | 'cancel'>('view');
  const [start, setStart] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [suggested, setSuggested] = useState<string[]>([]);
  const status = useRef<HTMLParagraphElement>(null);
  const done = (b: PublicBookingView, message: string) => {
    client.setQueryData(['public-booking', token], b);
    setMode('view');
    setStart(undefined);
    setNotice(message);
  };
  const move = useMutation({
    mutationFn: (s: string) => publicApi.move(token, s),
    onSuccess: (b) => done(b, t('manage.moved')),
    onError: (e) => setSuggested(nextTimesOf(e)),
  });
  const cancel = useMutation({ mutationFn: () => publicApi.cancel(token), onSuccess: (b) => done(b, t('manage.cancelled')) });
  useEffect(() => {
    if (notice) status.current?.focus();
  }, [notice]);

  if (query.isPending) return <p role="status">…</p>;
  if (query.isError) {
    const gone = query.error instanceof ApiError && query.error.status === 404;
    return (
      <section className="pb-card">
        <h2>{t('manage.title')}</h2>
        <p role="alert">{gone ? t('manage.notFound') : bookingError(t, query.error)}</p>
        <Link to={home}>{t('manage.bookNew')}</Link>
      </section>
    );
  }
  const b = query.data;
  const facts = { agencyName: b.agencyName, serviceName: b.serviceName, start: b.start, end: b.end, point: b.servicePoint, language: b.language, interpretingLanguage: b.interpretingLanguage, reference: b.reference };
  const cancelled = b.status === 'cancelled';
  const error = move.error ?? cancel.error;
  return (
    <section className="pb-card" aria-labelledby="pb-manage">
      <h2 id="pb-manage">{t('manage.title')}</h2>
      <p>{t('manage.greeting', { name: b.firstName })}</p>
      {notice && (
        <p ref={status} tabIndex={-1} role="status" className="pb-notice">
          {notice}
        </p>
      )}
      <BookingFacts facts={facts} />
      {cancelled ? (
        <Link to={home}>{t('manage.bookNew')}</Link>
      ) : (
        <>
          <ManageHint booking={b} />
          {b.changeable && mode === 'view' && (
            <div className="pb-actions">
              <button type="button" className="pb-button" onClick={() => setMode('move')}>
                {t('manage.move')}
              </button>
              <button type="button" className="pb-button pb-secondary" onClick={() => setMode('cancel')}>
                {t('manage.cancel')}
              </button>
              <IcsLink facts={facts} />
            </div>
          )}
          {mode === 'move' && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (start) move.mutate(start);
              }}
            >
              <SlotPicker
                ask={{ servicePointId: b.servicePointId, agencyId: b.agencyId, serviceId: b.serviceId, interpretingLanguage: b.interpretingLanguage }}
                days={28}
                tz={b.servicePoint.timeZone}
                phone={b.servicePoint.phone}
                value={start}
                onChange={setStart}
                suggested={suggested}
              />
              <div className="pb-actions">
                <button type="submit" className="pb-button" disabled={!start || move.isPending}>
                  {move.isPending ? t('manage.moving') : t('manage.moveConfirm')}
                </button>
                <button type="button" className="pb-button pb-secondary" onClick={() => setMode('view')}>
                  {t('back')}
                </button>
              </div>
            </form>
          )}
          {mode === 'cancel' && (
            <div role="group" aria-labelledby="pb-cancel-q">
              <p id="pb-cancel-q">{t('manage.cancelConfirm')}</p>
              <div className="pb-actions">
                <button type="button" className="pb-button pb-danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
                  {t('manage.cancelYes')}
                </button>
                <button type="button" className="pb-button pb-secondary" onClick={() => setMode('view')}>
                  {t('manage.cancelNo')}
                </button>
              </div>
            </div>
          )}
          {error && (
            <p className="pb-error" role="alert">
              {bookingError(t, error)}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ManageHint({ booking: b }: { booking: PublicBookingView }) {
  const { t } = useTranslation('publicBooking');
  const { locale } = useLanguage();
  return <p>{b.changeable ? t('manage.until', { until: formatWhen(b.changeableUntil, locale, b.servicePoint.timeZone) }) : t('manage.cutOff', { phone: b.servicePoint.phone })}</p>;
}
