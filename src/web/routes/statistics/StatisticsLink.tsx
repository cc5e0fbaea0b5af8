import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';

/** From the reports front page to the statistics. */
export function StatisticsLink() {
  const { t } = useTranslation('statistics');
  return (
    <p className="status-link">
      <RouterLink asComponent={Link} to="/reports/statistics">
        {t('link')}
      </RouterLink>
    </p>
  );
}
