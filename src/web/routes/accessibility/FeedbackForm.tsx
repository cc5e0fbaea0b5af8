import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, Heading, TextInput, Textarea } from 'suomifi-ui-components';
import { feedbackCreate } from '../../../shared/accessibility';
import type { Language } from '../../../shared/common';
import { ErrorAlert, NoticeAlert } from '../../components/Alerts';
import { formatDay, helsinkiDay } from '../../days';
import { errorMessage } from '../../errors';
import { useSendFeedback } from './api';

/**
 * The public feedback form (no sign-in): the message, an optional e-mail for the answer, and the page it concerns
 * (filled in from `?page=` when the footer link carried it). The server refuses a henkilötunnus in any field.
 */
export function FeedbackForm({ lang }: { lang: Language }) {
  const { t } = useTranslation('accessibility');
  const [params] = useSearchParams();
  const [message, setMessage] = useState('');
  const [email, setEmail] = useState('');
  const [page, setPage] = useState(params.get('page') ?? '');
  const [invalid, setInvalid] = useState<Map<string, string>>(new Map());
  const send = useSendFeedback();
  const done = useRef<HTMLDivElement>(null);

  const submit = () => {
    const parsed = feedbackCreate.safeParse({ message, ...(email.trim() ? { email } : {}), ...(page.trim() ? { page } : {}), language: lang });
    const problems = new Map<string, string>();
    for (const issue of parsed.error?.issues ?? []) {
      const field = String(issue.path[0]);
      problems.set(field, issue.message.includes('identity code') ? 'personalId' : field === 'email' ? 'email' : 'required');
    }
    setInvalid(problems);
    if (!parsed.success) return;
    send.mutate(parsed.data, {
      onSuccess: () => {
        setMessage('');
        setEmail('');
        setPage('');
        requestAnimationFrame(() => done.current?.focus());
      },
    });
  };

  const status = (field: string) => (invalid.has(field) ? ('error' as const) : ('default' as const));
  const statusText = (field: string) => (invalid.has(field) ? t(`validation.${invalid.get(field)}`) : undefined);
  return (
    <section className="a11y-feedback" aria-labelledby="a11y-feedback-heading">
      <Heading variant="h3" id="a11y-feedback-heading" mb="s">
        {t('feedback.heading')}
      </Heading>
      {send.isSuccess && (
        <div ref={done} tabIndex={-1}>
          <NoticeAlert>{t('feedback.sent', { date: formatDay(helsinkiDay(new Date(send.data.dueAt)), lang) })}</NoticeAlert>
        </div>
      )}
      <form
        className="a11y-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Textarea
          labelText={t('feedback.message')}
          hintText={t('feedback.messageHint')}
          value={message}
          maxLength={4000}
          onChange={(e) => setMessage(e.target.value)}
          status={status('message')}
          statusText={statusText('message')}
          fullWidth
        />
        <TextInput
          labelText={t('feedback.email')}
          optionalText={t('optional')}
          hintText={t('feedback.emailHint')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(v) => setEmail(String(v ?? ''))}
          status={status('email')}
          statusText={statusText('email')}
          fullWidth
        />
        <TextInput
          labelText={t('feedback.page')}
          optionalText={t('optional')}
          hintText={t('feedback.pageHint')}
          value={page}
          maxLength={500}
          onChange={(v) => setPage(String(v ?? ''))}
          status={status('page')}
          statusText={statusText('page')}
          fullWidth
        />
        {send.isError && <ErrorAlert>{errorMessage(t, send.error)}</ErrorAlert>}
        <div>
          <Button type="submit" disabled={send.isPending}>
            {send.isPending ? t('feedback.sending') : t('feedback.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
