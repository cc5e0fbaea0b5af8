import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Face } from './Face';
import { sendFeedback } from './sessionApi';

/** Five faces, worst to best: the face is drawn, the name is spoken (and shown) for everyone. */
const SCORES = [1, 2, 3, 4, 5] as const;
export const FEEDBACK_TIMEOUT_MS = 60_000;

type Props = { token: string; meetingId: string; onDone(): void; onAnswered?(): void };

/**
 * After the meeting: one question, then a few seconds of thanks (and a reminder to take one's documents), then back
 * to the start; the kiosk keeps nothing about the customer.
 */
export function FeedbackScreen({ token, meetingId, onDone, onAnswered }: Props) {
  const { t } = useTranslation('terminal');
  const send = useMutation({ mutationFn: (score: number) => sendFeedback(token, meetingId, score), onSuccess: onAnswered });

  useEffect(() => {
    const timer = setTimeout(onDone, send.isSuccess ? 5_000 : FEEDBACK_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [onDone, send.isSuccess]);

  if (send.isSuccess) {
    return (
      <div className="terminal-feedback">
        <h1 className="terminal-title">{t('feedback.thanks')}</h1>
        <p className="terminal-text">{t('feedback.goodbye')}</p>
        <button type="button" className="terminal-primary" onClick={onDone}>
          {t('feedback.done')}
        </button>
      </div>
    );
  }
  return (
    <div className="terminal-feedback">
      <p className="terminal-text">{t('feedback.ended')}</p>
      <h1 className="terminal-title" id="feedback-question">
        {t('feedback.question')}
      </h1>
      <div className="terminal-faces" role="group" aria-labelledby="feedback-question">
        {SCORES.map((score) => (
          <button key={score} type="button" className="terminal-face" onClick={() => send.mutate(score)} disabled={send.isPending}>
            <Face score={score} />
            <span className="terminal-face-label">{t(`feedback.score${score}`)}</span>
          </button>
        ))}
      </div>
      {send.isError && (
        <p className="terminal-error" role="alert">
          {t('feedback.failed')}
        </p>
      )}
      <button type="button" className="terminal-secondary" onClick={onDone}>
        {t('feedback.skip')}
      </button>
    </div>
  );
}
