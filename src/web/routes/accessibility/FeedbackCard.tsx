import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Heading, Textarea } from 'suomifi-ui-components';
import type { FeedbackItem } from '../../../shared/accessibility';
import { ErrorAlert } from '../../components/Alerts';
import { errorMessage } from '../../errors';
import type { Language } from '../../i18n/languages';
import { formatInstant } from '../agreements/format';
import { useAnswerFeedback, useCloseFeedback } from './api';

const LANGUAGE_NAMES = { fi: 'suomi', sv: 'svenska', en: 'English' } as const;

/** One feedback item: what was sent, its deadline, and the answer (by e-mail when the sender left an address). */
export function FeedbackCard({ item }: { item: FeedbackItem }) {
  const { t, i18n } = useTranslation('accessibility');
  const lang = i18n.language as Language;
  const at = (iso: string | null) => formatInstant(iso, lang);
  const headingId = `feedback-${item.id}`;
  return (
    <article className={`a11y-card${item.attention ? ` a11y-card-${item.attention}` : ''}`} aria-labelledby={headingId}>
      <Heading variant="h3" id={headingId} mb="xs">
        {t('inbox.receivedHeading', { at: at(item.receivedAt) })}
      </Heading>
      {item.attention && <p className="a11y-flag">{t(`inbox.attention.${item.attention}`)}</p>}
      <dl className="a11y-facts">
        <dt>{t('inbox.dueAt')}</dt>
        <dd>{at(item.dueAt)}</dd>
        <dt>{t('inbox.status')}</dt>
        <dd>{t(`inbox.statuses.${item.status}`)}</dd>
        <dt>{t('inbox.page')}</dt>
        <dd>{item.page ?? t('inbox.notGiven')}</dd>
        <dt>{t('inbox.email')}</dt>
        <dd>{item.email ?? t('inbox.notGiven')}</dd>
        <dt>{t('inbox.language')}</dt>
        <dd>{item.language ? LANGUAGE_NAMES[item.language] : t('inbox.notGiven')}</dd>
      </dl>
      <blockquote className="a11y-message" lang={item.language ?? undefined}>
        {item.message}
      </blockquote>
      {item.answer !== null && (
        <div className="a11y-answer">
          <p className="a11y-meta">
            {t(item.answerEmailed ? 'inbox.answeredEmailed' : 'inbox.answeredNotEmailed', { at: at(item.answeredAt), by: item.answeredBy?.name ?? '' })}
          </p>
          <p className="a11y-text">{item.answer}</p>
        </div>
      )}
      {item.status === 'new' && <AnswerForm item={item} />}
      {item.status === 'answered' && <CloseButton item={item} />}
    </article>
  );
}

function AnswerForm({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation('accessibility');
  const [answer, setAnswer] = useState('');
  const [sendEmail, setSendEmail] = useState(!!item.email);
  const [empty, setEmpty] = useState(false);
  const answerIt = useAnswerFeedback(item.id);
  const close = useCloseFeedback(item.id);
  const error = answerIt.error ?? close.error;
  return (
    <form
      className="a11y-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setEmpty(!answer.trim());
        if (answer.trim()) answerIt.mutate({ answer, sendEmail: sendEmail && !!item.email });
      }}
    >
      <Textarea
        labelText={t('inbox.answer')}
        hintText={item.email ? t('inbox.answerHintEmail') : t('inbox.answerHintNoEmail')}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        status={empty ? 'error' : 'default'}
        statusText={empty ? t('validation.required') : undefined}
        fullWidth
      />
      {item.email && (
        <Checkbox checked={sendEmail} onClick={({ checkboxState }) => setSendEmail(checkboxState)}>
          {t('inbox.sendEmail', { email: item.email })}
        </Checkbox>
      )}
      {error && <ErrorAlert>{errorMessage(t, error)}</ErrorAlert>}
      <div className="a11y-actions">
        <Button type="submit" disabled={answerIt.isPending}>
          {sendEmail && item.email ? t('inbox.sendAnswer') : t('inbox.saveAnswer')}
        </Button>
        <Button variant="secondary" disabled={close.isPending} onClick={() => close.mutate()}>
          {t('inbox.closeWithout')}
        </Button>
      </div>
    </form>
  );
}

function CloseButton({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation('accessibility');
  const close = useCloseFeedback(item.id);
  return (
    <div className="a11y-actions">
      {close.error && <ErrorAlert>{errorMessage(t, close.error)}</ErrorAlert>}
      <Button variant="secondary" disabled={close.isPending} onClick={() => close.mutate()}>
        {t('inbox.close')}
      </Button>
    </div>
  );
}
