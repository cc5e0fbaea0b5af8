import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { NoticeAlert } from '../../components/Alerts';
import { useFeedbackSummary } from './api';

export const FEEDBACK_INBOX = '/reports/accessibility-feedback';

/**
 * The in-app reminder on the reports front page: the way to the inbox, with a notice while feedback waits past
 * its day 10 or its 14-day deadline (the e-mail reminders say the same when SMTP is set).
 */
export function FeedbackLink() {
  const { t } = useTranslation('accessibility');
  const summary = useFeedbackSummary(true).data;
  const late = summary ? summary.day10 + summary.overdue : 0;
  return (
    <>
      {summary && late > 0 && (
        <NoticeAlert status="warning">
          {summary.overdue > 0 ? t('inbox.noticeOverdue', { count: summary.overdue }) : t('inbox.noticeDay10', { count: summary.day10 })}{' '}
          <RouterLink asComponent={Link} to={FEEDBACK_INBOX}>
            {t('inbox.answerNow')}
          </RouterLink>
        </NoticeAlert>
      )}
      <p className="status-link">
        <RouterLink asComponent={Link} to={FEEDBACK_INBOX}>
          {t('inbox.link')}
        </RouterLink>
        {summary && summary.open > 0 && <span className="a11y-count"> {t('inbox.openCount', { count: summary.open })}</span>}
      </p>
    </>
  );
}
