import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert } from '../../../components/Alerts';
import { localized, useLanguage } from '../../../localized';
import { meetingError } from '../../../meeting/meetingError';
import { useEventHints } from '../../../meeting/useEventHints';
import { useTitle } from '../../../useTitle';
import { MEETING_KEYS, type MeetingListItem, helsinkiDay, openMeeting, useMeetingsOfDay } from './api';
import './meetings.css';

/** Today's meetings the expert may join (own agency and invitations), live: who has checked in, who is online. */
export function MeetingsListPage() {
  const { t } = useTranslation(['meeting', 'common']);
  const { lang, locale } = useLanguage();
  const client = useQueryClient();
  const navigate = useNavigate();
  useTitle(t('list.title'));
  const day = helsinkiDay();
  const live = useEventHints({ scopes: [{}], types: ['meeting.changed', 'booking.changed'], onHint: () => void client.invalidateQueries({ queryKey: MEETING_KEYS.list }) });
  const meetings = useMeetingsOfDay(day, live === 'live' ? 30_000 : 5_000);
  const open = useMutation({ mutationFn: openMeeting, onSuccess: (view) => navigate(`/expert/meetings/${view.id}`) });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });

  const action = (m: MeetingListItem) => {
    if (m.status === 'ended') return <span className="mt-muted">{t('list.ended')}</span>;
    if (m.id && (m.status === 'open' || m.invited))
      return (
        <Link className="mt-action" to={`/expert/meetings/${m.id}`}>
          {t('list.join')}
        </Link>
      );
    return (
      <button type="button" className="meeting-button meeting-button-primary" disabled={open.isPending} onClick={() => open.mutate(m.bookingId)}>
        {t('list.open')}
      </button>
    );
  };

  return (
    <>
      <Heading variant="h1" mb="xs">
        {t('list.title')}
      </Heading>
      <Paragraph mb="m">{t('list.intro', { date: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'Europe/Helsinki' }).format(new Date()) })}</Paragraph>
      {open.isError && <ErrorAlert>{meetingError(t, open.error)}</ErrorAlert>}
      {meetings.isError && <ErrorAlert>{meetingError(t, meetings.error)}</ErrorAlert>}
      {meetings.isPending ? (
        <p role="status">{t('common:loading')}</p>
      ) : meetings.data && meetings.data.length === 0 ? (
        <Paragraph>{t('list.none')}</Paragraph>
      ) : (
        <table className="mt-table">
          <caption className="visually-hidden">{t('list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.time')}</th>
              <th scope="col">{t('list.customer')}</th>
              <th scope="col">{t('list.service')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('list.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {meetings.data?.map((m) => (
              <tr key={m.bookingId} data-booking={m.bookingId}>
                <td>
                  {time.format(new Date(m.startsAt))}–{time.format(new Date(m.endsAt))}
                </td>
                <td>{m.customerName ?? t('list.hiddenCustomer')}</td>
                <td>
                  {localized(m.service, lang)}
                  {m.invited && <span className="mt-tag">{t('list.invited', { agency: localized(m.agency, lang) })}</span>}
                </td>
                <td>
                  <span className={`mt-status mt-status-${m.status}`}>{t(`list.statuses.${m.status}`)}</span>
                  {m.customerOnline && m.status !== 'ended' && <span className="mt-online">{t('list.customerOnline')}</span>}
                </td>
                <td>{action(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
