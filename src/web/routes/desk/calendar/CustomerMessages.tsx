import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerMessageView } from '../../../../shared/notifications';
import { get } from '../../../api';
import { formatDayTime } from '../../../days';
import { useLanguage } from '../../../localized';

const MESSAGE_KEYS = { all: ['customer-messages'] as const };

const useMessages = (query: string, refetchInterval?: number) =>
  useQuery({
    queryKey: [...MESSAGE_KEYS.all, query],
    queryFn: async () => (await get<{ messages: CustomerMessageView[] }>(`/api/customer-messages?${query}`)).messages,
    refetchInterval,
  });

/** One message's real state: sent (when), failed (phone the customer), not sent (channel not configured), waiting. */
function MessageState({ message: m }: { message: CustomerMessageView }) {
  const { t } = useTranslation('calendar');
  const { lang } = useLanguage();
  if (m.status === 'sent') return <span className="cal-msg cal-msg-sent">{t('messages.sent', { time: m.sentAt ? formatDayTime(m.sentAt, lang) : '' })}</span>;
  if (m.status === 'failed') return <strong className="cal-msg cal-msg-failed">{t('messages.failed')}</strong>;
  if (m.status === 'skipped') return <span className="cal-msg cal-msg-skipped">{t('messages.skipped')}</span>;
  return <span className="cal-msg">{t('messages.pending', { time: formatDayTime(m.sendAfter, lang) })}</span>;
}

/**
 * In the booking's detail: each message to the customer (confirmation, change, cancellation, reminder; e-mail and
 * SMS) with its real state, so nobody says "the customer is told" when nothing went out.
 */
export function BookingMessages({ bookingId, level = 'h3' }: { bookingId: string; level?: 'h2' | 'h3' }) {
  const { t } = useTranslation('calendar');
  const id = useId();
  const messages = useMessages(`bookingId=${bookingId}`, 15_000);
  const Heading = level;
  return (
    <section aria-labelledby={id} className="cal-history" data-testid="booking-messages">
      <Heading id={id} className="cal-subheading">
        {t('messages.title')}
      </Heading>
      {messages.data?.length === 0 && <p>{t('messages.none')}</p>}
      <ul>
        {(messages.data ?? []).map((m) => (
          <li key={m.id}>
            {t(`messages.kind.${m.kind}`)}, {t(`messages.channel.${m.channel}`)}: <MessageState message={m} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On the desk: messages that failed at the advisor's point, so someone phones the customer instead. */
export function FailedMessages({ servicePointId, bookingHref }: { servicePointId: string; bookingHref(id: string): string }) {
  const { t } = useTranslation('calendar');
  const { lang } = useLanguage();
  const id = useId();
  const failed = useMessages(`servicePointId=${servicePointId}&status=failed&limit=10`, 60_000);
  if (!failed.data || failed.data.length === 0) return null;
  return (
    <section aria-labelledby={id} className="cal-failed-messages">
      <h2 id={id} className="cal-subheading">
        {t('messages.failedTitle', { count: failed.data.length })}
      </h2>
      <p>{t('messages.failedIntro')}</p>
      <ul>
        {failed.data.map((m) => (
          <li key={m.id}>
            <Link to={bookingHref(m.bookingId)}>{t('messages.failedItem', { reference: m.reference, time: formatDayTime(m.bookingStart, lang) })}</Link>
            {' – '}
            {t(`messages.kind.${m.kind}`)}, {t(`messages.channel.${m.channel}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
