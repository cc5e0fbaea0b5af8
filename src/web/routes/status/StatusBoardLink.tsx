import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';

/** To the live status board, from the desk's and the coordinator's front pages. */
export function StatusBoardLink({ to }: { to: string }) {
  const { t } = useTranslation('assistance');
  return (
    <p className="status-link">
      <RouterLink asComponent={Link} to={to}>
        {t('board.open')}
      </RouterLink>
    </p>
  );
}
