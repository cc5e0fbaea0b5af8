import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';

/** A front page's way to a time-report page (the desk's week, the point's month, claims and the report). */
export function TimeReportLink({ to, text }: { to: string; text: 'desk.link' | 'month.link' | 'claims.link' }) {
  const { t } = useTranslation('timeReports');
  return (
    <p className="status-link">
      <RouterLink asComponent={Link} to={to}>
        {t(text)}
      </RouterLink>
    </p>
  );
}
