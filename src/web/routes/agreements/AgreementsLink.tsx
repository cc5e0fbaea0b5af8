import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { useAgreements } from './api';
import { OverdueNotice } from './AgreementsListPage';
import './agreements.css';

/** The reports front page's way to the agreements; the point manager also sees overdue duties there. */
export function AgreementsLink({ to, warnOverdue }: { to: string; warnOverdue: boolean }) {
  const { t } = useTranslation('agreements');
  const agreements = useAgreements(warnOverdue);
  return (
    <>
      {warnOverdue && agreements.data && <OverdueNotice agreements={agreements.data} canEdit={false} />}
      <p className="status-link">
        <RouterLink asComponent={Link} to={to}>
          {t('reports.link')}
        </RouterLink>
      </p>
    </>
  );
}
